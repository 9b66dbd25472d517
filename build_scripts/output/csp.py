"""The page's Content-Security-Policy, as a meta tag: the second wall behind escaping.

GitHub Pages cannot send headers of its own, so each page carries its policy in
<meta http-equiv="Content-Security-Policy"> (README, "Content-Security-Policy: the second wall": the
headers a host that can set them should add, for what a meta tag cannot say). Scripts, styles, images, fonts, workers and fetches come
only from the site itself; the theme's own inline scripts are allowed by the SHA-256 of their exact
text, computed here on the page as it is written, so a script that escaping let through does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Styles too come only from the site's own files: vega-embed and its tooltip would inject <style>
# elements, so charts.js turns those off and site.css carries their rules; the theme's scripts may insert
# stylesheets of their own (the engine's adapter names them: script_styles), allowed by their hashes.
DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (JSON and other data blocks are not run)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes = match.group(1) or ""
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _SCRIPT_TYPES):
            continue
        found.append(match.group(2))
    return found


def source_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style element."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(html: str, styles: list[str] = ()) -> str:
    """The policy for this page: its own inline scripts and the given stylesheets allowed by hash, nothing else inline."""
    allowed = {"script-src": inline_scripts(html), "style-src": styles}
    parts = []
    for name, value in DIRECTIVES:
        hashes = sorted({source_hash(text) for text in allowed.get(name, ())})
        parts.append(" ".join([name, value, *hashes]))
    return "; ".join(parts)


def with_policy(html: str, styles: list[str] = ()) -> str:
    """The page with its policy first in its head, before any script (a policy applies from where it stands)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, styles)}">'
    charset = _CHARSET.search(html)
    if charset:
        return html[: charset.end()] + tag + html[charset.end():]
    head = html.find("<head>")
    if head < 0:
        raise ValueError("siden har intet <head>")
    return html[: head + 6] + tag + html[head + 6:]
