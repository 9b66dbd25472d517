"""What editors meet: one check for everything, Danish Excel imports, scaffolding, and every bad input
stopped with a Danish message naming file, line and field."""

from __future__ import annotations

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.data.load import load
from macros.data.problems import DataError
from macros.data.settings import from_mkdocs_yml
from tests.conftest import ROOT, copy_project, mkdocs_build


def edit(project: Path, relative: str, old: str, new: str, count: int = 1) -> None:
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def problems(project: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(project)
    return [str(p) for p in caught.value.problems]


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "projekt")


def first_row(project: Path, relative: str) -> str:
    return (project / relative).read_text(encoding="utf-8").split("\n")[1]


# Bad inputs, one each


def test_an_empty_required_value_is_named(project):
    row = first_row(project, "datapackages/areas/areas.csv")
    area_id, name = row.split(",")[:2]
    edit(project, "datapackages/areas/areas.csv", row, row.replace(f",{name},", ",,", 1))
    assert any(p.startswith("datapackages/areas/areas.csv, linje 2, felt 'name': feltet er tomt, men skal udfyldes") for p in problems(project))


def test_a_duplicate_key_is_named(project):
    row = first_row(project, "datapackages/evaluations/studies.csv")
    edit(project, "datapackages/evaluations/studies.csv", row + "\n", row + "\n" + row + "\n")
    assert any("datapackages/evaluations/studies.csv, linje 3" in p and "findes allerede i en anden række" in p for p in problems(project))


def test_a_result_of_an_unknown_study_is_named(project):
    edit(project, "datapackages/evaluations/results.csv", ",vive-2021-effekter-2011-14,", ",vive-2021-efekter-2011-14,")
    assert (
        "datapackages/evaluations/results.csv, linje 2, felt 'study_id': værdien henviser til noget, der ikke findes (fundet: 'vive-2021-efekter-2011-14'). "
        "Sådan retter du det: Brug et id, der står i studies.csv. Mente du 'vive-2021-effekter-2011-14'?" in problems(project)
    )


def test_a_goal_on_an_unknown_indicator_is_named(project):
    row = first_row(project, "datapackages/plans/goals.csv")
    indicator = row.split(",")[2]
    edit(project, "datapackages/plans/goals.csv", row, row.replace(f",{indicator},", ",boligstoette,", 1))
    assert (
        "datapackages/plans/goals.csv, linje 2, felt 'indicator_id': indikatoren findes ikke (fundet: 'boligstoette'). "
        "Sådan retter du det: Brug et indicator_id fra datapackages/indicators/indicators.csv." in problems(project)
    )


def test_a_share_above_100_is_named(project):
    edit(project, "datapackages/indicators/national.csv", "uden-for-arbejdsmarked,2010,22.0", "uden-for-arbejdsmarked,2010,122.0")
    assert (
        "datapackages/indicators/national.csv, linje 2, felt 'value': en andel skal ligge mellem 0 og 100 (fundet: '122.0'). "
        "Sådan retter du det: Skriv andelen i procent, fx 12.5 for 12,5 %." in problems(project)
    )


def test_an_unexpected_column_is_named(project):
    path = project / "datapackages/pools/pools.csv"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    path.write_text("\n".join([lines[0] + ",ekstra"] + [line + ",x" for line in lines[1:]]) + "\n", encoding="utf-8")
    assert any("datapackages/pools/pools.csv, felt 'ekstra': kolonnen er ikke beskrevet i datapackage.json" in p for p in problems(project))


def test_an_empty_file_is_named(project):
    (project / "datapackages/pools/pools.csv").write_text("", encoding="utf-8")
    assert (
        "datapackages/pools/pools.csv: filen er tom. Sådan retter du det: Gendan filen fra git, eller skriv mindst kolonneoverskrifterne fra "
        "datapackage.json i første linje."
        in problems(project)
    )


def test_a_csv_no_package_lists_is_named(project):
    (project / "datapackages/evaluations/nye_resultater.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert (
        "datapackages/evaluations/nye_resultater.csv: CSV-filen står ikke i pakkens datapackage.json. "
        "Sådan retter du det: Tilføj den som ressource i datapackage.json, eller slet den." in problems(project)
    )


