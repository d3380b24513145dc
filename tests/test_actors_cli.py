"""`sitrep actors` end to end through the installed console script."""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "actors"


def test_resolve_names_by_country_and_date(run_cli):
    result = run_cli("actors", "resolve", "Daesh", "Hashd al-Shaabi", "--country", "Iraq", "--date", "2016-05-01")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["name"] for line in lines] == [
        "Islamic State (Iraq)",
        "Military Forces of Iraq (2014-2018) Popular Mobilization Forces",
    ]
    assert [line["inter"] for line in lines] == [2, 1]


def test_unknown_name_exits_1(run_cli):
    result = run_cli("actors", "resolve", "Nobody In Particular")
    assert result.returncode == 1
    assert json.loads(result.stdout) == {"query": "Nobody In Particular", "name": None}


def test_user_file_from_environment(run_cli):
    result = run_cli(
        "actors",
        "resolve",
        "VDC fighters",
        "--country",
        "Iraq",
        env={"SITREP_ACTORS": str(FIXTURES / "user_actors.yaml")},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["name"] == "Valley Defence Committee"


def test_check_reports_good_and_malformed_files(run_cli):
    good = run_cli("actors", "check", str(FIXTURES / "user_actors.yaml"))
    assert good.returncode == 0 and "user_actors.yaml: ok" in good.stdout
    bad = run_cli("actors", "check", str(FIXTURES / "bad_inter.yaml"))
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0
    assert "bad_inter.yaml" in bad.stderr and "inter" in bad.stderr and "Traceback" not in bad.stderr
    # A malformed SITREP_ACTORS file is reported the same way by every actors command.
    env = {"SITREP_ACTORS": str(FIXTURES / "bad_yaml.yaml")}
    broken = run_cli("actors", "resolve", "ISIS", env=env)
    assert broken.returncode == 2 and "bad_yaml.yaml: not valid YAML" in broken.stderr
