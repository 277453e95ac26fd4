""".github/workflows/dist.yml builds on the three systems and names every step of the smoke test."""

from pathlib import Path

import yaml

from release.smoke import STEPS

WORKFLOW = Path(__file__).resolve().parents[2] / ".github" / "workflows" / "dist.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _build_steps() -> list[dict]:
    return _workflow()["jobs"]["build"]["steps"]


def test_the_workflow_is_valid_yaml_with_jobs():
    assert isinstance(_workflow().get("jobs"), dict)


def test_the_workflow_runs_when_a_version_tag_is_pushed():
    triggers = _workflow().get(True) or _workflow()["on"]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["tags"] == ["v*"]


def test_the_workflow_builds_on_windows_macos_and_linux():
    assert set(_workflow()["jobs"]["build"]["strategy"]["matrix"]["os"]) == {
        "windows-latest", "macos-latest", "ubuntu-latest"}


def test_the_workflow_builds_with_the_pinned_requirements_and_the_build_script():
    commands = [step.get("run", "") for step in _build_steps()]
    assert any("pip install -r requirements-build.txt" in command for command in commands)
    assert any(command.strip() == "python release/build.py" for command in commands)


def test_the_workflow_names_every_smoke_step_and_runs_it():
    by_name = {step.get("name"): step for step in _build_steps()}
    for smoke in STEPS:
        assert smoke.name in by_name, f"the workflow has no step named '{smoke.name}'"
        assert f"--step {smoke.key}" in by_name[smoke.name]["run"]


def test_the_smoke_steps_come_in_the_order_of_the_smoke_test_after_the_build():
    names = [step.get("name") for step in _build_steps()]
    positions = [names.index(smoke.name) for smoke in STEPS]
    assert positions == sorted(positions)
    assert names.index("Build the app and zip it") < positions[0]


def test_a_linux_only_smoke_step_runs_only_on_linux():
    by_name = {step.get("name"): step for step in _build_steps()}
    for smoke in STEPS:
        guarded = "runner.os == 'Linux'" in str(by_name[smoke.name].get("if", ""))
        assert guarded == (smoke.systems == ("linux",)), smoke.name