def test_a_script_in_an_activity_text_is_refused(project):
    edit(project, "content/aktiviteter/brandkadetter.md", "Et hold unge mødes fast", "Et hold <script>alert('hej')</script> unge mødes fast")
    assert any("content/aktiviteter/brandkadetter.md, linje" in p and "HTML, der kan køre kode" in p and "(fundet: '<script')" in p for p in problems(project))


def test_unfinished_scaffolded_rows_are_refused(project):
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.commands.scaffold", "studie", "Evaluering af natteravne i Århus", "--root", str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "evaluator (Evaluator, skal udfyldes)" in result.stdout
    found = problems(project)
    line = len((project / "datapackages/evaluations/studies.csv").read_text(encoding="utf-8").splitlines())  # the row just added
    assert any(f"datapackages/evaluations/studies.csv, linje {line}, felt 'evaluator': feltet er ikke udfyldt endnu" in p for p in found), found


def test_a_scaffolded_activity_is_refused_until_filled_in(project):
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.commands.scaffold", "aktivitet", "Lektiehjælp for voksne", "--root", str(project)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    text = (project / "content/aktiviteter/lektiehjaelp-for-voksne.md").read_text(encoding="utf-8")
    assert "# Temaer: Et eller flere af Landsbyggefondens fire temaer." in text
    found = problems(project)
    assert all(p.startswith("content/aktiviteter/lektiehjaelp-for-voksne.md") for p in found)
    # every value the editor must decide is UDFYLD, named by its field, with the values it may take
    for field in ("themes[0]", "target_groups[0]", "summary", "cost_level", "sources[0].title"):
        assert any(f"felt '{field}': feltet er ikke udfyldt endnu" in p for p in found), (field, found)
    assert (
        "content/aktiviteter/lektiehjaelp-for-voksne.md, linje 13, felt 'cost_level': feltet er ikke udfyldt endnu (fundet: 'UDFYLD'). "
        "Sådan retter du det: Erstat UDFYLD med den rigtige værdi; brug en af: lav; middel; høj." in found
    )


def test_a_scaffolded_result_is_linked_to_its_activity_and_refused_until_filled_in(project):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "build_scripts.commands.scaffold",
            "resultat",
            "Tryghed om aftenen",
            "--studie",
            "vive-2021-effekter-2011-14",
            "--aktivitet",
            "natteravne-og-gadeplansarbejde",
            "--root",
            str(project),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (
        (project / "datapackages/evaluations/result_activities.csv")
        .read_text(encoding="utf-8")
        .endswith("vive-2021-effekter-2011-14-tryghed-om-aftenen,natteravne-og-gadeplansarbejde\n")
    )
    found = problems(project)
    assert all(p.startswith("datapackages/evaluations/results.csv") for p in found), found
    assert {p.split("felt '")[1].split("'")[0] for p in found} == {"intervention", "outcome_domain", "effect", "design", "source", "kind"}
    assert any(
        "felt 'outcome_domain': feltet er ikke udfyldt endnu (fundet: 'UDFYLD'). Sådan retter du det: Erstat UDFYLD med den rigtige værdi; brug en "
        "af: uddannelse,"
        in p
        for p in found
    )


# Messages that send an editor the right way


def test_a_semicolon_file_saved_into_a_package_points_to_the_import(project):
    path = project / "datapackages/pools/pools.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    assert (
        "datapackages/pools/pools.csv, linje 1: filen bruger semikolon som skilletegn, sådan som dansk Excel gemmer, men pakkens filer bruger komma. "
        "Sådan retter du det: Importér filen med: .venv/bin/python -m build_scripts.commands.import_csv FIL.csv --into pools/pools "
        "(den læser semikolon, decimalkomma og Windows-1252). Den skriver filen om med komma og decimalpunktum." in problems(project)
    )


def test_an_unquoted_decimal_comma_counts_the_cells_and_names_the_usual_cause(project):
    path = project / "datapackages/indicators/national.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[1] == "uden-for-arbejdsmarked,2010,22.0"
    lines[1] = "uden-for-arbejdsmarked,2010,22,5"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert (
        "datapackages/indicators/national.csv, linje 2: rækken har 4 celler, men skal have 3 (én pr. kolonne). Sådan retter du det: "
        "Et decimaltal skrevet med komma uden anførselstegn (fx 12,5) er den almindelige årsag: skriv 12.5. "
        "Sørg for, at rækken har én værdi pr. kolonne adskilt af komma, og sæt tekst med komma i anførselstegn." in problems(project)
    )


