"""Only http(s), mailto and the site's own addresses, and no markup that runs: every address column of
every package (found from its schema and its data), every source in front matter, every link and tag
in an editor's text. What holds today, kept holding."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from markupsafe import escape

from macros.data.load import PACKAGES
from tests.conftest import ROOT, copy_project, mkdocs_build, zensical_build

# what a browser would run or open as a page of its own, written as an editor might (case, leading space)
HOSTILE = ("javascript:alert('bse')", "data:text/html,<script>alert('bse')</script>", "vbscript:msgbox", " JaVaScRiPt:alert(1)", "file:///etc/passwd")
WEB = re.compile(r"https?://\S+")


def address_fields(root: Path = ROOT) -> list[tuple[str, dict, dict]]:
    """(package, resource, field) for every text column whose committed values are all web addresses."""
    found = []
    for package in PACKAGES:
        descriptor = json.loads((root / "datapackages" / package / "datapackage.json").read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            rows = list(csv.DictReader(io.StringIO((root / "datapackages" / package / resource["path"]).read_text(encoding="utf-8"))))
            for field in resource["schema"]["fields"]:
                values = [row[field["name"]] for row in rows if row[field["name"]]]
                if values and field.get("type", "string") == "string" and all(WEB.fullmatch(v) for v in values):
                    found.append((package, resource, field))
    return found


def check(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "build_scripts.commands.check"], cwd=project, capture_output=True, text=True)


def test_every_address_column_of_every_package_admits_web_addresses_only():
    fields = address_fields()
    assert {(p, r["name"]) for p, r, _ in fields} >= {("evaluations", "studies"), ("evaluations", "results"), ("areas", "designations"), ("pools", "pools")}
    for package, resource, field in fields:
        pattern = field.get("constraints", {}).get("pattern")
        assert pattern, (package, resource["name"], field["name"])
        assert re.fullmatch(pattern, "https://www.sbst.dk/bolig/udsatte-boligområder"), field["name"]
        assert not any(re.fullmatch(pattern, value) for value in HOSTILE), (package, resource["name"], field["name"])


def rewrite_first_row(table: Path, column: str, value: str) -> None:
    rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    rows[0][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    table.write_text(out.getvalue(), encoding="utf-8")


def test_another_scheme_in_any_address_and_active_html_in_any_page_are_refused_at_their_line(tmp_path):
    project = copy_project(tmp_path / "projekt")
    expected = []
    for n, (package, resource, field) in enumerate(address_fields(project)):
        rewrite_first_row(project / "datapackages" / package / resource["path"], field["name"], HOSTILE[n % len(HOSTILE)])
        expected.append(f"datapackages/{package}/{resource['path']}, linje 2, felt '{field['name']}': værdien er ikke en webadresse")
    activity = project / "content/aktiviteter/fritidsjob.md"
    activity.write_text(
        activity.read_text(encoding="utf-8").replace("url: https://cfbu.dk/udgivelser/godt-paa-vej/", "url: \"javascript:alert('bse')\"", 1), encoding="utf-8"
    )
    expected.append("content/aktiviteter/fritidsjob.md, linje 14, felt 'sources[0].url': adressen skal begynde med http:// eller https://")
    page = project / "content/om-data.md"
    lines = page.read_text(encoding="utf-8").count("\n")
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n".join(
            [
                '<iframe src="https://eksempel.dk/"></iframe>',
                '<img src="../assets/images/favicon.png" alt="" onerror="alert(1)">',
                '<p style="color: red">Røde bogstaver</p>',
                "Sådan ser et script ud: `<script>alert(1)</script>` (som kode vises det bare).",
                "```html",
                "<script>alert('også kode')</script>",
                "```",
                "",
            ]
        ),
        encoding="utf-8",
    )
    for offset, found in ((1, "<iframe"), (2, '<img src="../assets/images/favicon.png" '), (3, "<p style=")):
        expected.append(f"content/om-data.md, linje {lines + offset}: teksten indeholder HTML, der kan køre kode i læserens browser (fundet: '{found}')")

    result = check(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1 and "Traceback" not in output
    for line in expected:
        assert line in output, line
    assert f"content/om-data.md, linje {lines + 4}" not in output and f"content/om-data.md, linje {lines + 6}" not in output


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_an_editors_link_of_another_scheme_stops_the_build_and_nothing_is_published(tmp_path, engine):
    project = copy_project(tmp_path / "projekt")
    page = project / "content/om-data.md"
    links = ["data:text/html,x", "vbscript:msgbox", "file:///etc/passwd"]
    page.write_text(page.read_text(encoding="utf-8") + "\n" + " ".join(f"[link {n}]({link})" for n, link in enumerate(links)) + "\n", encoding="utf-8")
    out = tmp_path / "site" if engine == "mkdocs" else project / "site"
    result = mkdocs_build(project, out) if engine == "mkdocs" else zensical_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    for link in links:
        assert f"content/om-data.md: linket har en adresseform, sitet ikke tillader (fundet: '{link}')" in output
    assert not out.exists()


def test_a_mailto_link_stays_a_link_and_a_package_source_that_is_no_web_address_stays_text(tmp_path):
    project = copy_project(tmp_path / "projekt")
    page = project / "content/om-data.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSkriv til [redaktionen](mailto:redaktion@eksempel.dk).\n", encoding="utf-8")
    for package in PACKAGES:
        path = project / "datapackages" / package / "datapackage.json"
        descriptor = json.loads(path.read_text(encoding="utf-8"))
        descriptor["sources"][0]["path"] = "javascript:alert('bse')"
        path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    assert (result := mkdocs_build(project, tmp_path / "site")).returncode == 0, result.stderr
    assert '<a href="mailto:redaktion@eksempel.dk">redaktionen</a>' in (tmp_path / "site/om-data/index.html").read_text(encoding="utf-8")
    for html in (tmp_path / "site").rglob("*.html"):
        assert not re.search(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", html.read_text(encoding="utf-8"), re.I), html
    title = str(escape(json.loads((project / "datapackages/areas/datapackage.json").read_text(encoding="utf-8"))["sources"][0]["title"]))
    data_page = (tmp_path / "site/data/index.html").read_text(encoding="utf-8")
    assert title in data_page and f">{title}</a>" not in data_page  # the source named, as text
