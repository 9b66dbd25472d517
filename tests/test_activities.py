"""The catalogue of core activities: content checks, computed knowledge levels and the gap map."""

from __future__ import annotations

import csv
import html
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from macros.data.activities import EVIDENCE_CALL, FACTS_CALL, RESERVED, SECTIONS, SOURCES_CALL, read_activities, read_activity, vocabulary
from macros.text.slugs import slugify
from tests.conftest import ROOT, copy_project, mkdocs_build

EVALUATIONS = ROOT / "datapackages" / "evaluations"
ACTIVITIES = ROOT / "content" / "aktiviteter"


def rows(name: str) -> list[dict]:
    with open(EVALUATIONS / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def activity_files() -> dict[str, dict]:
    return {p.stem: front_matter(p) for p in sorted(ACTIVITIES.glob("*.md")) if p.stem not in RESERVED}


def expected_levels() -> tuple[dict[str, int], dict[tuple[str, str], tuple[int, int]]]:
    """The rule from the method page, written again here from the raw CSVs, independent of macros/rules/evidence.py."""
    design_level = {r["design"]: int(r["level"]) for r in rows("designs.csv")}
    counts = {r["kind"] for r in rows("result_kinds.csv") if r["counts"] == "true"}
    results = {r["result_id"]: r for r in rows("results.csv")}
    linked = defaultdict(list)
    for link in rows("result_activities.csv"):
        linked[link["activity_id"]].append(results[link["result_id"]])

    def level(found):
        found = [r for r in found if r["kind"] in counts]
        if not found:
            return 0
        top = max(design_level[r["design"]] for r in found)
        if len({r["study_id"] for r in found if design_level[r["design"]] >= 3}) >= 2:
            top = max(top, 4)
        return top

    activity_levels, cells = {}, {}
    for slug, meta in activity_files().items():
        override = meta.get("knowledge_level_override")
        activity_levels[slug] = override["level"] if override else level(linked[slug])
        for domain in {r["outcome_domain"] for r in linked[slug]}:
            found = [r for r in linked[slug] if r["outcome_domain"] == domain]
            cells[(slug, domain)] = (len(found), level(found))
    return activity_levels, cells


def test_the_catalogue_holds_at_least_twenty_activities_each_with_a_page(site):
    files = activity_files()
    assert len(files) >= 20
    for slug, meta in files.items():
        text = (site / "aktiviteter" / slug / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{html.escape(meta['title'], quote=False)}</h1>" in text
        headings = re.findall(r'<h2 id="[^"]*">(.*?)<a class="headerlink"', text)
        assert [html.unescape(h) for h in headings] == list(SECTIONS), slug


def test_knowledge_levels_shown_equal_what_the_evaluations_imply(site):
    levels, _ = expected_levels()
    catalogue = (site / "aktiviteter" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li class="bse-card"[^>]*data-niveau="(\d)"[^>]*><h3 class="bse-card__title"><a href="([^"/]+)/">', catalogue)
    shown = {slug: int(level) for level, slug in cards}
    assert shown == levels
    assert {level for level in levels.values()} >= {0, 2, 3}


def test_gap_map_counts_equal_what_the_evaluations_imply(site):
    _, cells = expected_levels()
    text = (site / "aktiviteter" / "evidenskort" / "index.html").read_text(encoding="utf-8")
    cells_shown = re.findall(r'<td class="bse-cell bse-level--\d" data-count="(\d+)" data-level="(\d)"><a href="../([^/]+)/#evidens-([a-z-]+)">', text)
    shown = {(slug, domain): (int(count), int(level)) for count, level, slug, domain in cells_shown}
    expected = {(slug, slugify(domain)): value for (slug, domain), value in cells.items()}
    assert shown == expected
    domains = len(vocabulary_of_domains())
    assert text.count('class="bse-cell bse-gap"') == len(activity_files()) * domains - len(expected)


def vocabulary_of_domains() -> list[str]:
    import json

    descriptor = json.loads((EVALUATIONS / "datapackage.json").read_text(encoding="utf-8"))
    results = next(r for r in descriptor["resources"] if r["name"] == "results")
    return next(f for f in results["schema"]["fields"] if f["name"] == "outcome_domain")["constraints"]["enum"]


def test_an_overridden_level_shows_its_reason_and_the_computed_level(site):
    meta = activity_files()["fritidsjob"]
    text = (site / "aktiviteter" / "fritidsjob" / "index.html").read_text(encoding="utf-8")
    reason = " ".join(meta["knowledge_level_override"]["reason"].split())
    assert html.escape(reason, quote=False) in text
    assert "beregnet efter reglerne: niveau 4" in text


def test_activity_page_lists_every_linked_result_with_study_design_caveat_and_source(site):
    results = {r["result_id"]: r for r in rows("results.csv")}
    for link in rows("result_activities.csv"):
        r = results[link["result_id"]]
        text = html.unescape((site / "aktiviteter" / link["activity_id"] / "index.html").read_text(encoding="utf-8"))
        section = text.split('id="hvad-viser-evalueringerne"', 1)[1].split('id="kilder"', 1)[0]
        for value in (r["outcome"], r["effect"], r["design"], r["source"], r["caveat"]):
            assert value in section, (link, value)
        assert f'../../evalueringer/{r["study_id"]}/' in section


def test_activity_without_results_says_so_instead_of_claiming_evidence(site):
    text = (site / "aktiviteter" / "frivilligkoordinering" / "index.html").read_text(encoding="utf-8")
    assert "har endnu ingen resultater om frivilligkoordinering" in text
    assert "Niveau 0 af 4 · Ingen evaluering" in text


def test_results_with_figures_get_a_chart_table_and_csv_with_the_package_field_names(site):
    folder = site / "aktiviteter" / "fritidsjob"
    text = (folder / "index.html").read_text(encoding="utf-8")
    # two results: a low chart, which reserves a low box (bse-chart__canvas--low)
    assert text.count('class="bse-chart__canvas bse-chart__canvas--low"') == 1 and text.count('class="bse-chart__canvas') == 1
    with open(folder / "resultater-procent.csv", encoding="utf-8", newline="") as f:
        downloaded = list(csv.DictReader(f))
    results = {r["result_id"]: r for r in rows("results.csv")}
    # the context figure (cfbu-2012-andel-fritidsjob) and the count of youth helped stay in the list, out of the chart
    assert {r["result_id"] for r in downloaded} == {"cfbu-2012-uddannelse-17", "cfbu-2012-uddannelse-job-19"}
    for row in downloaded:
        assert set(row) <= set(results[row["result_id"]]), "chart CSV uses the package's field names"
        assert float(row["treated_value"]) == float(results[row["result_id"]]["treated_value"])


def test_results_that_measure_no_effect_are_shown_but_never_raise_a_level(site):
    levels, _ = expected_levels()
    kinds = {r["kind"]: r["counts"] for r in rows("result_kinds.csv")}
    results = {r["result_id"]: r for r in rows("results.csv")}
    linked = defaultdict(list)
    for link in rows("result_activities.csv"):
        linked[link["activity_id"]].append(results[link["result_id"]])
    only_shown = [slug for slug, found in linked.items() if found and all(kinds[r["kind"]] == "false" for r in found)]
    assert "fritidsvejledning" in only_shown and len(linked["fritidsvejledning"]) >= 5
    for slug in only_shown:
        assert levels[slug] == 0
        text = html.unescape((site / "aktiviteter" / slug / "index.html").read_text(encoding="utf-8"))
        assert "Ingen af dem tæller med i vidensniveauet" in text and "tæller ikke med i vidensniveauet" in text
        assert 'class="bse-chart__canvas"' not in text.split('id="hvad-viser-evalueringerne"', 1)[1]


def test_a_null_result_is_shown_as_plainly_as_a_positive_one(site):
    text = (site / "aktiviteter" / "sprogstimulering-og-tidlig-indsats" / "index.html").read_text(encoding="utf-8")
    assert '<strong class="bse-direction bse-direction--ingen-effekt">Ingen effekt:</strong> Ingen forskel i sprogvurderingerne' in text
    mentor = (site / "aktiviteter" / "mentorordninger" / "index.html").read_text(encoding="utf-8")
    assert '<strong class="bse-direction bse-direction--positiv">Virkning i den ønskede retning:</strong>' in mentor
    assert '<strong class="bse-direction bse-direction--ingen-effekt">Ingen effekt:</strong> Mentorordningerne fik ikke flere' in mentor


def test_studies_found_without_public_figures_are_named_on_their_activity_and_study_pages(site):
    studies = {r["study_id"]: r for r in rows("studies.csv")}
    located = rows("located_studies.csv")
    assert len(located) == 3
    for row in located:
        text = html.unescape((site / "aktiviteter" / row["activity_id"] / "index.html").read_text(encoding="utf-8"))
        section = text.split('id="studier-uden-offentlige-tal"', 1)[1].split('id="kilder"', 1)[0]
        assert "Studie fundet, tallene er ikke offentligt tilgængelige" in section and studies[row["study_id"]]["title"] in section
        page = html.unescape((site / "evalueringer" / row["study_id"] / "index.html").read_text(encoding="utf-8"))
        assert "Studie fundet, tallene er ikke offentligt tilgængelige" in page
    # the index counts results in a right-aligned column: a short cell there, the reason on the study's page
    index = html.unescape((site / "evalueringer" / "index.html").read_text(encoding="utf-8"))
    assert index.count("<td>ingen offentlige tal</td>") == 3 and "tallene er ikke offentligt tilgængelige" not in index


def test_every_collected_result_is_in_the_package_or_named_as_found_without_figures():
    """Each result row of both supplements is accounted for by its address: a result's source, or a located study's
    address. A study the first round found without figures has results once the second round found them."""

    def collected(folder: str) -> list[dict]:
        with open(ROOT / "sources" / "reference" / folder / "evaluation_results.csv", encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    first, second = collected("supplement"), collected("supplement-2")
    sources = {r["source"] for r in rows("results.csv")}
    located = {s["url"] for s in rows("studies.csv") if s["study_id"] in {r["study_id"] for r in rows("located_studies.csv")}}
    assert (len(first), len(second)) == (32, 12)
    # the KORA natteravne report: its figures were not visible in 2026's first round, the second found them at kora.dk
    found_later = {"https://9pdf.org/document/z3dolr79-evaluering-af.html"}
    assert not [(r["study_id"], r["outcome"]) for r in first if r["url"] not in sources | located | found_later]
    assert not [(r["study"], r["outcome"]) for r in second if r["source_url"] not in sources | located]
    assert {r["url"] for r in first if "FIGURES NOT VISIBLE" in r["effect_summary"]} - found_later | {
        r["source_url"] for r in second if "FIGURES NOT VISIBLE" in r["result"]
    } == located
    natteravne = [r for r in rows("results.csv") if r["study_id"] == "kora-2013-natteravne"]
    assert len(natteravne) == 4 and {r["kind"] for r in natteravne} == {"sammenhæng", "deltagernes vurdering", "aktivitetstal"}
    # most of the second round are not effect estimates: only the cost-benefit estimate counts, at its design's level
    counting = {k["kind"] for k in rows("result_kinds.csv") if k["counts"] == "true"}
    second_results = [r for r in rows("results.csv") if r["source"] in {c["source_url"] for c in second}]
    assert len(second_results) == 11 and [r["result_id"] for r in second_results if r["kind"] in counting] == ["oug-brandkadetter-afkast"]


def test_an_activity_page_says_where_it_runs_from_the_plans_marked_illustrative(site):
    plans = ROOT / "datapackages" / "plans"
    with open(plans / "plan_activities.csv", encoding="utf-8") as f:
        runs = defaultdict(set)
        for row in csv.DictReader(f):
            runs[row["activity_id"]].add(row["plan_id"])
    with open(plans / "plan_areas.csv", encoding="utf-8") as f:
        areas_of = defaultdict(set)
        for row in csv.DictReader(f):
            areas_of[row["plan_id"]].add(row["area_id"])
    for slug in activity_files():
        text = html.unescape((site / "aktiviteter" / slug / "index.html").read_text(encoding="utf-8"))
        if not runs[slug]:
            assert "Ingen helhedsplan i sitets data kører aktiviteten (eksempeldata)." in text
            continue
        areas = set().union(*(areas_of[p] for p in runs[slug]))
        fold = text.split('<details class="bse-fold"><summary>', 1)[1].split("</details>", 1)[0]
        plans, places = plural(len(runs[slug]), "helhedsplan", "helhedsplaner"), plural(len(areas), "boligområde", "boligområder")
        assert fold.startswith(f"Kører i {plans} i {places} (eksempeldata)</summary>")
        assert "er eksempeldata og ikke officielle tal" in fold
        assert {m for m in re.findall(r'href="../../omraader/([^/]+)/"', fold)} == areas


def test_above_its_row_limit_an_activity_page_counts_the_plans_per_municipality_and_links_each_municipality():
    from macros.data.load import load
    from macros.pages.activity import where_it_runs
    from macros.text import urls

    catalogue = load(ROOT)
    activity = catalogue.activities["brandkadetter"]
    plans = [p for p in catalogue.plans.values() if "brandkadetter" in p.activities]
    municipalities = defaultdict(lambda: (set(), set()))
    for plan in plans:
        for area in plan.areas:
            municipalities[catalogue.areas[area].municipality][0].add(plan.plan_id)
            municipalities[catalogue.areas[area].municipality][1].add(area)
    assert len(plans) > 3 and len(municipalities) > 1

    page_url = urls.activity("brandkadetter")
    listed = html.unescape(where_it_runs(catalogue, activity, page_url))
    counted = html.unescape(where_it_runs(catalogue, activity, page_url, max_rows=3))
    assert "omraader/" in listed and "fordelt på kommuner" not in listed
    assert "omraader/" not in counted and "Helhedsplaner, der kører brandkadetter, fordelt på kommuner (eksempeldata)" in counted
    assert counted.split("<summary>")[1].split("</summary>")[0] == listed.split("<summary>")[1].split("</summary>")[0]
    found = {m[0]: (int(m[1]), int(m[2])) for m in re.findall(r'<a href="../../kommuner/[^/]+/">([^<]+)</a></td> <td>(\d+)</td> <td>(\d+)</td>', counted)}
    assert found == {name: (len(p), len(a)) for name, (p, a) in municipalities.items()}
    assert "tælles i hver af dem" not in counted  # no plan here has areas in two municipalities

    first = plans[0]
    theirs = {catalogue.areas[a].municipality for a in first.areas}
    elsewhere = next(a for a in catalogue.areas.values() if a.municipality not in theirs)
    spanning = replace(catalogue, plans={**catalogue.plans, first.plan_id: replace(first, areas=(*first.areas, elsewhere.area_id))})
    assert "en helhedsplan med boligområder i flere kommuner tælles i hver af dem" in where_it_runs(spanning, activity, page_url, max_rows=3)


def expected_directions() -> dict[str, str]:
    """The direction of each activity's strongest counting results, from the CSVs: one word, 'blandet' when they disagree, '' when none."""
    design_level = {r["design"]: int(r["level"]) for r in rows("designs.csv")}
    counts = {r["kind"] for r in rows("result_kinds.csv") if r["counts"] == "true"}
    results = {r["result_id"]: r for r in rows("results.csv")}
    linked = defaultdict(list)
    for link in rows("result_activities.csv"):
        r = results[link["result_id"]]
        if r["kind"] in counts and r["direction"]:
            linked[link["activity_id"]].append(r)
    out = {}
    for slug in activity_files():
        found = linked[slug]
        top = max((design_level[r["design"]] for r in found), default=None)
        directions = {r["direction"] for r in found if design_level[r["design"]] == top}
        out[slug] = "" if not directions else directions.pop() if len(directions) == 1 else "blandet"
    return out


def test_the_cost_effect_chart_has_one_row_per_activity_with_its_cost_level_and_strongest_direction(site):
    from macros.rules.evidence_words import DIRECTIONS

    levels, _ = expected_levels()
    directions = expected_directions()
    with open(site / "aktiviteter" / "omkostning-virkning-viden.csv", encoding="utf-8", newline="") as f:
        downloaded = {r["activity_id"]: r for r in csv.DictReader(f)}
    assert set(downloaded) == set(activity_files())
    for slug, meta in activity_files().items():
        row = downloaded[slug]
        assert (row["cost_level"], int(row["knowledge_level"])) == (meta["cost_level"], levels[slug])
        assert row["direction"] == (DIRECTIONS[directions[slug]] if directions[slug] else "Ikke målt")
    assert directions["sprogstimulering-og-tidlig-indsats"] == "ingen effekt" and directions["mentorordninger"] == "positiv"
    page = html.unescape((site / "aktiviteter" / "index.html").read_text(encoding="utf-8"))
    alt = page.split('id="chart-omkostning-virkning-viden-alt">', 1)[1].split("</p>", 1)[0]
    assert "Ingen effekt: Sprogstimulering og tidlig indsats." in alt and f"Punktdiagram over {len(downloaded)} aktiviteter" in alt


def test_tag_pages_list_exactly_the_activities_with_that_theme_or_target_group(site):
    files = activity_files()
    for field, folder in (("themes", "tema"), ("target_groups", "maalgruppe")):
        for value in vocabulary(field):
            text = (site / "aktiviteter" / folder / slugify(value) / "index.html").read_text(encoding="utf-8")
            listed = set(re.findall(r'<h3 class="bse-card__title"><a href="../../([^/]+)/">', text))
            assert listed == {slug for slug, meta in files.items() if value in meta[field]}, value


def test_related_activities_link_to_each_other(site):
    for slug, meta in activity_files().items():
        text = (site / "aktiviteter" / slug / "index.html").read_text(encoding="utf-8")
        for other in meta["related"]:
            assert f'href="../{other}/"' in text, (slug, other)


def test_study_page_cites_the_study_and_links_its_activities(site):
    text = html.unescape((site / "evalueringer" / "cfbu-2012-godt-paa-vej" / "index.html").read_text(encoding="utf-8"))
    assert "Sådan citeres studiet: CFBU (Aner og Toft-Jensen) (2012): <cite>Godt på vej – virkningen af fritidsjobaktiviteter</cite>." in text
    assert '<a href="../../aktiviteter/fritidsjob/">Fritidsjob</a>' in text


# Content checks that stop the build


def write_activity(folder: Path, name: str, text: str) -> Path:
    (folder / "aktiviteter").mkdir(parents=True, exist_ok=True)
    path = folder / "aktiviteter" / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


def body() -> str:
    parts = [FACTS_CALL]
    for title in SECTIONS:
        parts.append(f"## {title}\n\n" + {"Hvad viser evalueringerne?": EVIDENCE_CALL, "Kilder": SOURCES_CALL}.get(title, "Tekst om æbler, øl og ål."))
    return "\n\n".join(parts) + "\n"


FRONT = """---
title: Nabohjælp i Ørkenbyen
slug: nabohjaelp
themes: [tryghed og trivsel]
target_groups: [ældre]
summary: Naboer hjælper ældre beboere med indkøb, småreparationer og følgeskab til lægen.
cost_level: lav
related: []
sources:
  - title: Landsbyggefonden
    url: https://www.lbf.dk/boligsociale-indsatser/
---

"""


def problems_for(tmp_path: Path, text: str, name: str = "nabohjaelp") -> list[str]:
    path = write_activity(tmp_path / "content", name, text)
    activity, problems, _ = read_activity(path, tmp_path, tmp_path / "content")
    assert (activity is None) == bool(problems)
    return [str(p) for p in problems]


def test_a_valid_activity_with_danish_letters_reads_cleanly(tmp_path):
    assert problems_for(tmp_path, FRONT + body()) == []


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("cost_level: lav\n", "", "linje 2, felt 'cost_level': feltet mangler (Omkostningsniveau)"),
        (
            "[tryghed og trivsel]",
            "[tryghed]",
            "linje 4, felt 'themes[0]': værdien er ikke en af de tilladte (fundet: 'tryghed'). Sådan retter du det: Brug en af: tryghed og trivsel; "
            "kriminalpræventiv indsats",
        ),
        ("[ældre]", "[pensionister]", "felt 'target_groups[0]': værdien er ikke en af de tilladte (fundet: 'pensionister')"),
        ("slug: nabohjaelp", "slug: nabohjælp", "felt 'slug': værdien har ikke den rigtige form (fundet: 'nabohjælp')"),
        ("url: https://www.lbf.dk/boligsociale-indsatser/", "url: www.lbf.dk", "linje 11, felt 'sources[0].url': adressen skal begynde med http://"),
        ("cost_level: lav\n", "cost_level: lav\nfarve: grøn\n", "felt 'farve': feltet kendes ikke"),
        ("summary: Naboer", "summary: " + "Meget lang tekst om naboer. " * 12 + "Naboer", "felt 'summary': teksten er for lang"),
    ],
)
def test_a_bad_front_matter_field_is_named_with_line_and_fix(tmp_path, old, new, expected):
    assert old in FRONT
    found = problems_for(tmp_path, FRONT.replace(old, new, 1) + body())
    assert any(expected in p for p in found), found
    assert all(p.startswith("content/aktiviteter/nabohjaelp.md") for p in found)