def test_a_windows_1252_file_in_a_package_points_to_the_import(project):
    path = project / "datapackages/areas/areas.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    (found,) = [p for p in problems(project) if p.startswith("datapackages/areas/areas.csv")]
    assert found.startswith("datapackages/areas/areas.csv: filen er ikke gemt som UTF-8 (Excel gemmer ofte i Windows-1252")
    assert "build_scripts.commands.import_csv FIL.csv --into areas/areas" in found


def test_a_value_that_is_not_a_number_says_so_in_danish(project):
    edit(project, "datapackages/indicators/national.csv", "uden-for-arbejdsmarked,2010,22.0", "uden-for-arbejdsmarked,2010,tyve")
    assert any("felt 'value': værdien er ikke et tal (fundet: 'tyve')" in p for p in problems(project))


def test_a_misspelt_theme_and_an_unknown_related_activity_get_the_nearest_valid_one(project):
    edit(project, "content/aktiviteter/lommepengejob.md", "themes: [uddannelse og beskæftigelse,", "themes: [uddanelse og beskæftigelse,")
    edit(project, "content/aktiviteter/fritidsjob.md", "related: [lommepengejob,", "related: [lomepengejob,")
    found = problems(project)
    assert any(
        p.startswith(
            "content/aktiviteter/lommepengejob.md, linje 4, felt 'themes[0]': værdien er ikke en af de tilladte (fundet: 'uddanelse og beskæftigelse')"
        )
        and p.endswith("Mente du 'uddannelse og beskæftigelse'?")
        for p in found
    ), found
    assert any(
        p.startswith("content/aktiviteter/fritidsjob.md, linje 11, felt 'related'")
        and "(fundet: 'lomepengejob')" in p
        and p.endswith("Mente du 'lommepengejob'?")
        for p in found
    ), found


def test_a_target_group_typed_with_a_hyphen_is_taken_as_the_listed_one(project):
    edit(project, "content/aktiviteter/lommepengejob.md", "target_groups: [unge 13–17]", "target_groups: [unge 13-17]")
    catalogue = load(project)
    assert catalogue.activities["lommepengejob"].target_groups == ("unge 13–17",)


def test_the_unfinished_message_quotes_the_marker_itself(project):
    edit(
        project,
        "content/aktiviteter/lommepengejob.md",
        "  et ordinært fritidsjob.",
        "  et ordinært fritidsjob. Og en meget lang tekst før markøren, der fylder godt op: UDFYLD beløb",
    )
    found = problems(project)
    assert any("feltet er ikke udfyldt endnu (fundet: 'UDFYLD beløb')" in p for p in found), found


def test_one_problem_is_counted_in_the_singular(project):
    edit(project, "content/aktiviteter/lommepengejob.md", "cost_level: middel\n", "")
    result = subprocess.run([sys.executable, "-m", "build_scripts.commands.check", "--root", str(project)], cwd=ROOT, capture_output=True, text=True)
    assert result.stderr.startswith("Fandt 1 problem. Intet kan udgives, før det er rettet:\n\n1. content/aktiviteter/lommepengejob.md")


def test_a_yaml_error_in_front_matter_is_explained_in_danish_at_its_line(project):
    edit(project, "content/aktiviteter/lommepengejob.md", "title: Lommepengejob", "title: Lommepengejob: små job")
    edit(project, "content/om-data.md", "title: ", 'title: "Om data')
    found = problems(project)
    assert (
        "content/aktiviteter/lommepengejob.md, linje 2: front matter er ikke gyldig YAML: der står et kolon inde i en tekst. "
        'Sådan retter du det: Sæt teksten i anførselstegn, fx title: "Mål: færre ledige".' in found
    )
    assert any(p.startswith("content/om-data.md, linje 2: front matter er ikke gyldig YAML: et anførselstegn er ikke lukket") for p in found), found


