"""The editors' form at /admin/: Sveltia CMS with a configuration made from the project's own schemas.

Nothing here is written by hand per field: the activity pages' fields come from
macros/data/schemas/activity.schema.json and the body from the scaffold's sections; studies and results
from the Table Schemas of the evaluations package (required fields required, enums as selects, a
foreign key to an edited table as a relation, one to a lookup table as a select of its rows). A table
is one file, read and written through admin/csv-format.js, which writes the CSV exactly as
build_scripts.commands.import_csv does, so a form edit changes only its own row in the diff.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from build_scripts.output.vendor import Package, VendorError, fetch
from macros.data.activities import body_scaffold, schema
from macros.data.problems import TODO

ACTIVITIES = "aktiviteter"  # the collection's name, and the folder under content/
EVALUATIONS = "evalueringer"
EDITED = ("studies", "results", "result_activities", "located_studies")  # one file each in the form
ROWS = "rows"  # the list field holding a table's rows (csv-format.js reads and writes it)
ACTIVITY_REFERENCES = {"activity_id"}  # columns that hold an activity page's slug

SVELTIA = Package("@sveltia/cms", "0.221.1", "sha512-J+Qoik9kGMk2L7vNpOQrnDmFRi+NB6vwJ0f657YtsxWH0P8WYSYRRSRC2pQ/jGGbVlM//Pg/WIgmkpswqoo3gQ==",
                  ("dist/sveltia-cms.js", "schema/sveltia-cms.json", "LICENSE.txt", "package.json", "locales/da.json", "locales/en-US.json"))
# What Sveltia would fetch from unpkg (its interface texts, its version for the update notice, its schema) is served
# from /admin/sveltia… instead; GitHub's status page is not GitHub's API, so the status is left unknown, never faked.
UNPKG, LOCAL = "`https://unpkg.com/@sveltia/cms`", "`sveltia`"
STATUS, NO_STATUS = "https://www.githubstatus.com/api/v2/status.json", "sveltia/github-status.json"
PAPAPARSE = Package("papaparse", "5.7.1", "sha512-qOR+UDWv6D3hMxnWWOk0ZpBdCkd+kw5Yh7aXOaNSQU8A+73EA2bhW7EiUix/hY0yulUi5FRvt7PpYSI2VDvY0g==",
                    ("papaparse.min.js", "LICENSE"))
FONTS = (
    (Package("@fontsource-variable/source-sans-3", "5.3.0",
             "sha512-dpi0GZk7EQe2tYpg6Q0Fx0OmUgnuGu+0rHPgtXqtKhglYmJuP7jZ12Mu1uN+NfRaJRY1Emn8AQJEWzmoZ4wa9g==",
             ("files/source-sans-3-latin-wght-normal.woff2",)),
     "https://cdn.jsdelivr.net/fontsource/fonts/source-sans-3:vf@5.3.0/latin-wght-normal.woff2"),
    (Package("@fontsource/noto-mono", "5.3.0",
             "sha512-QZieY3OyKEImCXg3HRiF6p6/H0GXX94uEb53ayLyQgCTB20LdkvsyJIgigo6lAGmVw3WEs40DdG5KTqpxfwgGg==",
             ("files/noto-mono-latin-400-normal.woff2",)),
     "https://cdn.jsdelivr.net/fontsource/fonts/noto-mono@5.3.0/latin-400-normal.woff2"),
    (Package("@fontsource-variable/material-symbols-outlined", "5.3.7",
             "sha512-d6kLamaMdad40AYoyJEBgCH63fRLklC7GW7bgb7WWbPh/UzuW483Dlyfmn3vxpiNsHLIMBOcYYkZDtOC9Y3MUA==",
             ("files/material-symbols-outlined-latin-wght-normal.woff2",)),
     "https://cdn.jsdelivr.net/fontsource/fonts/material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2"),
)


def activity_field(name: str, spec: dict, required: bool, activities: str = ACTIVITIES) -> dict:
    """One front-matter field of the activity schema as a form field."""
    base = {"name": name, "label": spec.get("title", name), "hint": spec.get("description", ""), "required": required}
    kind = spec.get("type")
    if kind == "array" and "enum" in spec.get("items", {}):
        return {**base, "widget": "select", "multiple": True, "options": spec["items"]["enum"], "min": spec.get("minItems", 0)}
    if kind == "array" and spec.get("items", {}).get("type") == "object":
        item = spec["items"]
        fields = [activity_field(n, s, n in item.get("required", ())) for n, s in item["properties"].items()]
        return {**base, "widget": "list", "fields": fields, "min": spec.get("minItems", 0)}
    if kind == "array":  # slugs of other activities
        return {**base, "widget": "relation", "collection": activities, "value_field": "slug", "search_fields": ["title"],
                "display_fields": ["title"], "multiple": True}
    if kind == "object":
        fields = [activity_field(n, s, n in spec.get("required", ())) for n, s in spec["properties"].items()]
        return {**base, "widget": "object", "fields": fields}
    if "enum" in spec:
        labels = spec.get("x-descriptions", {})
        return {**base, "widget": "select", "options": [{"label": f"{v}: {labels[v]}" if v in labels else v, "value": v} for v in spec["enum"]]}
    if kind == "integer":
        limits = {k: spec[c] for k, c in (("min", "minimum"), ("max", "maximum")) if c in spec}
        return {**base, "widget": "number", "value_type": "int", **limits}
    field = {**base, "widget": "text" if spec.get("maxLength", 0) > 100 or spec.get("minLength", 0) >= 20 else "string"}
    if "minLength" in spec:
        field["minlength"] = spec["minLength"]
    if "maxLength" in spec:
        field["maxlength"] = spec["maxLength"]
    if "pattern" in spec:
        field["pattern"] = [spec["pattern"], f"Skal passe til mønstret {spec['pattern']}" + (f": {spec['description']}" if spec.get("description") else "")]
    return field


def activity_collection(body: str) -> dict:
    activity = schema()
    fields = [activity_field(n, s, n in activity["required"]) for n, s in activity["properties"].items()]
    fields.append({"name": "body", "label": "Siden", "widget": "markdown", "modes": ["raw"], "default": body,
                   "hint": f"De syv afsnit, som scaffold skriver dem. Erstat hvert {TODO}; lad [[ … ]]-linjerne stå."})
    return {
        "name": ACTIVITIES, "label": "Aktiviteter", "label_singular": "Aktivitet", "folder": f"content/{ACTIVITIES}",
        "extension": "md", "format": "frontmatter", "create": True, "delete": False, "slug": "{{fields.slug}}",
        "identifier_field": "title", "summary": "{{title}}",
        # the folder's other pages (index, vidensniveauer, …) have no cost level and are not activities
        "filter": {"field": "cost_level", "value": activity["properties"]["cost_level"]["enum"]},
        "fields": [{k: v for k, v in f.items() if v is not None} for f in fields],
    }


def _lookup(root: Path, resource: dict, key: str) -> list:
    with open(root / "datapackages" / "evaluations" / resource["path"], encoding="utf-8", newline="") as f:
        return [row[key] for row in csv.DictReader(f)]


def table_field(field: dict, resources: dict, root: Path, references: dict) -> dict:
    """One column of a Table Schema as a form field."""
    constraints = field.get("constraints", {})
    base = {"name": field["name"], "label": field.get("title", field["name"]), "hint": field.get("description", ""),
            "required": bool(constraints.get("required"))}
    target = references.get(field["name"])
    if field["name"] in ACTIVITY_REFERENCES:
        return {**base, "widget": "relation", "collection": ACTIVITIES, "value_field": "slug", "search_fields": ["title"], "display_fields": ["title"]}
    if target is not None and target[0] in EDITED:
        label = "title" if target[0] == "studies" else target[1]
        return {**base, "widget": "relation", "collection": EVALUATIONS, "file": target[0], "value_field": f"{ROWS}.*.{target[1]}",
                "search_fields": [f"{ROWS}.*.{label}"], "display_fields": [f"{ROWS}.*.{label}"]}
    if target is not None:  # a lookup table the editors do not edit here: its rows are the choices
        return {**base, "widget": "select", "options": _lookup(root, resources[target[0]], target[1])}
    if "enum" in constraints:
        return {**base, "widget": "select", "options": constraints["enum"]}
    kind = field.get("type", "string")
    if kind in ("integer", "number"):
        number = {**base, "widget": "number", "value_type": "int" if kind == "integer" else "float"}
        return {**number, **{k: constraints[c] for k, c in (("min", "minimum"), ("max", "maximum")) if c in constraints}}
    if kind == "boolean":
        return {**base, "widget": "boolean"}
    out = {**base, "widget": "string"}
    if "pattern" in constraints:
        out["pattern"] = [constraints["pattern"], f"Skal passe til mønstret {constraints['pattern']}"]
    return out


def evaluations(root: Path) -> dict:
    return json.loads((root / "datapackages" / "evaluations" / "datapackage.json").read_text(encoding="utf-8"))


def evaluations_collection(root: Path, descriptor: dict) -> dict:
    resources = {r["name"]: r for r in descriptor["resources"]}
    files = []
    for name in EDITED:
        resource = resources[name]
        # single-column keys only (the evaluations package has no other kind)
        references = {fk["fields"]: (fk["reference"]["resource"], fk["reference"]["fields"]) for fk in resource["schema"].get("foreignKeys", ())
                      if isinstance(fk["fields"], str)}
        columns = [table_field(f, resources, root, references) for f in resource["schema"]["fields"]]
        files.append({
            "name": name, "label": resource.get("title", name), "file": f"datapackages/evaluations/{resource['path']}", "format": f"csv-{name}",
            "fields": [{"name": ROWS, "label": resource.get("title", name), "label_singular": "Række", "widget": "list",
                        "summary": "{{fields." + resource["schema"]["fields"][0]["name"] + "}}", "fields": columns}],
        })
    return {"name": EVALUATIONS, "label": "Studier og resultater", "files": files}


def config(root: Path, descriptor: dict, repository: str, site_url: str, body: str) -> dict:
    return {
        "backend": {"name": "github", "repo": repository, "branch": "main", "auth_methods": ["token"]},
        # every save is a branch and a pull request; the pull request's check says what is wrong
        "publish_mode": "editorial_workflow",
        "app_title": "Boligsocial Evidens: redigering",
        "site_url": site_url,
        # an empty optional field is left out, not written as null (the schemas allow it to be absent, never null)
        "output": {"omit_empty_optional_fields": True},
        "media_folder": "content/assets/billeder",
        "public_folder": "/assets/billeder",
        "collections": [activity_collection(body), evaluations_collection(root, descriptor)],
    }


# The form talks to this site and GitHub's API only; styles inline because Sveltia writes its own.
POLICY = "; ".join((
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
    "font-src 'self'", "connect-src 'self' data: blob: https://api.github.com", "frame-src 'self' blob:", "worker-src 'self' blob:",
    "object-src 'none'", "base-uri 'self'", "form-action 'self'",
))
ASSETS = Path(__file__).resolve().parent / "admin"
FOLDER = "admin"


def columns(descriptor: dict) -> dict[str, list[list[str]]]:
    return {r["name"]: [[f["name"], f.get("type", "string")] for f in r["schema"]["fields"]] for r in descriptor["resources"] if r["name"] in EDITED}


def admin_files(root: Path, repository: str, site_url: str, cache: Path) -> dict[str, str | bytes]:
    """Everything under /admin/ by its path in the site: the page, its config, the CMS and the CSV format, self-hosted."""
    import yaml

    descriptor = evaluations(root)
    out: dict[str, str | bytes] = {
        f"{FOLDER}/index.html": (ASSETS / "index.html").read_text(encoding="utf-8").replace("__POLICY__", POLICY),
        f"{FOLDER}/config.yml": yaml.safe_dump(
            config(root, descriptor, repository, site_url, body_scaffold(TODO)), allow_unicode=True, sort_keys=False, width=120),
        f"{FOLDER}/csv-format.js": (ASSETS / "csv-format.js").read_text(encoding="utf-8").replace(
            "__COLUMNS__", json.dumps(columns(descriptor), ensure_ascii=False)),
    }
    sveltia = fetch(cache, SVELTIA)
    script = (sveltia / "dist/sveltia-cms.js").read_text(encoding="utf-8")
    rewrites = [(address, f"fonts/{Path(p.files[0]).name}") for p, address in FONTS] + [(UNPKG, LOCAL), (STATUS, NO_STATUS)]
    for address, local in rewrites:
        if script.count(address) != 1:
            raise VendorError(f"{SVELTIA.name}@{SVELTIA.version} bruger ikke {address} én gang: ret build_scripts/output/cms.py til den version.")
        script = script.replace(address, local)
    for package, _ in FONTS:
        out[f"{FOLDER}/fonts/{Path(package.files[0]).name}"] = (fetch(cache, package) / package.files[0]).read_bytes()
    out[f"{FOLDER}/sveltia/package.json"] = (sveltia / "package.json").read_bytes()
    out[f"{FOLDER}/sveltia/schema/sveltia-cms.json"] = (sveltia / "schema/sveltia-cms.json").read_bytes()
    for locale in ("da", "en-US"):
        out[f"{FOLDER}/sveltia@{SVELTIA.version}/locales/{locale}.json"] = (sveltia / f"locales/{locale}.json").read_bytes()
    out[f"{FOLDER}/{NO_STATUS}"] = '{"status": {}}\n'
    out[f"{FOLDER}/sveltia-cms.js"] = script
    out[f"{FOLDER}/papaparse.min.js"] = (fetch(cache, PAPAPARSE) / "papaparse.min.js").read_bytes()
    return out
