"""The history of every knowledge level, read from git: a project with two commits, in which the second links a
randomised trial to an activity and lifts nothing, shows the change with its date and reason on the activity
page, at its own address, and on the site-wide page of changes."""

from __future__ import annotations

import html
import os
import re
import subprocess

from tests.conftest import copy_project, mkdocs_build


def commit(project, message: str, date: str) -> None:
    env = dict(os.environ, GIT_AUTHOR_DATE=f"{date}T12:00:00", GIT_COMMITTER_DATE=f"{date}T12:00:00",
               GIT_AUTHOR_NAME="Redaktør Ærø", GIT_AUTHOR_EMAIL="r@example.dk", GIT_COMMITTER_NAME="Redaktør Ærø", GIT_COMMITTER_EMAIL="r@example.dk")
    subprocess.run(["git", "add", "-A"], cwd=project, check=True)
    subprocess.run(["git", "commit", "-qm", message], cwd=project, check=True, env=env)


def test_a_new_result_that_raises_a_level_is_dated_and_explained_on_the_activity_and_changes_pages(tmp_path):
    project = copy_project(tmp_path / "projekt")
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    commit(project, "Første udgave", "2026-03-02")
    results = project / "datapackages" / "evaluations" / "results.csv"
    results.write_text(results.read_text(encoding="utf-8") + (
        "natteravne-lodtraekning,star-2014-mentorforsoeget,Natteravne i weekenden,Tryghed om aftenen,tryghed og trivsel,,,,"
        "Flere føler sig trygge,Områder uden natteravne,randomiseret forsøg,,https://example.dk/natteravne,effektmåling,positiv\n"), encoding="utf-8")
    links = project / "datapackages" / "evaluations" / "result_activities.csv"
    links.write_text(links.read_text(encoding="utf-8") + "natteravne-lodtraekning,natteravne-og-gadeplansarbejde\n", encoding="utf-8")
    commit(project, "Et lodtrækningsforsøg om natteravne", "2026-04-15")
    short = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=project, capture_output=True, text=True, check=True).stdout.strip()

    assert (result := mkdocs_build(project, tmp_path / "site")).returncode == 0, result.stderr
    page = (tmp_path / "site" / "aktiviteter" / "natteravne-og-gadeplansarbejde" / "index.html").read_text(encoding="utf-8")
    history = page.split('<ul class="bse-history">', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r'<li id="([^"]+)">(.*?)</li>', history)
    assert [i for i, _ in items] == [f"vurdering-2026-04-15-{short}", items[1][0]]
    newest = html.unescape(re.sub(r"<[^>]+>", "", items[0][1]))
    assert newest.startswith("15. april 2026: Niveau 4 af 4")
    assert "Nye resultater: Tryghed om aftenen (Rambøll for Styrelsen for Arbejdsmarked og Rekruttering, 2014)." in newest
    assert html.unescape(re.sub(r"<[^>]+>", "", items[1][1])).startswith("2. marts 2026: Niveau 0 af 4")

    changes = (tmp_path / "site" / "aktiviteter" / "aendringer" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<li><strong>(.*?)</strong> · (.*?)</li>", changes.split('<ul class="bse-history">', 1)[1].split("</ul>", 1)[0])
    assert len(rows) == 1  # first ratings are not changes
    assert rows[0][0] == "15. april 2026"
    assert f'href="../natteravne-og-gadeplansarbejde/#vurdering-2026-04-15-{short}"' in rows[0][1]
    assert "Niveau 0 af 4" in rows[0][1] and "Niveau 4 af 4" in rows[0][1] and "Nye resultater: Tryghed om aftenen" in html.unescape(rows[0][1])


def test_a_project_outside_git_has_no_history_and_says_so(tmp_path):
    project = copy_project(tmp_path / "projekt")
    assert (result := mkdocs_build(project, tmp_path / "site")).returncode == 0, result.stderr
    page = (tmp_path / "site" / "aktiviteter" / "natteravne-og-gadeplansarbejde" / "index.html").read_text(encoding="utf-8")
    assert 'class="bse-history"' not in page
    assert "Ingen vidensniveauer er ændret siden den første vurdering." in (tmp_path / "site" / "aktiviteter" / "aendringer" / "index.html").read_text(
        encoding="utf-8"
    )
