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
    values: Mapping[str, tuple[float, ...]]  # area → its figures that year, criterion by criterion (each area compared has all)


def similar_areas(areas, indicators, observations) -> Similar | None:
    """From the catalogue's areas, indicators and observations (suppressed figures left out); None without a year to compare."""
    import numpy
    from scipy.spatial import cKDTree

    criteria = tuple(i for i, ind in indicators.items() if ind.list_criterion and not ind.ended)
    # each area's figures per criterion, by year (suppressed ones left out); a year counts where it has all of them
    figures = {a: [{o.year: o.value for o in observations.get((a, c), ()) if not o.suppressed} for c in criteria] for a in areas}
    complete = Counter(year for found in figures.values() if found for year in set(found[0]).intersection(*found[1:]))
    if not complete:
        return None
    best = max(complete.values())
    year = max(y for y, n in complete.items() if n == best)
    ids = [a for a in areas if all(year in by_year for by_year in figures[a])]
    if len(ids) <= COUNT:
        return None
    values = {a: tuple(by_year[year] for by_year in figures[a]) for a in ids}
    matrix = numpy.array([values[a] for a in ids])
    spread = matrix.std(axis=0)
    z = (matrix - matrix.mean(axis=0)) / numpy.where(spread > 0, spread, 1)
    distances, found = cKDTree(z).query(z, k=COUNT + 1)
    neighbours = {
        ids[i]: tuple((ids[j], round(float(d), 3)) for d, j in zip(distances[i], found[i]) if j != i)[:COUNT] for i in range(len(ids))
    }
    return Similar(year, criteria, neighbours, values)
