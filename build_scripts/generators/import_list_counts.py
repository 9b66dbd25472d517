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
        counts.append({"year": year, "list_type": list_type, "count": int(row["count"]), "basis": basis, "source": row["source"], "note": note})
    return counts
