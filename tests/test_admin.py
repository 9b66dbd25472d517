"""The editors' form at /admin/ (Sveltia CMS): made from the schemas, valid, self-hosted, and it writes files the
project's check accepts. The browser tests answer Sveltia's folder picker with an origin-private folder holding a
copy of the project, so the form really reads and writes the project's files, as it does on an editor's laptop."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from macros.data.activities import schema
from tests.conftest import ROOT, copy_project, mkdocs_build

EVALUATIONS = ROOT / "datapackages" / "evaluations"


def config(site: Path) -> dict:
    return yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))


def collection(site: Path, name: str) -> dict:
    return next(c for c in config(site)["collections"] if c["name"] == name)


def test_the_form_configuration_validates_against_the_schema_sveltia_ships(site):
    import jsonschema

    shipped = json.loads((site / "admin" / "sveltia" / "schema" / "sveltia-cms.json").read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft7Validator(shipped).iter_errors(config(site))]
    assert errors == []
    assert config(site)["publish_mode"] == "editorial_workflow"  # each save a branch and a pull request


def test_every_activity_field_is_in_the_form_with_its_widget_and_constraint(site):
    activity = schema()
    fields = {f["name"]: f for f in collection(site, "aktiviteter")["fields"]}
    assert list(fields) == [*activity["properties"], "body"]
    for name, spec in activity["properties"].items():
        field = fields[name]
        assert field["required"] == (name in activity["required"]) and field["label"] == spec["title"], name
        if spec.get("type") == "array" and "enum" in spec["items"]:
            assert field["widget"] == "select" and field["multiple"] and field["options"] == spec["items"]["enum"], name
            assert field["min"] == spec["minItems"]
        elif "enum" in spec:
            assert field["widget"] == "select" and [o["value"] for o in field["options"]] == spec["enum"], name
        elif spec.get("type") == "array" and spec["items"].get("type") == "object":
            assert field["widget"] == "list" and [f["name"] for f in field["fields"]] == list(spec["items"]["properties"]), name
        elif spec.get("type") == "array":
            assert field["widget"] == "relation" and field["collection"] == "aktiviteter" and field["value_field"] == "slug", name
        elif spec.get("type") == "object":
            assert field["widget"] == "object" and [f["name"] for f in field["fields"]] == list(spec["properties"]), name
        else:
            assert field.get("minlength") == spec.get("minLength") and field.get("maxlength") == spec.get("maxLength"), name
            assert field.get("pattern", [None])[0] == spec.get("pattern"), name
    body = fields["body"]["default"]
    assert [h for h in re.findall(r"^## (.+)$", body, re.M)] == [
        "Hvad er aktiviteten?", "Hvorfor skulle det virke?", "For hvem og hvornår?", "Sådan gør man", "Hvad koster det?",
        "Hvad viser evalueringerne?", "Kilder",
    ]


def test_every_column_of_the_edited_tables_is_in_the_form_with_its_widget_and_constraint(site):
    descriptor = json.loads((EVALUATIONS / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    files = {f["name"]: f for f in collection(site, "evalueringer")["files"]}
    assert list(files) == ["studies", "results", "result_activities", "located_studies"]
    for name, entry in files.items():
        resource = resources[name]
        assert entry["file"] == f"datapackages/evaluations/{resource['path']}" and entry["format"] == f"csv-{name}"
        columns = {f["name"]: f for f in entry["fields"][0]["fields"]}
        assert list(columns) == [f["name"] for f in resource["schema"]["fields"]], name
        references = {fk["fields"]: fk["reference"] for fk in resource["schema"].get("foreignKeys", ())}
        for spec in resource["schema"]["fields"]:
            field, constraints = columns[spec["name"]], spec.get("constraints", {})
            assert field["required"] == bool(constraints.get("required")), (name, spec["name"])
            target = references.get(spec["name"])
            if spec["name"] == "activity_id":
                assert (field["widget"], field["collection"]) == ("relation", "aktiviteter")
            elif target and target["resource"] in files:
                assert (field["widget"], field["file"], field["value_field"]) == ("relation", target["resource"], f"rows.*.{target['fields']}")
            elif target:  # a lookup table: its rows are the choices
                with open(EVALUATIONS / resources[target["resource"]]["path"], encoding="utf-8") as f:
                    keys = [line.split(",", 1)[0] for line in f.read().splitlines()[1:]]
                assert field["widget"] == "select" and field["options"] == keys, (name, spec["name"])
            elif "enum" in constraints:
                assert field["widget"] == "select" and field["options"] == constraints["enum"]
            elif spec["type"] in ("integer", "number"):
                assert field["widget"] == "number" and field["value_type"] == ("int" if spec["type"] == "integer" else "float")
                assert (field.get("min"), field.get("max")) == (constraints.get("minimum"), constraints.get("maximum"))
            else:
                assert field["widget"] == "string" and field.get("pattern", [None])[0] == constraints.get("pattern")


def test_the_csv_format_reads_and_writes_every_edited_table_byte_for_byte(browser, server):
    """In Chromium, with the site's own Papa Parse and csv-format.js: reading a table and writing it again gives
    the same bytes, so a form edit can only change the rows it edits; numbers keep the text they were read with."""
    page = browser.new_page()
    page.goto(f"{server}/admin/sveltia/package.json")
    page.evaluate("() => { window.formats = {}; window.CMS = { registerCustomFormat: (n, e, f) => { window.formats[n] = f; } }; }")
    page.add_script_tag(url=f"{server}/admin/papaparse.min.js")
    page.add_script_tag(url=f"{server}/admin/csv-format.js")
    assert sorted(page.evaluate("() => Object.keys(window.formats)")) == ["csv-located_studies", "csv-result_activities", "csv-results", "csv-studies"]
    again = "([n, t]) => window.formats[n].toFile(window.formats[n].fromFile(t))"
    for name in ("studies", "results", "result_activities", "located_studies"):
        text = (EVALUATIONS / f"{name}.csv").read_text(encoding="utf-8")
        assert page.evaluate(again, [f"csv-{name}", text]) == text, name
    # as Python's csv module writes: 3.0 stays 3.0, a leading space is not quoted, a comma or quote is
    header = (EVALUATIONS / "results.csv").read_text(encoding="utf-8").split("\n", 1)[0]
    row = 'x,cfbu-2012-godt-paa-vej, Madklub,"Udfald, med komma",uddannelse,3.0,12.50,procent,"41,5 ""mod"" 28",,før-efter,,https://a.dk/,udvikling over tid,'
    assert page.evaluate(again, ["csv-results", f"{header}\n{row}\n"]) == f"{header}\n{row}\n"
    empty = page.evaluate("t => window.formats['csv-located_studies'].toFile({rows: []})", "")
    assert empty == "study_id,activity_id\n"  # an emptied table keeps its own header
    page.close()


def test_the_form_loads_in_danish_with_no_console_error_and_no_request_outside_the_site(browser, server):
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    errors, outside = [], []
    page.on("console", lambda m: m.type in ("error", "warning") and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: not r.url.startswith((server, "data:", "blob:")) and outside.append(r.url))
    page.goto(f"{server}/admin/")
    page.get_by_role("button", name="Log ind med adgangstoken").wait_for()
    page.wait_for_timeout(1500)  # the update check and the fonts come after the first paint
    assert errors == [] and outside == []
    assert page.locator('meta[name="robots"]').first.get_attribute("content") == "noindex, nofollow"
    context.close()


def test_the_form_is_left_out_of_the_sitemap_and_the_search(site):
    assert "/admin/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "admin/" not in json.dumps([d["location"] for d in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]])


FILL = """async (files) => {
  const project = await (await navigator.storage.getDirectory()).getDirectoryHandle('projekt', {create: true});
  await project.getDirectoryHandle('.git', {create: true});  // Sveltia asks for a repository's root
  for (const [path, text] of Object.entries(files)) {
    let dir = project; const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const writable = await (await dir.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text); await writable.close();
  }
}"""
READ = """async (path) => {
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('projekt');
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
  return await (await (await dir.getFileHandle(parts.at(-1))).getFile()).text();
}"""
PICKER = "window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('projekt');"


def add(page, label: str):
    """Sveltia lays a long list out again and again while it loads: the button is clicked in the same moment it is found."""
    page.wait_for_timeout(1500)
    page.wait_for_function(
        "l => { const b = [...document.querySelectorAll('button')].filter(b => b.textContent.includes('Tilføj') && b.textContent.includes(l)).at(-1);"
        " if (b) b.click(); return Boolean(b); }", arg=label)
    page.wait_for_timeout(500)


def new_row(page):
    """Fold every row of the table, then add one: its fields are then the only ones visible."""
    page.get_by_role("button", name="Fold alle sammen").click()
    add(page, "Række")


def save(page):
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Dokumentet er gemt").last.wait_for()
    page.wait_for_timeout(500)


def choose(page, field: str, option: str):
    page.get_by_role("combobox", name=field).last.click()
    page.get_by_role("option", name=option, exact=True).click()


@pytest.mark.slow
def test_an_editor_creates_an_activity_and_a_result_through_the_forms_and_the_site_shows_them(browser, server, tmp_path):
    edited = ["content/aktiviteter/*.md", "datapackages/evaluations/*.csv"]
    files = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for pattern in edited for p in ROOT.glob(pattern)}
    # tall enough that Sveltia lays out a whole row of the table at once (it draws only what is on screen)
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 4000})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(PICKER)
    page.goto(f"{server}/admin/")
    page.evaluate(FILL, files)
    page.get_by_role("button", name="Arbejd med lokalt repository").click()
    page.get_by_text("Aktiviteter").first.wait_for()

    page.goto(f"{server}/admin/#/collections/aktiviteter/new")
    page.get_by_role("textbox", name="Titel").first.fill("Madklub for unge")
    page.get_by_role("textbox", name="Slug").fill("madklub-for-unge")
    page.get_by_role("checkbox", name="tryghed og trivsel").click()
    choose(page, "Målgrupper", "unge 13–17")
    page.get_by_role("textbox", name="Resumé").fill("Unge laver mad sammen en aften om ugen med en voksen fra boligområdet og spiser sammen bagefter.")
    page.get_by_role("radio", name=re.compile("^lav")).click()
    add(page, "Kilder")
    page.get_by_role("textbox", name="Titel").nth(1).fill("Center for Boligsocial Udvikling: Feltet")
    page.get_by_role("textbox", name="Adresse").fill("https://www.cfbu.dk/om-cfbu/feltet/")
    body = page.get_by_role("textbox", name="Siden")
    body.fill(body.input_value().replace("UDFYLD: skriv afsnittet.", "Unge og voksne laver mad sammen og spiser sammen bagefter."))
    save(page)

    page.goto(f"{server}/admin/#/collections/evalueringer/entries/results")
    new_row(page)
    values = {"Id": "cfbu-2026-madklub-deltagelse", "Indsats": "Madklub for unge", "Udfald": "Deltagelse i andre fritidstilbud",
              "Resultat": "41,5 % mod 28 %", "Kilde": "https://www.cfbu.dk/om-cfbu/feltet/"}
    for label, value in values.items():
        page.get_by_role("textbox", name=label, exact=True).last.fill(value)
    choose(page, "Studie", "Godt på vej – virkningen af fritidsjobaktiviteter")
    choose(page, "Område", "fællesskab og deltagelse")
    choose(page, "Design", "før-efter")
    choose(page, "Slags resultat", "udvikling over tid")
    save(page)

    page.goto(f"{server}/admin/#/collections/evalueringer/entries/result_activities")
    new_row(page)
    choose(page, "Resultat", "cfbu-2026-madklub-deltagelse")
    choose(page, "Aktivitet", "Madklub for unge")
    save(page)

    written = {path: page.evaluate(READ, path) for path in
               ("content/aktiviteter/madklub-for-unge.md", "datapackages/evaluations/results.csv", "datapackages/evaluations/result_activities.csv")}
    context.close()
    assert errors == []
    for table in ("results", "result_activities"):  # only the new row is new: the rest is byte for byte as it was
        before = files[f"datapackages/evaluations/{table}.csv"]
        after = written[f"datapackages/evaluations/{table}.csv"]
        assert after.startswith(before) and after[len(before):].count("\n") == 1, table
    assert written["datapackages/evaluations/result_activities.csv"].endswith("cfbu-2026-madklub-deltagelse,madklub-for-unge\n")

    project = copy_project(tmp_path / "projekt")
    for path, text in written.items():
        (project / path).write_text(text, encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")  # the build runs the project's check first
    assert result.returncode == 0, result.stderr
    page_html = (tmp_path / "site" / "aktiviteter" / "madklub-for-unge" / "index.html").read_text(encoding="utf-8")
    assert "Madklub for unge" in page_html and "41,5 % mod 28 %" in page_html
