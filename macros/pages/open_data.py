"""Open data: the downloadable packages (CSV, datapackage.json, zip), schema.org JSON-LD and a DCAT-AP catalogue.

Published files are the package files, except that rows about fewer people than the suppression
threshold are left out, so a download never holds a figure the pages may not show.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

from markupsafe import Markup

from macros.charts.base import ILLUSTRATIVE_COLUMN, ILLUSTRATIVE_VALUE
from macros.data.model import Catalogue, PackageInfo
from macros.data.suppression import too_few
from macros.html.blocks import ILLUSTRATIVE_BADGE
from macros.html.builders import link, relative_url, table
from macros.pages.page import Body
from macros.text.downloads import FORMULA_STARTS, spreadsheet_safe
from macros.text.links import external

FOLDER = "data"
BLOCK = 1 << 22  # characters of a CSV published at a time (published_csv)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so two builds give byte-identical zips
# deflate's level: at 10,000 areas level 2 packs the observations in 0.3 s to 11.3 MB, the default (6) in 1.0 s to 9.5 MB,
# and the zip is the longest single job of every build that changes a figure
ZIP_LEVEL = 2
SITE_NAME = "Boligsocial Evidens"


def resource_url(package: str, path: str) -> str:
    return f"{FOLDER}/{package}/{path}"


def zip_url(package: str) -> str:
    return f"{FOLDER}/{package}.zip"


_FORMULA_CELL = re.compile("(^|[,\n\"])[" + re.escape("".join(FORMULA_STARTS)) + "]", re.M)  # a cell that may start like a formula


ILLUSTRATIVE_FIELD = {
    "name": ILLUSTRATIVE_COLUMN,
    "type": "string",
    "title": "Eksempeldata",
    "description": "ja: tallene i rækken er eksempeldata, dannet af projektet, og ikke officielle tal.",
    "constraints": {"enum": [ILLUSTRATIVE_VALUE]},
}


def published_descriptor(path: Path) -> bytes:
    """datapackage.json as committed, but an illustrative resource's schema has the column that says so on every row."""
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    if not any(r.get("illustrative") for r in descriptor["resources"]):
        return path.read_bytes()
    for resource in descriptor["resources"]:
        if resource.get("illustrative"):
            resource["schema"]["fields"].append(ILLUSTRATIVE_FIELD)
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def published_csv(path: Path, threshold: int, counts_people: bool, text_columns: frozenset[str] = frozenset(), illustrative: bool = False) -> bytes:
    """The CSV as committed, minus rows whose base_population is below the threshold, with text that a
    spreadsheet would run as a formula made text (macros/text/downloads.py) and, for illustrative figures,
    a last column saying so; other lines are kept byte for byte."""
    if not counts_people and not illustrative:
        raw = path.read_bytes()
        if not _FORMULA_CELL.search(raw.decode("utf-8")):
            return raw
    # read and written a block of lines at a time: the observations are a million lines at national scale, and holding
    # them as a list of strings took several times the file's size in each build's memory
    out = io.StringIO()
    with open(path, encoding="utf-8", newline="") as file:
        first, end = _line(file.readline())
        header = next(csv.reader([first]))
        column = header.index("base_population") if counts_people else None
        texts = [i for i, name in enumerate(header) if name in text_columns]
        mark = f",{ILLUSTRATIVE_VALUE}" if illustrative else ""
        out.write(first + (f",{ILLUSTRATIVE_COLUMN}" if illustrative else "") + end)
        while block := file.readlines(BLOCK):
            out.write(_published_block(block, column, texts, threshold, mark))
    return out.getvalue().encode("utf-8")


def _published_block(block: list[str], column: int | None, texts: list[int], threshold: int, mark: str) -> str:
    """Lines as read (each with its '\n', the last maybe without) as published. Lines of plain cells, with no cell a
    spreadsheet could run, are the rule: they are cut and joined at C speed (a million lines at national scale)."""
    text = "".join(block)
    if '"' in text or "\r" in text or (texts and _may_run(text)):
        published = []
        for read in block:
            line, end = _line(read)
            kept = _published_line(line, column, texts, threshold)
            if kept is not None:
                published.append(kept + (mark if line else "") + end)
        return "".join(published)
    lines = text.split("\n")
    last = lines.pop()  # '' after a final '\n'; else the file's last line, which has none
    if column is not None:
        bases = [line.split(",", column + 1)[column] if line else "" for line in lines]
        smallest = min(map(int, filter(None, bases)), default=None)
        if smallest is not None and too_few(smallest, threshold):  # the block has a line to leave out
            few = {i for i, base in enumerate(bases) if base and too_few(int(base), threshold)}
            lines = [line for i, line in enumerate(lines) if i not in few]
    if "" in lines:  # a blank line is kept as it is, without the mark
        published = "".join(line + (mark if line else "") + "\n" for line in lines)
    else:
        published = (mark + "\n").join(lines) + (mark + "\n" if lines else "")
    kept = _published_line(last, column, texts, threshold) if last else ""
    return published + (kept + mark if kept else "")


