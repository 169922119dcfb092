"""The GitHub Action (action.yml): each shell step run here as the runner would run it.

The steps' ``env`` expressions (``${{ inputs.x }}``, ``${{ github.action_path }}``,
``${{ steps.lint.outputs.x }}``) are evaluated from the inputs' defaults and the
outputs earlier steps wrote to ``$GITHUB_OUTPUT``; ``uses:`` steps (setup-python,
the SARIF upload) are GitHub's own and are only checked for their wiring.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def _step(name: str) -> dict:
    return next(step for step in ACTION["runs"]["steps"] if step.get("name") == name)


class Runner:
    """Runs the action's shell steps in ``workspace`` with the given inputs."""

    def __init__(self, workspace: Path, inputs: dict[str, str], python: str = sys.executable) -> None:
        self.workspace = workspace
        self.inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()} | inputs
        self.outputs: dict[str, dict[str, str]] = {}
        self.python = python

    def value(self, expression: str) -> str:
        def one(match: re.Match[str]) -> str:
            path = match.group(1).split(".")
            if path[0] == "inputs":
                return self.inputs[path[1]]
            if path[:2] == ["github", "action_path"]:
                return str(ROOT)
            if path[0] == "steps" and path[2] == "outputs":
                return self.outputs.get(path[1], {}).get(path[3], "")
            raise AssertionError(f"unknown expression {match.group(0)}")

        return EXPRESSION.sub(one, str(expression))

    def run(self, name: str) -> subprocess.CompletedProcess[str]:
        step = _step(name)
        assert step["shell"] == "bash"
        output = self.workspace / f".output-{len(self.outputs)}"
        output.write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "FACTLINT_"))}
        env |= {key: self.value(value) for key, value in step.get("env", {}).items()}
        env |= {"GITHUB_OUTPUT": str(output), "FACTLINT_PYTHON": self.python}
        done = subprocess.run(["bash", "-c", self.value(step["run"])], cwd=self.workspace, env=env, capture_output=True, text=True, timeout=300)
        values = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if "=" in line)
        self.outputs[step.get("id", name)] = values
        return done


@pytest.fixture
def workspace(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "factlint.toml").write_text("", encoding="utf-8")
    return tmp_path


def test_the_action_is_a_composite_whose_upload_runs_even_when_findings_fail_the_lint():
    assert ACTION["runs"]["using"] == "composite"
    names = [step.get("name") or step["uses"] for step in ACTION["runs"]["steps"]]
    assert names == ["actions/setup-python@v5", "Install factlint", "Run factlint", "Upload to code scanning", "Fail on findings"]
    upload = _step("Upload to code scanning")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "always()" in upload["if"] and "inputs.mode == 'sarif'" in upload["if"]
    assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.sarif-file }}"
    assert ACTION["outputs"]["exit-code"]["value"] == "${{ steps.lint.outputs.exit-code }}"


def test_install_uses_the_actions_own_checkout_unless_told_otherwise(workspace):
    log = workspace / "pip.log"
    stub = workspace / "python"
    stub.write_text(f'#!/bin/sh\necho "$@" >> "{log}"\n', encoding="utf-8")
    stub.chmod(0o755)
    for install, expected in (("", f"-m pip install --disable-pip-version-check --quiet {ROOT}[office]"), ("factlint==0.1.0", "factlint==0.1.0")):
        log.unlink(missing_ok=True)
        done = Runner(workspace, {"install": install}, python=str(stub)).run("Install factlint")
        assert done.returncode == 0, done.stderr
        assert log.read_text(encoding="utf-8").strip().endswith(expected)


def test_annotations_mode_prints_workflow_commands_and_fails_after_the_lint_step(workspace):
    runner = Runner(workspace, {"paths": "seeds"})
    lint = runner.run("Run factlint")
    assert lint.returncode == 0, lint.stderr  # the lint step never fails: the upload must still run
    annotations = [line for line in lint.stdout.splitlines() if line.startswith("::")]
    assert annotations and all(line.startswith("::warning file=seeds/") for line in annotations)
    assert runner.outputs["lint"] == {"exit-code": "1", "sarif-file": ""}
    finish = runner.run("Fail on findings")
    assert finish.returncode == 1 and "factlint exited 1" in finish.stderr


def test_sarif_mode_writes_the_file_the_upload_step_is_given_and_an_html_report(workspace):
    runner = Runner(workspace, {"paths": "seeds", "mode": "sarif", "html-report": "report.html", "args": "--select TXT,NAM"})
    lint = runner.run("Run factlint")
    assert lint.returncode == 0, lint.stderr
    assert runner.outputs["lint"] == {"exit-code": "1", "sarif-file": "factlint.sarif"}
    upload_file = runner.value(_step("Upload to code scanning")["with"]["sarif_file"])
    log = json.loads((workspace / upload_file).read_text(encoding="utf-8"))
    results = log["runs"][0]["results"]
    assert results and {r["ruleId"][:3] for r in results} <= {"TXT", "NAM"}
    assert log["runs"][0]["invocations"][0]["exitCode"] == 1
    assert (workspace / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert runner.run("Fail on findings").returncode == 1


def test_a_clean_run_passes_and_a_bad_mode_is_an_error(workspace):
    (workspace / "clean.md").write_text("# Notes\n\nAll is well.\n", encoding="utf-8")
    runner = Runner(workspace, {"paths": "clean.md"})
    assert runner.run("Run factlint").returncode == 0
    assert runner.outputs["lint"]["exit-code"] == "0"
    assert runner.run("Fail on findings").returncode == 0
    runner = Runner(workspace, {"paths": "clean.md", "mode": "both"})
    lint = runner.run("Run factlint")
    assert "::error title=factlint action::mode must be" in lint.stdout
    assert runner.outputs["lint"]["exit-code"] == "2"
    assert runner.run("Fail on findings").returncode == 2
