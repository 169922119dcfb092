"""Config errors name the file, the line and the nearest valid key or rule."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('fail-on = "error"\nselct = ["NUM"]\n', "factlint.toml:2: unknown key 'selct'; did you mean 'select'?"),
        ('time-limt = 3\n', "factlint.toml:1: unknown key 'time-limt'; did you mean 'time-limit'?"),
        ('# vocabulary\n[vocabulary]\naccpt = ["x"]\n', "factlint.toml:3: unknown key 'vocabulary.accpt'; did you mean 'vocabulary.accept'?"),
        ('[vocabulry]\naccept = ["x"]\n', "factlint.toml:1: unknown key 'vocabulry'; did you mean 'vocabulary'?"),
        ('zzz = 1\n', "factlint.toml:1: unknown key 'zzz'\n"),
        ('\n\nfail-on = "sometimes"\n', "factlint.toml:3: fail-on: Input should be"),
        ('select = ["NUM0001"]\n', "factlint.toml: select: unknown rule or prefix 'NUM0001'; did you mean 'NUM001'?"),
        ('ignore = ["doubled-wrd"]\n', "factlint.toml: ignore: unknown rule or prefix 'doubled-wrd'; did you mean 'doubled-word'?"),
    ],
)
def test_config_errors_name_line_and_nearest_key(project, run_cli, config, message):
    (project / "factlint.toml").write_text(config, encoding="utf-8")
    (project / "a.md").write_text("Fine.\n", encoding="utf-8")
    code, _, err = run_cli("a.md")
    assert code == 2 and message in err, err


def test_pyproject_lines_count_from_the_top_of_the_file(project, run_cli):
    (project / "factlint.toml").unlink()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.factlint]\nselct = ["NUM"]\n', encoding="utf-8")
    (project / "a.md").write_text("Fine.\n", encoding="utf-8")
    code, _, err = run_cli("a.md")
    assert code == 2 and "pyproject.toml:5: unknown key 'selct'; did you mean 'select'?" in err


def test_unknown_rule_on_the_command_line_names_the_option(project, run_cli):
    (project / "a.md").write_text("Fine.\n", encoding="utf-8")
    code, _, err = run_cli("--select", "NUM0001", "a.md")
    assert code == 2 and "--select/--extend-select/--ignore: unknown rule or prefix 'NUM0001'; did you mean 'NUM001'?" in err