def test_html_in_a_front_matter_title_or_summary_is_refused(project):
    edit(project, "content/aktiviteter/lommepengejob.md", "title: Lommepengejob", "title: Lommepengejob <b>nu</b>")
    edit(project, "content/aktiviteter/lommepengejob.md", "  Korte, lønnede opgaver", "  Korte, <em>lønnede</em> opgaver")
    edit(project, "content/om-data.md", "title: ", "title: <i>Om</i> ")
    found = problems(project)
    assert (
        "content/aktiviteter/lommepengejob.md, linje 2, felt 'title': teksten indeholder HTML; felterne i toppen af siden vises som ren tekst (fundet: '<b>'). "
        "Sådan retter du det: Skriv teksten uden <…>-mærker og &…;-tegn (skriv fx & og æ direkte); fremhævning og links hører til i selve siden." in found
    )
    assert any(p.startswith("content/aktiviteter/lommepengejob.md, linje 6, felt 'summary': teksten indeholder HTML") for p in found), found
    assert any(p.startswith("content/om-data.md, linje 2, felt 'title': teksten indeholder HTML") for p in found), found


# Refusals reach the editor as the short Danish list, in the build and in the preview


def test_mkdocs_build_prints_the_danish_list_without_a_traceback(project, tmp_path):
    edit(project, "datapackages/indicators/national.csv", "uden-for-arbejdsmarked,2010,22.0", "uden-for-arbejdsmarked,2010,122.0")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert (
        "ERROR   -  Fandt 1 problem. Intet kan udgives, før det er rettet:\n\n1. datapackages/indicators/national.csv, linje 2, felt 'value': en andel "
        "skal ligge mellem 0 og 100"
        in result.stderr
    )


def test_mkdocs_serve_shows_the_list_in_the_browser_and_recovers_when_the_file_is_fixed(project):
    national = project / "datapackages/indicators/national.csv"
    good = national.read_text(encoding="utf-8")
    national.write_text(good.replace("uden-for-arbejdsmarked,2010,22.0", "uden-for-arbejdsmarked,2010,122.0", 1), encoding="utf-8")
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    serve = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    base = f"http://127.0.0.1:{port}{urlsplit(from_mkdocs_yml(project).site_url).path}"  # serve mounts the site at its published path
    try:
        page = wait_for(f"{base}omraader/", lambda text: "Siden kan ikke bygges" in text)
        assert "en andel skal ligge mellem 0 og 100 (fundet: &#39;122.0&#39;)" in page or "en andel skal ligge mellem 0 og 100 (fundet: '122.0')" in page
        national.write_text(good, encoding="utf-8")
        page = wait_for(f"{base}omraader/", lambda text: "Mjølnerparken" in text)
        assert "Siden kan ikke bygges" not in page
        area = wait_for(f"{base}omraader/mjoelnerparken/", lambda text: "Officielle lister" in text)
        assert "bse-chart__canvas" in area
    finally:
        serve.terminate()
        output = serve.communicate(timeout=30)[0]
    assert "Traceback" not in output and "Fandt 1 problem. Intet kan udgives" in output


def wait_for(url: str, ready, seconds: float = 90) -> str:
    """The page at url once ready(text) holds, fetched again and again while the server builds."""
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
            if ready(text):
                return text
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} blev ikke klar: {text[:500]}")


# One check for everything