def _may_run(text: str) -> bool:
    """Whether a cell in lines without quotes starts like a formula: _FORMULA_CELL's question, asked with substring
    searches, which are many times faster than the pattern over a national file."""
    return text.startswith(FORMULA_STARTS) or any(c in text and (f",{c}" in text or f"\n{c}" in text) for c in FORMULA_STARTS)


def _line(read: str) -> tuple[str, str]:
    """A line as read, and its '\n' apart (the last line may have none)."""
    return (read[:-1], "\n") if read.endswith("\n") else (read, "")


def _published_line(line: str, column: int | None, texts: list[int], threshold: int) -> str | None:
    """The line as published: None for a figure about too few people, text a spreadsheet would run made text."""
    if not line:
        return line
    # most lines hold no quoted cell, and splitting them is 10× faster than a reader (a million lines at national scale)
    cells = line.split(",") if '"' not in line else next(csv.reader([line]))
    if column is not None and cells[column] and too_few(int(cells[column]), threshold):
        return None
    if any(cells[i].startswith(FORMULA_STARTS) for i in texts if i < len(cells)):
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow([spreadsheet_safe(c) if i in texts else c for i, c in enumerate(cells)])
        return out.getvalue()
    return line


def package_files(root: Path, package: PackageInfo, threshold: int) -> dict[str, bytes]:
    """Every published file of one package, by its site path, including the zip of the whole package."""
    folder = root / "datapackages" / package.name
    files = {resource_url(package.name, "datapackage.json"): published_descriptor(folder / "datapackage.json")}
    for resource in package.resources:
        counts_people = any(f.name == "base_population" and f.type == "integer" for f in resource.fields)
        texts = frozenset(f.name for f in resource.fields if f.type == "string")
        illustrative = resource.name in package.illustrative_resources
        files[resource_url(package.name, resource.path)] = published_csv(folder / resource.path, threshold, counts_people, texts, illustrative)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for site_path, content in files.items():
            info = zipfile.ZipInfo(f"{package.name}/{site_path.rsplit('/', 1)[1]}", date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content, compresslevel=ZIP_LEVEL)
    files[zip_url(package.name)] = buffer.getvalue()
    return files


def _absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + path if base_url else path


def json_ld(catalogue: Catalogue, base_url: str) -> list[dict]:
    """schema.org Dataset per package, naming every resource as a DataDownload."""
    datasets = []
    for package in catalogue.packages.values():
        downloads = [
            {
                "@type": "DataDownload",
                "name": r.title,
                "description": r.description,
                "encodingFormat": "text/csv",
                "contentUrl": _absolute(base_url, resource_url(package.name, r.path)),
            }
            for r in package.resources
        ]
        downloads.append(
            {
                "@type": "DataDownload",
                "name": f"{package.title} (hele pakken)",
                "encodingFormat": "application/zip",
                "contentUrl": _absolute(base_url, zip_url(package.name)),
            }
        )
        datasets.append(
            {
                "@context": "https://schema.org",
                "@type": "Dataset",
                "identifier": package.name,
                "name": package.title,
                "description": package.description,
                "license": package.licence_url,
                "inLanguage": "da",
                "isAccessibleForFree": True,
                "version": package.version,
                "dateModified": package.updated,
                "creator": {"@type": "Organization", "name": SITE_NAME},
                "variableMeasured": sorted({f.name for r in package.resources for f in r.fields}),
                "distribution": downloads,
            }
        )
    return datasets


