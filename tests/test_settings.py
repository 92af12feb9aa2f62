"""grader.settings: one precedence (command line > environment > ini or profile > default) for the pytest
plugin and `grader score`, one help text per option for both command lines."""

from __future__ import annotations

import pytest

from grader import cli, settings
from grader.errors import ScoreError
from grader.settings import (
    COMMAND_LINE,
    DEFAULT,
    ENVIRONMENT,
    INI,
    LANG,
    MAX_EXAMPLES,
    SEED,
    Setting,
    SettingError,
    resolve_config,
    resolve_lang,
    settle,
)


@pytest.mark.parametrize(
    ("cli_value", "env", "ini", "expected"),
    [
        ("3", {"GRADER_MAX_EXAMPLES": "4"}, "5", Setting(3, COMMAND_LINE)),
        (None, {"GRADER_MAX_EXAMPLES": "4"}, "5", Setting(4, ENVIRONMENT)),
        (None, {}, "5", Setting(5, INI)),
        (None, {}, None, Setting(7, DEFAULT)),
        ("", {"GRADER_MAX_EXAMPLES": ""}, "", Setting(7, DEFAULT)),  # empty counts as unset everywhere
        (9, {}, None, Setting(9, COMMAND_LINE)),  # already a number (argparse's type=int)
    ],
)
def test_one_precedence(cli_value, env: dict, ini, expected: Setting) -> None:
    assert settle(MAX_EXAMPLES, cli_value, env, ini, default=7) == expected


@pytest.mark.parametrize(
    ("option", "kwargs", "says"),
    [
        (MAX_EXAMPLES, {"cli": "many"}, "Expected a whole number but got 'many' (from --max-examples)"),
        (MAX_EXAMPLES, {"env": {"GRADER_MAX_EXAMPLES": "0"}}, "at least 1 example per check"),
        (MAX_EXAMPLES, {"ini": "x"}, "(from the ini option grader_max_examples)"),
        (LANG, {"env": {"GRADER_LANG": "fr"}}, "a language in ('en', 'zh') but got 'fr' (from $GRADER_LANG)"),
        (SEED, {"env": {"GRADER_SEED": "sesame"}}, "a value of 6 characters (not shown: it is secret)"),
        (MAX_EXAMPLES, {"cli": 0}, "at least 1 example per check but got '0' (from --max-examples)"),
        (SEED, {"cli": "x", "command": settings.PYTEST}, "got 'x' (from --grader-seed)"),  # typed: not secret
    ],
)
def test_a_bad_value_names_the_setting_where_it_came_from_and_the_fix(option, kwargs, says: str) -> None:
    with pytest.raises(SettingError) as info:
        settle(option, **{"env": {}, **kwargs})
    assert says in str(info.value) and option.fix in str(info.value)
    assert "sesame" not in str(info.value)
    assert isinstance(info.value, ScoreError)  # grader score: exit 2 with the message


def test_the_plugin_and_grader_score_settle_alike() -> None:
    env = {"GRADER_SEED": "77", "GRADER_MAX_EXAMPLES": "12", "GRADER_PROFILE": "ci"}
    plugin = resolve_config("local", None, None, env, ini={"max_examples": "50", "seed": "3"})
    assert (plugin.settings.max_examples, plugin.settings.seed, plugin.public_seed) == (12, 77, "secret")
    from_ini = resolve_config("local", None, None, {}, ini={"max_examples": "50", "seed": "3"})
    assert (from_ini.settings.max_examples, from_ini.public_seed) == (50, 3)
    assert not from_ini.settings.include_hidden
    score = resolve_config(env=env)
    assert (score.profile, score.settings.max_examples, score.settings.include_hidden) == ("ci", 12, True)


def test_the_language_falls_back_to_the_locale_then_english() -> None:
    assert resolve_lang(None, env={"LANG": "zh_CN.UTF-8"}) == "zh"
    assert resolve_lang(None, env={"GRADER_LANG": "EN", "LANG": "zh_CN.UTF-8"}) == "en"
    assert resolve_lang("zh", env={"GRADER_LANG": "en"}) == "zh"
    assert resolve_lang(None, env={"GRADER_LANG": ""}, ini="zh") == "zh"
    assert resolve_lang(None, env={"LC_ALL": "C"}) == "en"


def test_one_help_text_serves_both_command_lines() -> None:
    score = next(
        action.choices["score"]
        for action in cli.build_parser()._actions
        if getattr(action, "choices", None) and "score" in action.choices
    )
    helps = {a.option_strings[0]: a.help for a in score._actions if a.option_strings}
    for option in (SEED, MAX_EXAMPLES, LANG, settings.PROFILE):
        assert helps[option.flag] == option.help_text
    assert "[env GRADER_SEED, kept secret]" in SEED.help_text
    flags = [o.pytest_flag for o in settings.PYTEST_OPTIONS]
    assert flags == ["--lang", "--grader-max-examples", "--grader-seed"]
