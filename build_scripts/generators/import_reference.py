"""Import the public area-list facts from sources/reference into the areas data package.

    python -m build_scripts.generators.import_reference [--reference sources/reference]

Load the collected rows, map each source's name of an area to one canonical area, map the
English status and provenance notes to the package's Danish vocabulary, and save
`datapackages/areas/areas.csv`, `designations.csv` and `list_counts.csv`. The output is committed; this script is
its provenance and is re-run (and checked by a test) whenever the reference changes.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from build_scripts.generators import import_list_counts
from build_scripts.generators.illustrative import save
from macros.text.slugs import slugify

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_REFERENCE = ROOT / "sources" / "reference"
PACKAGE = ROOT / "datapackages" / "areas"

# Sources spell some areas differently; the key is a source's spelling, the value the name we use.
ALIASES = {
    "Agervang mv.": "Agervang",
    "Degnegården mv": "Degnegården",
    "Degnegården mv.": "Degnegården",
    "Nørager/Søstjernevej": "Nørager/Søstjernevej m.fl.",
    "Skovparken/Skovvejen": "Skovvejen/Skovparken",
    "Solbakken mv.": "Solbakken",
    "Stengårdsvej-kvarteret": "Stengårdsvej",
    "Stærevej mv.": "Stærevej",
    "Æblehaven/Rønnebærparken": "Rønnebærparken/Æblehaven",
}

LIST_TYPES = (
    "hårdt ghettoområde",
    "ghettoområde",
    "udsat boligområde",
    "parallelsamfund",
    "omdannelsesområde",
    "forebyggelsesområde",
)

# The reference notes are English working notes; the site shows these Danish summaries instead.
# The supplement's come first: their notes also hold the first round's generic markers (INFERRED).
SUPPLEMENT_NOTES_DA = [
    ("COMPLETE (9 = official 9)", "Kilden nævner alle ni områder på listen, som det officielle antal."),
    (
        "DERIVED: 2022 list of 9 (cphpost) + Tingbjerg",
        "Afledt: 2022-listens ni områder plus Tingbjerg/Utterslevhuse, der forlod listen i 2022; i alt 10 som det officielle antal.",
    ),
    (
        "DERIVED: 2021 omdannelse list (10",
        "Afledt: 2021-listen plus de tre områder, der udgik i 2021 (Ringparken, Motalavej og Solbakken); i alt 13 som det officielle antal.",
    ),
    ("Confirms the INFERRED 2021 row", "Bekræftet: Agervang forlod listen i 2022 og var altså på listen i 2021."),
    (
        "DERIVED: 2021 list (12) minus Agervang",
        "Afledt: 2021-listen minus Agervang, Tingbjerg/Utterslevhuse og Aldersrogade plus Askerød; i alt 10 som det officielle antal.",
    ),
    ("'Askerød (Greve) and Rønnebærparken", "Kilden nævner, hvilke områder der kom på og gik af listen over udsatte boligområder i 2022."),
    ("INFERRED: removed from udsatte list in 2022", "Udledt: området gik af listen i 2022 og var altså på den i 2021."),
    ("'Mjølnerparken er strøget fra listen", "Strøget fra listerne i 2023, fordi området har under 1.000 beboere (966)."),
    ("'Skovgårdsparken, Bispehaven og Gellerupparken", "Kilden nævner de tre områder i kommunen, der er på listen."),
    ("'Vejleåparken i kommunen", "Listetypen er usikker: én kilde omtaler listen over parallelsamfund, en anden listen over udsatte boligområder."),
    ("page undated; 'offentliggjort fredag", "Siden er udateret; året er udledt af, at listen blev offentliggjort en fredag af det daværende ministerium."),
    ("DERIVED: 2022 list (9) minus Mjølnerparken", "Afledt: 2022-listen minus Mjølnerparken (under 1.000 beboere); i alt 8 som det officielle antal."),
    ("DERIVED: BL: '8 parallelsamfund", "Afledt: ifølge BL er de 8 parallelsamfund samtidig omdannelsesområder (2023)."),
    ("'Skovgårdsparken søndag aften", "Kilden skriver, at området ikke længere var på listen over parallelsamfund i 2024."),
]

NOTES_DA = SUPPLEMENT_NOTES_DA + [
    ("JP list truncated", "Listen i kilden er afkortet; status som ny fra boligsocialnet.dk (2017)."),
    ("named as meeting 4 of 5", "Nævnt som opfylder 4 af 5 kriterier i 2017; fuldender listen på 22."),
    ("DERIVED: consistent with 2017", "Afledt: 2017-listen minus Korskærparken plus de 8 nye områder (i alt 29)."),
    ("DERIVED: 2019 list (Politiken)", "Afledt: 2019-listen minus de 13 områder, der ifølge TV 2 forlod listen."),
    ("DERIVED: 2020 list minus 4", "Afledt: 2020-listen minus fire områder nævnt af Ekstra Bladet."),
    ("DERIVED from 2021 list", "Afledt: 2021-listen minus Agervang, Tingbjerg/Utterslevhuse og Aldersrogade plus Askerød."),
    ("INFERRED", "Udledt: TV 2 (2022) skriver, at Agervang forlod listen i 2022; tilgangen i 2021 er ikke nævnt direkte."),
    ("PARTIAL", "Kilden viser kun 13 af listens 31 områder."),
    ("UNDATED", "Udateret kilde (ca. 2013–14); kilden omtaler 34 udsatte boligområder efter de nye kriterier."),
    ("full list in Politiken", "Fuld liste i Politikens faktaboks (kilde: Trafik-, Bygge- og Boligstyrelsen)."),
    ("only 10 of the 15 hard", "Bekræftet i kilden; kun 10 af de 15 hårde ghettoområder er fundet i kilderne."),
    ("pre-publication recalculation", "Genberegning i maj 2018 efter de nye kriterier; ikke den officielle liste."),
    ("'tidligere hård ghetto'", "Tidligere hårdt ghettoområde."),
    ("Solbakken/Ringparken/Motalavej", "Kriteriet om dømte var ikke længere opfyldt."),
    ("convictions criterion no longer met", "Kriteriet om dømte var ikke længere opfyldt."),
    ("also parallelsamfund", "Også parallelsamfund."),
    ("Askerød & Løvvangen", "Askerød og Løvvangen kom på listen på grund af flere dømte."),
    ("reason: rising income level", "Årsag: stigende indkomstniveau."),
    ("reason: share convicted fell", "Årsag: faldende andel dømte."),
    ("reason: non-western share fell", "Årsag: faldende andel med ikke-vestlig baggrund."),
]

BASES = ("direkte", "afledt", "udledt", "delvis", "udateret", "genberegning")


def load(reference: Path) -> list[dict[str, str]]:
    """Read the collected designation rows as they are: the first round, then the supplement's in the same shape."""
    with open(reference / "area_designations.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    supplement = reference / "supplement" / "list_memberships.csv"
    if supplement.exists():
        with open(supplement, encoding="utf-8", newline="") as f:
            rows += [
                {
                    "year": r["year"],
                    "list_type": r["list"],
                    "area": r["area"],
                    "municipality": r["municipality"],
                    "status": r["status"],
                    "source": r["url"],
                    "note": r["quote_or_note"],
                }
                for r in csv.DictReader(f)
            ]
    return rows


def canonical_name(name: str) -> str:
    return ALIASES.get(name.strip(), name.strip())


def list_type_of(label: str) -> str:
    for list_type in LIST_TYPES:
        if label.startswith(list_type):
            return list_type
    raise ValueError(f"unknown list label {label!r}: add it to LIST_TYPES")


def year_of(raw: str) -> int:
    match = re.match(r"(\d{4})", raw)
    if match:
        return int(match.group(1))
    if raw.startswith("undated"):
        return 2013  # the source is undated; the note and basis 'udateret' say so
    raise ValueError(f"unknown year {raw!r}")


def status_of(raw: str) -> str:
    if raw.startswith("removed"):
        return "udgået"
    if "new" in raw or "added" in raw or "back" in raw:
        return "ny på listen"
    if raw.startswith("listed"):
        return "på listen"
    raise ValueError(f"unknown status {raw!r}")


def basis_of(row: dict[str, str]) -> str:
    note = row["note"]
    if "May recalculation" in row["year"]:
        return "genberegning"
    if "CONFIRMED" in row["status"]:
        return "direkte"
    for marker, basis in (("DERIVED", "afledt"), ("INFERRED", "udledt"), ("UNCERTAIN", "udledt"), ("PARTIAL", "delvis"), ("UNDATED", "udateret")):
        if marker in note or marker in row["status"]:
            return basis
    return "direkte"


# When two rows name the same area, year and list, the one read most directly from a source is kept.
STRENGTH = {"direkte": 0, "delvis": 1, "afledt": 2, "udledt": 3, "udateret": 4}


def note_of(row: dict[str, str]) -> str:
    parts = []
    for marker, danish in NOTES_DA:
        if marker in row["note"] and danish not in parts:
            parts.append(danish)
            break
    if "still bound by udviklingsplan" in row["status"]:
        parts.append("Fortsat omfattet af en udviklingsplan.")
    if "was on 2016 list" in row["status"]:
        parts.append("Var på listen i 2016.")
    if "removed 2024" in row["status"]:
        parts.append("Udgik igen af listen i 2024.")
    return " ".join(parts)


def process(rows: list[dict[str, str]]) -> tuple[list[dict], list[dict]]:
    """Return (areas, designations), each sorted and de-duplicated."""
    areas: dict[str, dict] = {}
    designations: dict[tuple, dict] = {}
    for row in rows:
        name = canonical_name(row["area"])
        area_id = slugify(name)
        area = areas.setdefault(area_id, {"area_id": area_id, "name": name, "municipality": row["municipality"], "aliases": set()})
        if area["municipality"] != row["municipality"]:
            raise ValueError(f"{name}: two municipalities {area['municipality']!r} and {row['municipality']!r}")
        if row["area"].strip() != name:
            area["aliases"].add(row["area"].strip())
        record = {
            "area_id": area_id,
            "year": year_of(row["year"]),
            "list_type": list_type_of(row["list_type"]),
            "status": status_of(row["status"]),
            "basis": basis_of(row),
            "source": row["source"].strip() if row["source"].startswith("http") else "",
            "source_note": ""
            if row["source"].startswith("http")
            else "Sekundær kompilation (R-script i et offentligt GitHub-projekt); depotets navn er ikke fundet.",
            "note": note_of(row),
        }
        # a recalculation is another kind of fact than a list; every other row is one per area, year and list
        key = (record["area_id"], record["year"], record["list_type"], record["basis"] == "genberegning")
        if key in designations:
            if STRENGTH[record["basis"]] >= STRENGTH[designations[key]["basis"]]:
                continue
        designations[key] = record
        if "removed 2024" in row["status"]:
            later = dict(record, year=2024, status="udgået", note="Udgik af listen i 2024.")
            designations.setdefault((area_id, 2024, record["list_type"], False), later)
    area_rows = [{**a, "aliases": "; ".join(sorted(a["aliases"]))} for a in sorted(areas.values(), key=lambda a: a["area_id"])]
    designation_rows = sorted(designations.values(), key=lambda d: (d["area_id"], d["year"], d["list_type"], d["basis"]))
    return area_rows, designation_rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE, help="folder with area_designations.csv and area_list_counts_by_year.csv")
    parser.add_argument("--out", type=Path, default=PACKAGE, help="the areas package folder")
    args = parser.parse_args(argv)
    areas, designations = process(load(args.reference))
    save(areas, args.out / "areas.csv")
    save(designations, args.out / "designations.csv")
    counts = import_list_counts.process(import_list_counts.load(args.reference))
    save(counts, args.out / "list_counts.csv")
    print(f"{len(areas)} areas, {len(designations)} designations, {len(counts)} list counts → {args.out}")


if __name__ == "__main__":
    main()