def dcat_catalogue(catalogue: Catalogue, base_url: str) -> str:
    """A DCAT-AP catalogue in JSON-LD that national data portals can harvest."""
    media = {
        "text/csv": "http://www.iana.org/assignments/media-types/text/csv",
        "application/zip": "http://www.iana.org/assignments/media-types/application/zip",
    }
    datasets = []
    for package in catalogue.packages.values():
        distributions = [
            {
                "@type": "dcat:Distribution",
                "dct:title": r.title,
                "dct:description": r.description,
                "dcat:downloadURL": {"@id": _absolute(base_url, resource_url(package.name, r.path))},
                "dcat:accessURL": {"@id": _absolute(base_url, f"{FOLDER}/")},
                "dcat:mediaType": {"@id": media["text/csv"]},
                "dct:license": {"@id": package.licence_url},
            }
            for r in package.resources
        ]
        distributions.append(
            {
                "@type": "dcat:Distribution",
                "dct:title": f"{package.title} (zip med datapackage.json)",
                "dcat:downloadURL": {"@id": _absolute(base_url, zip_url(package.name))},
                "dcat:accessURL": {"@id": _absolute(base_url, f"{FOLDER}/")},
                "dcat:mediaType": {"@id": media["application/zip"]},
                "dct:license": {"@id": package.licence_url},
            }
        )
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "@id": _absolute(base_url, f"{FOLDER}/#{package.name}"),
                "dct:identifier": package.name,
                "dct:title": package.title,
                "dct:description": package.description,
                "owl:versionInfo": package.version,
                "dct:modified": package.updated,
                "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DAN"},
                "dct:publisher": {"@type": "foaf:Agent", "foaf:name": SITE_NAME},
                "dcat:distribution": distributions,
            }
        )
    document = {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "owl": "http://www.w3.org/2002/07/owl#",
        },
        "@id": _absolute(base_url, f"{FOLDER}/catalog.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": SITE_NAME,
        "dct:description": "Åbne data om boligsociale indsatser, boligområder, indikatorer, evalueringer og helhedsplaner.",
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/DAN"},
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": SITE_NAME},
        "dcat:dataset": datasets,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def data_page(catalogue: Catalogue, page_url: str, base_url: str) -> Body:
    """Every package and resource with its fields, licence, sources and downloads, plus JSON-LD."""
    body = Body(page_url)
    body.add(
        Markup('<script type="application/ld+json">')
        + Markup(json.dumps(json_ld(catalogue, base_url), ensure_ascii=False).replace("<", "\\u003c"))
        + Markup("</script>")
        + Markup("<p>Hele kataloget som DCAT-AP til dataportaler: {}.</p>").format(link(relative_url(page_url, f"{FOLDER}/catalog.jsonld"), "catalog.jsonld"))
    )
    for package in catalogue.packages.values():
        body.heading(2, package.title, slug=package.name)
        illustrative = Markup(" ") + ILLUSTRATIVE_BADGE if package.illustrative_resources else ""
        sources = Markup("; ").join(external(url, title) for title, url in package.sources)
        downloads = Markup("{} · {}").format(
            link(relative_url(page_url, zip_url(package.name)), f"Hele pakken som zip ({package.name}.zip)"),
            link(relative_url(page_url, resource_url(package.name, "datapackage.json")), "datapackage.json"),
        )
        body.add(
            Markup(
                "<p>{}{}</p><p><strong>Licens:</strong> {} · <strong>Version:</strong> {} · <strong>Senest ændret:</strong> {} · "
                "<strong>Kilder:</strong> {}</p><p><strong>Hent:</strong> {}</p>"
            ).format(
                package.description,
                illustrative,
                external(package.licence_url, package.licence),
                package.version or "–",
                package.updated or "ikke registreret",
                sources,
                downloads,
            )
        )
        for resource in package.resources:
            mark = " (eksempeldata)" if resource.name in package.illustrative_resources and "eksempeldata" not in resource.title.lower() else ""
            body.heading(3, f"{resource.title}{mark}", slug=f"{package.name}-{resource.name.replace('_', '-')}")
            csv_link = link(relative_url(page_url, resource_url(package.name, resource.path)), f"Hent {resource.path}")
            rows = [(Markup("<code>{}</code>").format(f.name), f.type, f.title, f.description) for f in resource.fields]
            body.add(
                Markup("<p>{} {} rækker. {}</p>").format(resource.description, resource.rows, csv_link)
                + table(("Felt", "Type", "Titel", "Beskrivelse"), rows, caption=f"Felter i {resource.path}")
            )
    return body
