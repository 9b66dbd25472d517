"""A link to another site, escaped: the one HTML primitive the lower layers need (a chart's source column)."""

from __future__ import annotations

from markupsafe import Markup, escape


def external(href: str | None, text: str) -> Markup:
    """A link to another site; a source given as a path in the repository (not a web address) stays plain text."""
    if not href or not href.startswith(("http://", "https://")):
        return escape(text)
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')  # same tab, so no rel="noopener" is needed
