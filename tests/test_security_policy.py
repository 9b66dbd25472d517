"""The second wall: every page of both engines carries a Content-Security-Policy that lets only the site's
own files run, style and load, and the page still does everything a reader uses under it; markup that
escaping let through would not run."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import compare_two, serve_folder
from tests.test_reader import PAGE_TYPES, open_drawn

ENGINES = ("mkdocs", "zensical")
# what the page itself records: every violation of its policy, as 'directive blocked-uri'
RECORD = (
    "window.bseViolations = [];"
    "document.addEventListener('securitypolicyviolation', e => window.bseViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + "
    "e.sourceFile + ':' + e.lineNumber + ' ' + e.sample));"
)
SCRIPT_TYPES = {None, "", "text/javascript", "application/javascript", "module"}
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}


@pytest.fixture(params=ENGINES)
def built(request) -> tuple[str, Path]:
    return request.param, request.getfixturevalue("site" if request.param == "mkdocs" else "zensical_site")


class Page(HTMLParser):
    """What a browser would run on a page, read with the standard library's HTML parser (not the writer's regex)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.policies: list[str] = []
        self.policy_before_script = False
        self.seen_script = False
        self.inline: list[str] = []
        self.handlers: list[str] = []  # on…= and style= attributes
        self.addresses: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attributes["content"])
            self.policy_before_script = not self.seen_script
        if tag == "script":
            self.seen_script = True
            if "src" not in attributes and attributes.get("type") in SCRIPT_TYPES:
                self._script = []
        self.handlers += [f"<{tag} {k}>" for k, _ in attrs if k.startswith("on") or k == "style"]
        self.addresses += [v for k, v in attrs if k in ADDRESS_ATTRIBUTES and v]

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline.append("".join(self._script))
            self._script = None


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_every_page_has_one_policy_before_its_scripts_that_allows_exactly_its_own_inline_scripts(built):
    engine, site = built
    pages = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin")  # the form has its own (below)
    assert len(pages) > 150
    for path in pages:
        page = read(path)
        assert len(page.policies) == 1 and page.policy_before_script, path
        policy = directives(page.policies[0])
        assert policy.pop("script-src") == ["'self'", *sorted({sha256(s) for s in page.inline})], path
        assert page.inline, path  # the theme's own scripts, allowed by their hashes
        styles = policy.pop("style-src")  # Zensical's search box inserts one stylesheet, allowed by its hash
        assert styles[0] == "'self'" and len(styles) == (1 if engine == "mkdocs" else 2), path
        assert all(re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", s) for s in styles[1:]), path
        assert policy == {
            "default-src": ["'self'"],
            "img-src": ["'self'", "data:"],
            "font-src": ["'self'"],
            "connect-src": ["'self'"],
            "worker-src": ["'self'"],
            "object-src": ["'none'"],
            "base-uri": ["'self'"],
            "form-action": ["'self'"],
        }, path


def test_the_editors_form_may_talk_to_githubs_api_and_nowhere_else_outside_the_site(built):
    """Sveltia CMS at /admin/ saves through GitHub's API and writes its own styles; every script is a file of the site."""
    _, site = built
    page = read(site / "admin" / "index.html")
    assert len(page.policies) == 1 and page.policy_before_script and page.inline == []
    policy = directives(page.policies[0])
    assert policy.pop("connect-src") == ["'self'", "data:", "blob:", "https://api.github.com"]
    assert policy.pop("style-src") == ["'self'", "'unsafe-inline'"]
    assert policy == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "frame-src": ["'self'", "blob:"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }


def test_the_sites_own_html_has_no_event_handler_no_style_attribute_and_no_address_of_another_scheme(built):
    engine, site = built
    for path in site.rglob("*.html"):
        page = read(path)
        assert page.handlers == [], path
        others = [a for a in page.addresses if re.match(r"\s*[a-zA-Z][a-zA-Z0-9+.-]*:", a) and not re.match(r"(https?|mailto):", a)]
        assert others == [], path


def open_recording(browser, width: int = 390):
    """A new page that keeps its console errors and records its policy violations."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type in ("error", "warning") and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.add_init_script(RECORD)
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.bseViolations")


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_each_page_type_draws_its_charts_with_no_policy_violation_or_console_error(browser, built, kind):
    engine, site = built
    with serve_folder(site) as base:
        page = open_recording(browser)
        open_drawn(page, base, PAGE_TYPES[kind])
        assert violations(page) == [] and page.errors == [], (engine, kind)
        page.context.close()


def search(page, engine: str, query: str) -> str:
    """The address of the first result for a query typed into the engine's search box."""
    if engine == "mkdocs":
        page.locator("label.md-search__icon, .md-search__input").first.click()
        page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent.trim() === 'Indtast søgeord'", timeout=20000)
        page.locator("input.md-search__input").press_sequentially(query, delay=20)
        first = page.locator(".md-search-result__item > .md-search-result__link").first
    else:
        page.locator(".md-search__button").first.click()
        page.keyboard.type(query, delay=20)
        first = page.locator('a[role="option"]').first  # Zensical's results sit in an open shadow root
    first.wait_for(timeout=20000)
    return first.get_attribute("href")


def test_search_filters_the_compare_view_and_chart_tooltips_work_under_the_policy(browser, built):
    engine, site = built
    with serve_folder(site) as base:
        page = open_recording(browser, width=1280)
        page.goto(f"{base}/")
        assert "omraader/mjoelnerparken/" in search(page, engine, "mjølnerparken")
        assert violations(page) == []

        page.goto(f"{base}/aktiviteter/")
        total = page.locator("li.bse-card").count()
        page.get_by_label("Tema", exact=True).select_option(label="kriminalpræventiv indsats")
        assert 0 < page.locator("li.bse-card:visible").count() < total
        assert violations(page) == []

        compare_two(page, base, "Mjølnerparken", "vollsmose")
        page.wait_for_function("() => document.querySelector('[data-compare-figure] svg')", timeout=20000)
        assert violations(page) == []

        open_drawn(page, base, "indikatorer/ledighed/")
        for mark in page.locator(".bse-chart__canvas svg .role-mark path, .bse-chart__canvas svg .role-mark rect").all()[:40]:
            mark.hover(force=True)
            if page.locator("#vg-tooltip-element.visible").count():
                break
        tooltip = page.locator("#vg-tooltip-element.visible")
        assert tooltip.count() == 1 and tooltip.inner_text().strip()
        assert tooltip.evaluate("t => getComputedStyle(t).position") == "fixed"  # site.css, not a style element
        assert page.evaluate("document.querySelectorAll('style').length") == 0
        assert violations(page) == [] and page.errors == []
        page.context.close()


def test_a_script_and_an_event_handler_added_to_a_built_page_do_not_run(browser, built, tmp_path):
    engine, site = built
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    area = copy / "omraader/mjoelnerparken/index.html"
    html = area.read_text(encoding="utf-8")
    added = (
        '<script>window.bseRan = "script"</script><img src="x.png" alt="" onerror="window.bseRan = \'onerror\'">'
        '<a id="bse-js" href="javascript:window.bseRan = \'link\'">x</a>'
    )
    area.write_text(html.replace("</article>", added + "</article>", 1), encoding="utf-8")
    with serve_folder(copy) as base:
        page = open_recording(browser)
        open_drawn(page, base, "omraader/mjoelnerparken/")  # the page's own scripts still draw every chart
        page.locator("#bse-js").click()
        page.wait_for_timeout(300)
        assert page.evaluate("window.bseRan") is None
        found = violations(page)
        assert any(v.startswith("script-src-elem inline") for v in found), found
        assert any(v.startswith("script-src-attr inline") for v in found), found
        page.context.close()
