"""The number of areas on each official list per year, from sources/reference/area_list_counts_by_year.csv.

Called by `python -m build_scripts.generators.import_reference`, which saves the result as
`datapackages/areas/list_counts.csv`. The reference's English labels and notes become the package's
Danish list names, a basis (how the count is known) and a short Danish note.
"""

from __future__ import annotations

import csv
from pathlib import Path

# Reference label → the list name used everywhere else on the site (checked in this order).
LABELS = (
    ("hårdt ghettoområde", "hårdt ghettoområde"),
    ("ghettoområde", "ghettoområde"),
    ("udsat boligområde", "udsat boligområde"),
    ("parallelsamfund", "parallelsamfund"),
    ("omdannelsesområde", "omdannelsesområde"),
    ("forebyggelsesområde", "forebyggelsesområde"),
)


# sources/reference/supplement-2/corrections.csv: 2013 had two lists. The one of 1 October under the old rules
# (2 of 3 criteria) had 40 areas; the 33 the first round counts were most likely the first list under the five new ones.
OLD_RULES_2013 = {
    "year": 2013,
    "list_type": "ghettoområde",
    "count": 40,
    "basis": "direkte",
    "source": "https://holbaekonline.dk/2013/10/02/ministerium-ladegardsparken-er-en-ghetto-2/",
    "note": "Listen af 1. oktober 2013 efter de gamle regler (mindst 2 af 3 kriterier), ifølge holbaekonline.dk og denkorteavis.dk.",
}
NEW_RULES_2013 = (
    "Sandsynligvis den første liste efter de fem nye kriterier (mindst 3 af 5), efter listen af 1. oktober 2013; "
    "afledt af, at listen af 1. december 2014 havde 31 områder, to færre."
)


def load(reference: Path) -> list[dict[str, str]]:
    with open(reference / "area_list_counts_by_year.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def process(rows: list[dict[str, str]]) -> list[dict]:
    counts = []
    for row in rows:
        label = row["list_type"]
        list_type = next(name for prefix, name in LABELS if label.startswith(prefix))
        raw_year = row["year"]
        if raw_year.startswith("unknown"):
            year, basis, note = (
                2013,
                "udateret",
                "Udateret kilde (ca. 2013–14) med 34 udsatte boligområder efter de nye kriterier; forholdet til tallet 33 er usikkert.",
            )
        elif "May recalculation" in raw_year:
            year, basis, note = 2018, "genberegning", "Genberegning i maj 2018 efter de nye kriterier; ikke en officiel liste."
        elif "implied" in row["reference_date"]:
            year, basis, note = int(raw_year), "afledt", "Afledt af kildens oplysning om ændringen i forhold til året før."
        else:
            year, basis, note = int(raw_year), "direkte", ""
        if (year, list_type) == (2013, "ghettoområde"):
            counts.append(OLD_RULES_2013)
            note = NEW_RULES_2013
        counts.append({"year": year, "list_type": list_type, "count": int(row["count"]), "basis": basis, "source": row["source"], "note": note})
    return counts
