"""What a lay reader is told, from the built pages: an area's summary, evidence in words, illustrative
figures marked where they stand, and the way back from every detail page."""

from __future__ import annotations

import html
import re

from tests.conftest import ROOT, table_rows


def article(path) -> str:
    page = path.read_text(encoding="utf-8")
    return page[page.index("<article"):page.index("</article>")]


def text(path) -> str:
    """The page's content as read aloud: tags gone, the hidden ': ' after a fact's label kept as text is."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", article(path))).split()).replace(" : ", ": ").replace(" . ", ". ")


def test_an_area_page_starts_with_a_summary_that_states_the_list_status_honestly(site):
    page = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    words = text(site / "omraader" / "mjoelnerparken" / "index.html")
    order = ["Listekriterierne", "Udvikling og fremskrivning", "Helhedsplaner og mål", "Indikatorer", "Om området og kilderne", "Officielle lister"]
    assert [words.index(w) for w in order] == sorted(words.index(w) for w in order)
    assert (
        "Seneste fundne ændring: udgået af listen over parallelsamfund i 2023. Listerne for 2024 er offentliggjort; de indsamlede kilder nævner ikke "
        "området på dem."
        in words
    )
    vollsmose = text(site / "omraader" / "vollsmose" / "index.html")
    assert (
        "Seneste fundne placering: omdannelsesområde (på listen, 2023). Listerne for 2024 er offentliggjort, men de indsamlede kilder nævner ikke "
        "området på dem"
        in vollsmose
    )
    # the summary chart's text alternative says each criterion once: figure, national level, limits
    value, national = figure_2024("mjoelnerparken", "uden-for-arbejdsmarked")
    assert (f"Uden for arbejdsmarked eller uddannelse: {value} % i 2024 (eksempeldata), landsniveau {national} %, grænser: forebyggelsesområde over 30 %; "
            "udsat boligområde over 40 %") in words
    assert "Helhedsplan 2019–2026: 2 nået 1 kan ikke afgøres endnu" in words  # turnout 44,9 (43,4–46,4) against a path of 43,8
    # one notice about illustrative figures, at the top, and the badge on every chart
    assert page.count('class="bse-note"') == 1 and "admonition warning bse-eksempeldata" not in page
    assert page.count('<span class="bse-badge">Eksempeldata</span>') >= page.count('<figure class="bse-chart')


def test_every_detail_page_leads_back_to_its_list(site):
    for path, first in [
        ("omraader/mjoelnerparken", "../"),
        ("indikatorer/ledighed", "../"),
        ("kommuner/koebenhavn", "../../omraader/"),
        ("evalueringer/cfbu-2012-godt-paa-vej", "../"),
        ("aktiviteter/fritidsjob", "../"),
        ("aktiviteter/tema/tryghed-og-trivsel", "../../"),
    ]:
        page = (site / path / "index.html").read_text(encoding="utf-8")
        crumbs = re.search(r'<nav class="bse-breadcrumb" aria-label="Brødkrummesti"><ol>(.*?)</ol></nav>', page)
        assert crumbs, path
        assert re.search(r'<li><a href="([^"]+)">', crumbs.group(1)).group(1) == first, path


def test_evidence_is_told_in_words_a_lay_reader_follows(site):
    fritidsjob = text(site / "aktiviteter" / "fritidsjob" / "index.html")
    assert "Niveau 3 af 4 · Sammenligningsstudie" in fritidsjob
    beboer = text(site / "aktiviteter" / "beboerdemokrati" / "index.html")
    assert (
        "Niveau 0 af 4" in beboer and "Niveau 0 betyder, at der ikke er fundet en evaluering med målte resultater – ikke, at aktiviteten ikke virker." in beboer
    )
    assert "Forbehold: Kilden nævner ingen forbehold." in text(site / "aktiviteter" / "bydelsmoedre" / "index.html")  # its result has no caveat
    gap_map = text(site / "aktiviteter" / "evidenskort" / "index.html")
    assert "Fritidsjob 3 · Sammenligningsstudie sat af redaktionen; beregnet 4" in gap_map


def test_the_results_caveat_is_on_screen_on_a_laptop(browser, server):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{server}/aktiviteter/fritidsjob/")
    caveats = page.locator(".bse-result dt", has_text="Forbehold")
    assert caveats.count() >= 1
    for i in range(caveats.count()):
        box = caveats.nth(i).locator("xpath=following-sibling::dd[1]").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1366
    context.close()


def test_the_municipality_table_marks_its_illustrative_plans_and_goals(site):
    page = (site / "kommuner" / "koebenhavn" / "index.html").read_text(encoding="utf-8")
    section = page[page.index('id="boligomraader"') : page.index('id="indikatorer-for-omraaderne-samlet"')]
    assert "Helhedsplanerne og målenes status i tabellen nedenfor er eksempeldata" in section
    assert "Helhedsplaner (eksempeldata)" in section and "Mål (status) (eksempeldata)" in section


def test_the_criteria_timeline_says_once_that_what_the_figures_met_is_illustrative_and_which_years_hold_published_ones(site):
    page = (site / "omraader" / "mjoelnerparken" / "index.html").read_text(encoding="utf-8")
    timeline = page[page.index("<caption>Kriterier år for år</caption>") :]
    assert '<th>Målbare kriterier opfyldt efter de regler, der gjaldt (eksempeldata)' in timeline[: timeline.index("</thead>")]
    cells = [row[2] for row in table_rows(page, "Kriterier år for år")]
    # the official lists are public: only the column of what the figures met says eksempeldata, and no cell repeats it
    assert cells and not any("eksempeldata" in c for c in cells)
    assert sum(bool(re.search(r" \(offentliggjort tal: .+\)$", c)) for c in cells) == 2  # Mjølnerparken: 2015 and 2017


def test_the_front_page_puts_the_area_finder_and_the_national_picture_first_and_links_every_section(site):
    page = article(site / "index.html")
    # the share of published figures (with the eksempeldata badge) stands with the national picture, before the links
    assert page.index('id="find-area"') < page.index('class="bse-tiles"') < page.index("tal om områderne er offentliggjorte") < page.index(
        "Det finder du her") < page.index("Rigtige tal og eksempeldata")
    for target in (
        "omraader/",
        "kommuner/",
        "omraader/sammenlign/",
        "aktiviteter/",
        "indikatorer/",
        "evalueringer/",
        "puljer/",
        "rapporter/landsrapport/",
        "data/",
    ):
        assert f'href="{target}"' in page, target


def test_one_colour_per_knowledge_level_in_the_badges_and_the_charts(site):
    from macros.charts.palette import DARK_LEVELS, LEVELS

    css = (ROOT / "content" / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    for level, (light, dark) in enumerate(zip(LEVELS, DARK_LEVELS)):
        assert re.search(rf"\n\.bse-level--{level} {{ background: {light};", css), level
        assert re.search(rf'\[data-md-color-scheme="slate"\] \.bse-level--{level} {{ background: {dark};', css), level


def figure_2024(area: str, indicator: str) -> tuple[str, str]:
    """The area's 2024 figure and the national one, as the site writes them (one decimal, decimal comma), from the CSVs."""
    folder = ROOT / "datapackages/indicators"
    value = next(r["value"] for r in _rows(folder / "observations.csv") if (r["area_id"], r["indicator_id"], r["year"]) == (area, indicator, "2024"))
    national = next(r["value"] for r in _rows(folder / "national.csv") if (r["indicator_id"], r["year"]) == (indicator, "2024"))
    return value.replace(".", ","), national.replace(".", ",")


