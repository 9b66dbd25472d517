"""Where an area's figures stand out, and what the evaluations have measured in those outcome domains.

An indicator stands out when the area's latest figure meets a list threshold in force, lies within
CLOSE of one (relative to the threshold), or is on the worse side of the national level by FAR times
or more, also at the end of its 95 % interval nearest the national level (a share with its base:
macros/rules/uncertainty.py; a ratio or an average has no count in the data and is taken as it is).
Each indicator's outcome domains are data (indicators/outcome_domains.csv, with a rationale);
indicators without a direction (the residents' background) are never a problem to solve.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from macros.data.model import Activity, Catalogue, Indicator
from macros.rules.evidence import level_of, sorted_activities, strongest_results
from macros.rules.list_timeline import OPERATORS, measurable
from macros.rules.uncertainty import share_interval

CLOSE = 0.10  # within 10 % of a threshold
FAR = 1.5  # 1.5 times the national level (or 1/1.5 of it, where higher is better)


@dataclass(frozen=True)
class StandsOut:
    indicator: Indicator
    year: int
    value: float
    reasons: tuple[str, ...]  # in Danish, e.g. 'opfylder kriteriet for udsat boligområde'
    domains: tuple[str, ...]


@dataclass(frozen=True)
class Measured:
    activity: Activity
    domain: str
    level: int  # from the counting results in this domain
    direction: str | None  # of the strongest of them


def standing_out(catalogue: Catalogue, area_id: str) -> list[StandsOut]:
    found = []
    for ind in catalogue.indicators.values():
        domains = catalogue.indicator_domains.get(ind.indicator_id, ())
        series = catalogue.figures(area_id, ind.indicator_id)
        if not domains or not series or ind.ended or ind.direction not in ("lavere er bedre", "højere er bedre"):
            continue
        latest = series[-1]
        meets, close = [], []
        for c in measurable(catalogue, latest.year):
            if c.indicator_id != ind.indicator_id:
                continue
            if OPERATORS[c.operator](latest.value, c.threshold):
                meets.append(c.list_type)
            elif abs(latest.value - c.threshold) <= CLOSE * abs(c.threshold):
                close.append(c.list_type)
        reasons = []
        if meets:
            meets = list(dict.fromkeys(meets))
            reasons.append(f"opfylder {'kriteriet' if len(meets) == 1 else 'kriterierne'} for {' og '.join(meets)}")
        if close:
            reasons.append(f"er tæt på grænsen for {' og '.join(dict.fromkeys(close))}")
        national = next((o.value for o in catalogue.national.get(ind.indicator_id, ()) if o.year == latest.year), None)
        if national and (latest.value or ind.direction == "lavere er bedre"):
            lower_better = ind.direction == "lavere er bedre"
            cautious = latest.value
            low, high = share_interval(latest.value, latest.base_population, ind.unit)
            if low is not None:  # a share of people: how close to the nation it may really be
                cautious = low if lower_better else high
            ratio = cautious / national if lower_better else (national / cautious if cautious else math.inf)
            if ratio >= FAR:
                reasons.append(("er mindst det dobbelte af landsniveauet" if ratio >= 2 else "er mindst halvanden gang landsniveauet") if lower_better
                               else ("er højst halvdelen af landsniveauet" if ratio >= 2 else "er højst to tredjedele af landsniveauet"))
        if reasons:
            found.append(StandsOut(ind, latest.year, latest.value, tuple(reasons), domains))
    return found


_measured: list = [None, None]  # the catalogue it was computed for (held, so its id is never reused), and the result


def measured_in(catalogue: Catalogue) -> dict[str, list[Measured]]:
    """Per outcome domain, the activities with a counting result in it, highest level first; kept for the catalogue (or
    the page's view of it) it was last computed for."""
    if _measured[0] is not catalogue:
        found: dict[str, list[Measured]] = {}
        for activity in sorted_activities(catalogue):
            results = catalogue.activity_results.get(activity.slug, ())
            for domain in dict.fromkeys(r.outcome_domain for r in results):
                in_domain = [r for r in results if r.outcome_domain == domain]
                level = level_of(catalogue, in_domain)
                if level:
                    found.setdefault(domain, []).append(Measured(activity, domain, level, strongest_results(catalogue, in_domain)[0]))
        for rows in found.values():
            rows.sort(key=lambda m: -m.level)
        _measured[:] = [catalogue, found]
    return _measured[1]
