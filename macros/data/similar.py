"""Which areas are most alike on the list criteria: the nearest neighbours in the latest year that most
areas have a figure for every criterion (Kolada's "liknande kommuner" and LBF's twin tool do the same).

Each criterion is standardised (its mean taken away and divided by its spread over the areas that
year), so a criterion in per cent and one as a ratio weigh the same, and the distance is the straight
line between two areas' standardised figures. scipy's KD-tree finds every area's neighbours in
O(n log n), so a national build does not grow faster than its number of areas.
"""

from __future__ import annotations

from collections import Counter
from typing import Mapping, NamedTuple

COUNT = 5  # neighbours shown per area


class Similar(NamedTuple):
    year: int  # the year compared
    criteria: tuple[str, ...]  # indicator ids, in the catalogue's order
    neighbours: Mapping[str, tuple[tuple[str, float], ...]]  # area → its nearest areas with their distance, nearest first


def similar_areas(areas, indicators, observations) -> Similar | None:
    """From the catalogue's areas, indicators and observations (suppressed figures left out); None without a year to compare."""
    import numpy
    from scipy.spatial import cKDTree

    criteria = tuple(i for i, ind in indicators.items() if ind.list_criterion and not ind.ended)
    figures: dict[tuple[str, str, int], float] = {}
    for (area, indicator), series in observations.items():
        if indicator in criteria:
            figures.update({(area, indicator, o.year): o.value for o in series if not o.suppressed})
    complete = Counter(year for (area, indicator, year) in figures if indicator == criteria[0]
                       and all((area, c, year) in figures for c in criteria)) if criteria else Counter()
    if not complete:
        return None
    best = max(complete.values())
    year = max(y for y, n in complete.items() if n == best)
    ids = [a for a in areas if all((a, c, year) in figures for c in criteria)]
    if len(ids) <= COUNT:
        return None
    matrix = numpy.array([[figures[(a, c, year)] for c in criteria] for a in ids])
    spread = matrix.std(axis=0)
    z = (matrix - matrix.mean(axis=0)) / numpy.where(spread > 0, spread, 1)
    distances, found = cKDTree(z).query(z, k=COUNT + 1)
    neighbours = {
        ids[i]: tuple((ids[j], round(float(d), 3)) for d, j in zip(distances[i], found[i]) if j != i)[:COUNT] for i in range(len(ids))
    }
    return Similar(year, criteria, neighbours)