def _rows(path) -> list[dict]:
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def expected_distances() -> dict[str, dict[str, tuple]]:
    """From the CSVs, independently of macros/rules/threshold_distance.py: per area and indicator, the latest figure,
    each threshold in force that year, and the projected crossing year of those it heads for (a line through the
    last five years, slope more than twice its standard error)."""
    import math
    import statistics
    from collections import defaultdict

    ops = {">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b}
    criteria = [
        c for c in _rows(ROOT / "datapackages/areas/criteria.csv") if c["indicator_id"] and c["threshold"] and c["operator"] and c["list_type"] != "alle lister"
    ]
    ended = {i["indicator_id"] for i in _rows(ROOT / "datapackages/indicators/indicators.csv") if i["replaced_by"]}
    series = defaultdict(list)
    for o in _rows(ROOT / "datapackages/indicators/observations.csv"):
        if o["indicator_id"] in ended:  # a series the lists stopped counting (to 2017) has no outlook
            continue
        if o["value"] and int(o["base_population"] or 10**9) >= 10:
            series[(o["area_id"], o["indicator_id"])].append((int(o["year"]), float(o["value"])))
    out: dict[str, dict[str, tuple]] = defaultdict(dict)
    for (area, indicator), points in series.items():
        points.sort()
        year, value = points[-1]
        recent = [p for p in points if p[0] > year - 5]
        found = []
        for c in criteria:
            if c["indicator_id"] == indicator and int(c["valid_from"]) <= year <= int(c["valid_to"] or year):
                found.append((float(c["threshold"]), c["operator"]))
        if not found or len(recent) < 3:
            continue
        xs, ys = [p[0] for p in recent], [p[1] for p in recent]
        slope, intercept = statistics.linear_regression(xs, ys)
        mean = statistics.fmean(xs)
        sse = sum((y - intercept - slope * x) ** 2 for x, y in recent)
        error = (sse / (len(recent) - 2) / sum((x - mean) ** 2 for x in xs)) ** 0.5
        crossings = {}
        level = intercept + slope * mean  # the fitted line at the mean year; the steeper and flatter lines turn about it
        for threshold, op in set(found):
            if slope and abs(slope) > 2 * error:
                at = [mean + (threshold - level) / s for s in (slope, slope - error, slope + error)]
                if all(year < x <= year + 15 for x in at):
                    crossings[threshold] = math.ceil(at[0])  # the first whole year at or after the crossing
        out[area][indicator] = (year, value, sorted({(t, op, ops[op](value, t)) for t, op in found}), crossings)
    return out


def test_an_area_page_states_its_distance_to_each_threshold_and_projects_only_a_clear_trend(site):
    expected = expected_distances()
    names = {r["indicator_id"]: r["name"] for r in _rows(ROOT / "datapackages/indicators/indicators.csv")}
    projected = 0
    for area, indicators in expected.items():
        page = (site / "omraader" / area / "index.html").read_text(encoding="utf-8")
        items = re.findall(r"<li>(.*?)</li>", page.split('<ul class="bse-outlook">', 1)[1].split("</ul>", 1)[0])
        lines = {html.unescape(re.sub(r"<[^>]+>", "", item)).split(":", 1)[0]: html.unescape(re.sub(r"<[^>]+>", "", item)) for item in items}
        spine = html.unescape(page.split('<svg class="bse-spine"', 1)[1].split("</svg>", 1)[0])
        for indicator, (year, value, thresholds, crossings) in indicators.items():
            line = lines[names[indicator]]
            for threshold, op, meets in thresholds:  # the summary chart draws each threshold in force, with its figure
                assert f'>{str(threshold).removesuffix(".0").replace(".", ",")}</text>' in spine, (area, indicator, threshold)
            for threshold, at in crossings.items():
                assert f"omkring {at}" in line, (area, indicator, line)
                projected += 1
            if not crossings:
                assert "omkring 20" not in line, (area, indicator, line)
    assert projected >= 5
    words = text(site / "omraader" / "mjoelnerparken" / "index.html")
    # the outlook says what the chart cannot, and no figure the chart already shows
    assert re.search(r"Uden for arbejdsmarked eller uddannelse: (steget|faldet) [\d,]+ procentpoint om året fra 20\d\d til 2024", words)
    assert "ikke en prognose" in words and "0,3 procentpoint under grænsen" not in words


def test_an_area_page_shows_what_was_measured_where_its_figures_stand_out(site):
    """Recomputed from the CSVs: the indicators that stand out, their outcome domains, the activities with a
    counting result in each domain, and which of them the area's plans run."""
    from collections import defaultdict

    from statsmodels.stats.proportion import proportion_confint

    area = "mjoelnerparken"
    ind = {r["indicator_id"]: r for r in _rows(ROOT / "datapackages/indicators/indicators.csv")}
    domains = defaultdict(list)
    for r in _rows(ROOT / "datapackages/indicators/outcome_domains.csv"):
        domains[r["indicator_id"]].append(r["outcome_domain"])
    latest = {}
    for o in _rows(ROOT / "datapackages/indicators/observations.csv"):
        if o["area_id"] == area and o["value"] and int(o["base_population"] or 10**9) >= 10:
            if o["indicator_id"] not in latest or int(o["year"]) > latest[o["indicator_id"]][0]:
                latest[o["indicator_id"]] = (int(o["year"]), float(o["value"]), int(o["base_population"]) if o["base_population"] else None)
    national = {(r["indicator_id"], int(r["year"])): float(r["value"]) for r in _rows(ROOT / "datapackages/indicators/national.csv") if r["value"]}
    ops = {">": lambda a, b: a > b, ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, "<=": lambda a, b: a <= b}
    criteria = [
        c for c in _rows(ROOT / "datapackages/areas/criteria.csv") if c["indicator_id"] and c["threshold"] and c["operator"] and c["list_type"] != "alle lister"
    ]
    out = []
    for i, (year, value, base) in latest.items():
        if not domains[i] or ind[i]["replaced_by"] or ind[i]["direction"] not in ("lavere er bedre", "højere er bedre"):
            continue  # a series counted the old way until 2017 is history, not where the area stands out today
        flagged = any(
            ops[c["operator"]](value, float(c["threshold"])) or abs(value - float(c["threshold"])) <= 0.1 * float(c["threshold"])
            for c in criteria
            if c["indicator_id"] == i and int(c["valid_from"]) <= year <= int(c["valid_to"] or year)
        )
        n = national.get((i, year))
        if n:
            lower = ind[i]["direction"] == "lavere er bedre"
            if ind[i]["unit"] == "%" and base:  # a share: the end of its 95 % interval nearest the national level (statsmodels' Wilson)
                low, high = (100 * v for v in proportion_confint(value / 100 * base, base, alpha=0.05, method="wilson"))
                value = low if lower else high
            flagged |= (value / n if lower else n / value) >= 1.5
        if flagged:
            out.append(i)
    assert len(out) >= 3
    wanted = list(dict.fromkeys(d for i in out for d in domains[i]))

    counts = {r["kind"] for r in _rows(ROOT / "datapackages/evaluations/result_kinds.csv") if r["counts"] == "true"}
    results = {r["result_id"]: r for r in _rows(ROOT / "datapackages/evaluations/results.csv")}
    measured = defaultdict(set)
    for link in _rows(ROOT / "datapackages/evaluations/result_activities.csv"):
        r = results[link["result_id"]]
        if r["kind"] in counts:
            measured[r["outcome_domain"]].add(link["activity_id"])
    plans = {r["plan_id"] for r in _rows(ROOT / "datapackages/plans/plan_areas.csv") if r["area_id"] == area}
    running = {r["activity_id"] for r in _rows(ROOT / "datapackages/plans/plan_activities.csv") if r["plan_id"] in plans}

    page = (site / "omraader" / area / "index.html").read_text(encoding="utf-8")
    section = page.split('id="hvad-evalueringerne-har-maalt-paa-omraadets-udfordringer"', 1)[1].split('id="officielle-lister"', 1)[0]
    # each domain one folded line (or one line saying nothing was measured there)
    found = [html.unescape(d) for d in re.findall(r"<summary>([^:<]+): \d+ aktivitet|<p><strong>([^:<]+):</strong> evalueringerne", section) for d in d if d]
    assert found == [d.capitalize() for d in wanted]
    for domain in wanted:
        part = section.split(f">{html.escape(domain.capitalize(), quote=False)}:", 1)[1].split("<summary>", 1)[0]
        items = re.findall(r"<li>(.*?)</li>", part.split('<ul class="bse-measured"', 1)[1].split("</ul>", 1)[0]) if "bse-measured" in part else []
        shown = {re.search(r'href="../../aktiviteter/([^/]+)/"', li).group(1): "kører i områdets helhedsplan" in li for li in items}
        assert set(shown) == measured[domain], domain
        assert all(runs == (slug in running) for slug, runs in shown.items()), domain
    words = text(site / "omraader" / area / "index.html")
    assert "Ikke en anbefaling" in words and "Områdets tal nedenfor er eksempeldata" not in words  # the page's one notice says it


def test_published_area_figures_replace_illustrative_ones_and_say_so_everywhere_they_appear(site):
    """Each row of indicators/published_values.csv: in the area's chart CSV, its table, its chart's words, the
    criteria timeline and the compare view's data, the published figure stands in its year, marked as such."""
    import csv
    import json

    published = _rows(ROOT / "datapackages/indicators/published_values.csv")
    assert len(published) >= 8
    for row in published:
        area, indicator, year = row["area_id"], row["indicator_id"], int(row["year"])
        with open(site / "omraader" / area / "indikatorer-eksempeldata.csv", encoding="utf-8", newline="") as f:
            lines = [line for line in csv.DictReader(f) if line["indicator_id"] == indicator]
        # what the source does not say itself is said beside the figure: the list year, or which area it means
        said = {"": "", "år": "listeåret er udledt", "område": "området er udledt"}[row["inferred"]]
        for line in lines:
            if int(line["year"]) == year:
                assert float(line["value"]) == float(row["value"]) and line["official"] == "true"
                assert line["eksempeldata"] == (f"nej (offentliggjort tal; {said})" if said else "nej (offentliggjort tal)")
            elif line["official"] == "false":
                assert line["eksempeldata"] == "ja"
        page = (site / "omraader" / area / "index.html").read_text(encoding="utf-8")
        figure = page.split(f'id="chart-{indicator}-alt"', 1)[0].rsplit("<figure", 1)[1]
        assert "offentliggjort ◆" in html.unescape(figure) and str(year) in figure
        label = f"offentliggjort tal, {said}" if said else "offentliggjort tal"
        assert re.search(rf"<tr><td>{year} <td>[\d,]+ \({label}\) <td>", page)  # the chart's table, without end tags
        cell = next(row[2] for row in table_rows(page, "Kriterier år for år") if row[0] == str(year))
        assert "offentliggjort tal:" in cell
        chunks = [c for c in (site / "omraader" / "sammenlign").glob(f"{indicator}-*.json") if re.fullmatch(rf"{indicator}-\d+\.json", c.name)]
        points = next(
            json.loads(c.read_text(encoding="utf-8"))["areas"][area]["points"] for c in chunks if area in json.loads(c.read_text(encoding="utf-8"))["areas"]
        )
        assert [year, float(row["value"]), 1] in [[p[0], float(p[1]), *p[2:]] for p in points]
        assert sum(1 for p in points if len(p) == 3) == sum(1 for r in published if (r["area_id"], r["indicator_id"]) == (area, indicator))


def test_every_collected_criteria_value_for_an_indicator_is_published_and_the_rest_are_named_as_not_used():
    """The supplement's per-area figures: each one about a list criterion the site has as an indicator is in
    published_values.csv with its value; residents, under-18s, cash benefits and criteria counts are not indicators."""
    mapping = {
        "share 18-64 without attachment to labour market/education": "uden-for-arbejdsmarked",
        "share 18-64 outside labour market/education": "uden-for-arbejdsmarked",
        "share non-western immigrants and descendants": "ikke-vestlig-baggrund",
    }
    not_indicators = {
        "number of residents",
        "share of residents under 18",
        "share of residents on kontanthjælp (not an official list criterion)",
        "criteria met",
    }
    collected = _rows(ROOT / "sources/reference/supplement/area_criteria_values.csv")
    published = sorted((r["indicator_id"], float(r["value"]), r["source"]) for r in _rows(ROOT / "datapackages/indicators/published_values.csv"))
    assert {r["criterion"] for r in collected} <= set(mapping) | not_indicators
    used = sorted((mapping[r["criterion"]], float(r["value"].split()[0]), r["url"]) for r in collected if r["criterion"] in mapping)
    assert len(used) == 9 and set(used) <= set(published)


SECOND_ROUND_MAPPING = {
    "share 18-64 outside labour market/education": "uden-for-arbejdsmarked",
    "share non-western immigrants and descendants": "ikke-vestlig-baggrund",
    "average gross income as % of regional average": "bruttoindkomst",
}
# Rows about a criterion that are not published on the site, each with its reason (line numbers of the CSV).
SECOND_ROUND_LEFT_OUT = {
    11: "Korskærparken 2018: a share convicted, while the 2018 rules use the ratio; the national share of that list is not known",
    33: "Boligsocial Monitorering 2012, not a list figure; its definition may differ",
    34: "Boligsocial Monitorering 2012, a point count, not the list's two-year average",
    35: "Aarhus Kommune's own model, not the list criterion",
    48: "a municipal figure via BT; unclear whether it is the criterion",
    54: "the national conviction threshold of 2019 (1.98 %), used to convert the 2019 shares",
    55: "the national share convicted in 2019 (0.66 %), used to convert the 2019 shares",
    60: "immigrants and descendants of any origin, not non-western (January 2016)",
    61: "the parish of Tingbjerg, not the list area",
    68: "the national conviction threshold of 2023 (2.35 %), used to convert the 2023 shares",
    69: "Vollsmose as a district (bydel), not the list area",
    74: "'more than half': no value",
}
NOT_INDICATORS = ("number of residents", "number of dwellings", "criteria met", "margin above")


def _year(row: dict) -> int:
    return int(re.search(r"(19|20)\d\d", row["list_date"]).group(0))


def test_every_criteria_value_of_the_second_round_is_published_in_its_own_unit_or_left_out_with_its_reason():
    """supplement-2/area_criteria_values.csv, row by row: a figure on a criterion the site has is in published_values.csv
    with its value in the indicator's unit (per 10,000 as a share; a share convicted from 2018 as the ratio to the
    national average, only where that average is known from the same file); grundskole before 2018 is its own series;
    a list date the source leaves open or an area it names loosely is marked inferred. The rest are named with a reason."""
    collected = _rows(ROOT / "sources/reference/supplement-2/area_criteria_values.csv")
    published = {(r["area_id"], r["indicator_id"], int(r["year"])): r for r in _rows(ROOT / "datapackages/indicators/published_values.csv")}
    national = {_year(r): float(r["value"].split()[0]) / 3 for r in collected if r["criterion"].startswith("conviction threshold")}
    assert set(national) == {2019, 2023}
    accounted, left_out = [], []
    for line, row in enumerate(collected, start=2):
        if line in SECOND_ROUND_LEFT_OUT or row["criterion"].startswith(NOT_INDICATORS):
            same = [p for p in published.values() if (p["area_id"], p["source"]) == (row["area_id"], row["source_url"])]
            assert row["value"] not in {p["value"] for p in same}, line  # not published under another name
            accounted.append(line)
            left_out.append(line)
            continue
        year, number_ = _year(row), row["value"].split()[0]
        criterion = row["criterion"]
        if criterion.startswith("convictions"):
            share = float(number_) / (100 if "per 10,000" in criterion else 1)
            indicator, value = ("doemte-andel", share) if year < 2018 else ("doemte", round(share / national[year], 2))
        elif criterion.startswith("share 30-59 with only basic"):
            indicator, value = ("kun-grundskole-foer-2018" if year < 2018 else "kun-grundskole"), float(number_)
        else:
            indicator, value = SECOND_ROUND_MAPPING[criterion], float(number_)
        found = published[(row["area_id"], indicator, year)]
        inferred = "område" if "AMBIGUOUS area" in row["note"] else "år" if "probable" in row["list_date"] or "inferred" in row["note"] else ""
        assert (float(found["value"]), found["source"], found["inferred"]) == (value, row["source_url"], inferred), line
        accounted.append(line)
    assert len(collected) == 82 and accounted == list(range(2, 84))
    used = {(r["area_id"], r["indicator_id"], int(r["year"])) for r in published.values() if r["source"] in {c["source_url"] for c in collected}}
    assert len(used) == len(accounted) - len(left_out) == 52
