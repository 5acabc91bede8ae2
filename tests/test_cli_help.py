"""The command line explains itself: every option of every subcommand has help text that shows
its default (or says it is required), `--version` prints the installed version, and a wrong
argument after a subcommand prints that subcommand's usage."""

from __future__ import annotations

import argparse
import importlib.metadata

import pytest

from flows.cli import build_parser, main

SUBCOMMANDS = ("run", "sql", "report", "serve", "inspect", "eval", "synth")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (commands,) = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    return dict(commands.choices)


def _help_lines(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.Action, str]]:
    """(option, action, the help text as printed) of every argument but --help and --version."""
    formatter = parser._get_formatter()
    return [
        (action.option_strings[0] if action.option_strings else action.dest, action,
         formatter._expand_help(action) if action.help else "")
        for action in parser._actions
        if not isinstance(action, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction))
    ]


def test_every_subcommand_is_walked():
    assert set(_subcommands(build_parser())) == set(SUBCOMMANDS)


@pytest.mark.parametrize("name", [None, *SUBCOMMANDS])
def test_every_option_has_help_and_shows_its_default(name):
    parser = build_parser()
    if name:
        parser = _subcommands(parser)[name]
    lines = _help_lines(parser)
    assert lines, name
    for option, action, text in lines:
        assert text.strip(), f"vnnews {name or ''} {option}: no help text"
        if action.option_strings:
            assert "default" in text or "(required)" in text, f"vnnews {name or ''} {option}: no default shown: {text!r}"
            assert "%(" not in text and "None" not in text, f"{option}: {text!r}"


def test_the_shown_defaults_are_the_real_ones():
    sub = _subcommands(build_parser())
    helps = {(name, option): text for name in SUBCOMMANDS for option, _, text in _help_lines(sub[name])}
    assert helps[("eval", "--gold")].endswith("(default: tests/gold/seeds.jsonl)")
    assert helps[("synth", "--dup-rate")].endswith("(default: 0.3)")
    assert helps[("sql", "--shell")].endswith("(default: off)")
    assert helps[("synth", "--docs")].endswith("(required)")
    assert "(default: none" in helps[("run", "--dask-address")]
    assert "tests/gold/seeds.jsonl" in build_parser().format_help()  # eval names its gold file up front


def test_version_prints_the_installed_version(capsys):
    with pytest.raises(SystemExit) as leaving:
        main(["--version"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out == f"vnnews {importlib.metadata.version('vnnews')}\n"


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_a_wrong_flag_prints_the_subcommands_usage(name, capsys):
    arguments = {"inspect": ["x.txt"], "eval": ["x.txt"], "synth": ["--docs", "1", "--out", "x"]}.get(name, [])
    with pytest.raises(SystemExit) as leaving:
        main([name, *arguments, "--bogus"])
    assert leaving.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"usage: vnnews {name} ")
    assert err.rstrip().endswith(f"vnnews {name}: error: unrecognized arguments: --bogus")