def test_malformed_yaml_is_reported_with_its_line(tmp_path):
    found = problems_for(tmp_path, FRONT.replace("title: Nabohjælp i Ørkenbyen", "title: [Nabohjælp"), "nabohjaelp")
    assert len(found) == 1 and "front matter er ikke gyldig YAML" in found[0]


def test_hand_typed_evidence_is_rejected(tmp_path):
    text = FRONT + body().replace(EVIDENCE_CALL, "Aktiviteten virker rigtig godt.")
    found = problems_for(tmp_path, text)
    assert any(f"'Hvad viser evalueringerne?' skrives af sitet og må kun indeholde {EVIDENCE_CALL}" in p for p in found), found


def test_sections_out_of_order_are_reported(tmp_path):
    text = FRONT + body().replace("## Hvorfor skulle det virke?", "## Hvorfor?")
    found = problems_for(tmp_path, text)
    assert any("forventet '## Hvorfor skulle det virke?'" in p and "(fundet: 'Hvorfor?')" in p for p in found), found


def test_a_file_name_that_differs_from_the_slug_is_reported(tmp_path):
    found = problems_for(tmp_path, FRONT + body(), name="nabohjælp")
    assert any("felt 'slug': slug og filnavn er forskellige (fundet: 'nabohjaelp'). Sådan retter du det: Giv filen navnet nabohjaelp.md" in p for p in found), (
        found
    )


