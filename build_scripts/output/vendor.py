"""Third-party browser files the site serves itself, fetched once from the npm registry and checked.

Each package is pinned by version and by the registry's own integrity hash (sha512), so a changed
or tampered file is refused. The files are kept in .cache/vendor/ and copied into the site by the
pages that use them (build_scripts/output/cms.py). Only Python is needed, no Node.js.
"""

from __future__ import annotations

import base64
import hashlib
import io
import tarfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REGISTRY = "https://registry.npmjs.org"


@dataclass(frozen=True)
class Package:
    name: str  # e.g. @sveltia/cms
    version: str
    integrity: str  # the registry's dist.integrity
    files: tuple[str, ...]  # paths inside the package folder

    @property
    def tarball(self) -> str:
        return f"{REGISTRY}/{self.name}/-/{self.name.rsplit('/', 1)[-1]}-{self.version}.tgz"


class VendorError(Exception):
    pass


def folder(cache: Path, package: Package) -> Path:
    return cache / "vendor" / f"{package.name.replace('/', '+')}@{package.version}"


def fetch(cache: Path, package: Package) -> Path:
    """The package's files in the cache, downloaded and checked against its integrity hash if not there yet."""
    target = folder(cache, package)
    if all((target / f).is_file() for f in package.files):
        return target
    try:
        with urllib.request.urlopen(package.tarball, timeout=120) as response:
            data = response.read()
    except OSError as error:
        raise VendorError(f"{package.name}@{package.version} kunne ikke hentes fra {REGISTRY} ({error}). Tjek netforbindelsen, og prøv igen.") from error
    algorithm, _, expected = package.integrity.partition("-")
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != expected:
        raise VendorError(f"{package.name}@{package.version} fra {REGISTRY} har ikke den forventede kontrolsum; filen bruges ikke.")
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
        for name in package.files:
            member = archive.getmember(f"package/{name}")
            out = target / name
            out.parent.mkdir(parents=True, exist_ok=True)
            partial = out.with_name(f"{out.name}.partial")
            partial.write_bytes(archive.extractfile(member).read())
            partial.replace(out)  # whole or not there: a build stopped mid-write never leaves a cut file behind
    return target