def test_the_check_command_reports_every_problem_at_once_and_fails(project):
    edit(project, "datapackages/pools/pools.csv", "\n", "\n", 1)
    edit(project, "content/aktiviteter/lommepengejob.md", "cost_level: middel\n", "")
    edit(project, "datapackages/indicators/national.csv", "uden-for-arbejdsmarked,2010,22.0", "uden-for-arbejdsmarked,2010,122.0")
    result = subprocess.run([sys.executable, "-m", "build_scripts.commands.check", "--root", str(project)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.startswith("Fandt 2 problemer. Intet kan udgives, før de er rettet:")
    assert "1. content/aktiviteter/lommepengejob.md, linje 2, felt 'cost_level': feltet mangler" in result.stderr
    assert "2. datapackages/indicators/national.csv, linje 2, felt 'value': en andel skal ligge mellem 0 og 100" in result.stderr


def test_the_check_command_passes_on_the_real_project():
    result = subprocess.run([sys.executable, "-m", "build_scripts.commands.check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("Alt er i orden: 6 datapakker")


# Text that must be shown, never run


def test_html_and_jinja_in_data_are_shown_as_text(project, tmp_path):
    edit(
        project,
        "datapackages/evaluations/studies.csv",
        "Kilden er Bydelsmødrenes egen hjemmeside.",
        "<script>alert('ø')</script> {{ 7*7 }} {% if true %}JA{% endif %}",
    )
    edit(project, "content/aktiviteter/brandkadetter.md", "title: Brandkadetter", "title: Brandkadetter {{ 6*7 }}")
    edit(project, "content/aktiviteter/brandkadetter.md", "Et hold unge mødes fast", "Et hold {{ 5*5 }} {% if true %}JA{% endif %} unge mødes fast")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    study = (tmp_path / "site/evalueringer/oeug-2016-bydelsmoedre/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;ø&#39;)&lt;/script&gt; {{ 7*7 }} {% if true %}JA{% endif %}" in study
    assert "<script>alert(" not in study
    activity = html.unescape((tmp_path / "site/aktiviteter/brandkadetter/index.html").read_text(encoding="utf-8"))
    assert "<h1>Brandkadetter {{ 6*7 }}</h1>" in activity
    assert "Et hold {{ 5*5 }} {% if true %}JA{% endif %} unge mødes fast" in activity
    assert "Brandkadetter 42" not in activity and "hold 25" not in activity


def test_every_page_says_when_it_last_changed(site):
    for page in ("index.html", "omraader/vollsmose/index.html", "aktiviteter/fritidsjob/index.html", "data/index.html"):
        assert '<p class="bse-changed">Senest ændret: ' in (site / page).read_text(encoding="utf-8"), page


def test_a_source_that_is_not_an_address_says_so(project):
    edit(project, "datapackages/evaluations/studies.csv", "https://cfbu.dk/udgivelser/godt-paa-vej/", "cfbu.dk/godt-paa-vej")
    assert any(
        "felt 'url': værdien er ikke en webadresse (fundet: 'cfbu.dk/godt-paa-vej'). Sådan retter du det: Skriv hele adressen" in p for p in problems(project)
    )


def _check_on_github(project: Path, tmp_path: Path) -> tuple[list[str], str]:
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run([sys.executable, "-m", "build_scripts.commands.check", "--root", str(project)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    return result.stdout.splitlines(), summary.read_text(encoding="utf-8")


def test_on_github_each_problem_is_an_annotation_at_its_file_and_line_and_a_row_of_the_job_summary(project, tmp_path):
    edit(project, "datapackages/evaluations/results.csv", ",effektmåling,positiv", ",effektmaaling,positiv")
    edit(project, "datapackages/evaluations/studies.csv", ",2021,", ",2021.5,")
    edit(project, "content/aktiviteter/fritidsjob.md", "cost_level: ", "cost_level: dyr # ")
    lines, summary = _check_on_github(project, tmp_path)
    found = [line for line in lines if line.startswith("::")]
    assert len(found) == 3 and all(line.startswith("::error file=") for line in found), lines
    assert any(line.startswith("::error file=content/aktiviteter/fritidsjob.md,line=") for line in found)
    assert any(line.startswith("::error file=datapackages/evaluations/results.csv,line=2,") for line in found)
    assert all("title=" in line and "Sådan retter du det" in line for line in found)
    rows = [line for line in summary.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) == 3 and "| Fil | Linje | Felt |" in summary and "3 problemer" in summary


def test_on_github_ten_problems_are_annotated_and_one_more_line_says_how_many_are_left(project, tmp_path):
    path = project / "datapackages/indicators/observations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1:16] = [line.replace("agervang,", "agervangen,", 1) for line in lines[1:16]]
    path.write_text("\n".join(lines), encoding="utf-8")
    out, summary = _check_on_github(project, tmp_path)
    errors = [line for line in out if line.startswith("::error ")]
    warnings = [line for line in out if line.startswith("::warning ")]
    assert len(errors) == 10 and len(warnings) == 1 and "Og 5 problemer mere" in warnings[0], out
    assert len([line for line in summary.splitlines() if re.match(r"\| \d+ \|", line)]) == 15
