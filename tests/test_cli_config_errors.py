"""A malformed user actor file stops `extract` and `ingest` with one line, before anything is stored."""

from conftest import EXAMPLES


def test_malformed_actor_file_is_one_line_and_exit_2(run_cli, tmp_path):
    bad = tmp_path / "my-actors.yaml"
    bad.write_text("actors: [unclosed\n", encoding="utf-8")
    env = {"SITREP_ACTORS": str(bad)}
    for args in (("extract", str(EXAMPLES)), ("ingest", str(EXAMPLES), "--db", str(tmp_path / "new.db"))):
        result = run_cli(*args, env=env)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [f"sitrep: error: {bad}: not valid YAML at line 2"]
    assert not (tmp_path / "new.db").exists()