def test_an_unknown_related_activity_is_reported(tmp_path):
    write_activity(tmp_path / "content", "nabohjaelp", FRONT.replace("related: []", "related: [bydelsmoedrene]") + body())
    _, problems = read_activities(tmp_path / "content", tmp_path)
    assert [str(p) for p in problems] == [
        "content/aktiviteter/nabohjaelp.md, linje 8, felt 'related': den relaterede aktivitet findes ikke (fundet: 'bydelsmoedrene'). "
        "Sådan retter du det: Brug slug for en anden aktivitet, dvs. et filnavn under content/aktiviteter/ uden .md."
    ]


def test_a_missing_front_matter_field_stops_the_real_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    page = project / "content" / "aktiviteter" / "bydelsmoedre.md"
    page.write_text(page.read_text(encoding="utf-8").replace("cost_level: lav\n", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    message = result.stdout + result.stderr
    assert result.returncode != 0
    assert "content/aktiviteter/bydelsmoedre.md, linje 2, felt 'cost_level': feltet mangler" in message
    assert not (tmp_path / "site").exists() and not (tmp_path / "site.partial").exists()


def test_a_link_to_an_unknown_activity_stops_the_real_build(tmp_path):
    project = copy_project(tmp_path / "projekt")
    link = project / "datapackages" / "evaluations" / "result_activities.csv"
    before = link.read_text(encoding="utf-8")
    link.write_text(before + "cfbu-2015-sigtelser,natteravne\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    line = len(before.splitlines()) + 1
    assert (
        f"datapackages/evaluations/result_activities.csv, linje {line}, felt 'activity_id': aktiviteten findes ikke (fundet: 'natteravne')"
        in result.stdout + result.stderr
    )


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
