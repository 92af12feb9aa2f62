"""Settings, settled in one place: command line > environment > ini file or profile > default.

Each setting is an :class:`Option`: its flag on each command line, its environment variable, its ini key
and one help text that ``pytest --help`` and ``grader score --help`` both show (the pattern of
pytest-timeout). :func:`settle` is the one function that decides where a value comes from;
:func:`resolve_config` (the pytest plugin and ``grader score``) and :func:`resolve_lang` use it. An empty
value counts as unset everywhere: CI passes ``${{ secrets.GRADER_SEED }}`` as "" when there is none.

Light on purpose (no torch): the command line's parser and ``pytest --help`` read it.

>>> config = resolve_config(profile="ci", env={"GRADER_SEED": "4711"})
>>> (config.settings.max_examples, config.public_seed)
(100, 'secret')
"""

from __future__ import annotations

import locale
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from grader.errors import ScoreError
from grader.i18n import LANGS
from grader.profiles import LOCAL_EXAMPLES, PROFILES

T = TypeVar("T")

# Where a value came from, in the order they win.
COMMAND_LINE, ENVIRONMENT, INI, DEFAULT = "command line", "environment", "ini", "default"
SCORE, PYTEST = "grader score", "pytest"  # the two command lines, whose flags differ
SECRET = "secret"  # what reports show for a seed that came from the environment


class SettingError(ScoreError, ValueError):
    """A setting's value cannot be used; the message names the setting, where the value came from, the
    value (unless it is secret) and what to write instead."""


@dataclass(frozen=True)
class Option(Generic[T]):
    """One setting and every name it goes by. ``parse`` turns a text into the value or raises ValueError
    saying what it expected ("a whole number"); ``fix`` says what to write instead."""

    name: str
    env: str
    help: str
    parse: Callable[[str], T]
    fix: str
    flag: str | None = None  # grader score's
    pytest_flag: str | None = None  # pytest's, prefixed where a bare name could clash with other plugins
    secret: bool = False  # never shown: not in reports, not in error messages

    @property
    def ini(self) -> str:
        """Its key in a pytest ini file (``[tool.pytest.ini_options]``)."""
        return f"grader_{self.name}"

    @property
    def help_text(self) -> str:
        """The one help text both command lines show."""
        return f"{self.help} [env {self.env}{', kept secret' if self.secret else ''}]"

    def where(self, source: str, command: str = SCORE) -> str:
        """How the learner wrote it: ``--grader-seed``, ``$GRADER_SEED``, the ini option grader_seed."""
        return {
            COMMAND_LINE: self.pytest_flag if command == PYTEST else self.flag,
            ENVIRONMENT: f"${self.env}",
            INI: f"the ini option {self.ini}",
        }.get(source, f"the {source} {self.name}")


@dataclass(frozen=True)
class Setting(Generic[T]):
    value: T
    source: str  # COMMAND_LINE, ENVIRONMENT, INI, PROFILE_DEFAULT or DEFAULT


def settle(
    option: Option[T],
    cli: T | str | None = None,
    env: Mapping[str, str] | None = None,
    ini: T | str | None = None,
    default: T | Callable[[], T] | None = None,
    command: str = SCORE,
) -> Setting[T]:
    """The option's value and where it came from: ``cli`` (given on ``command``'s command line) > ``env``
    > ``ini`` > ``default`` (a value, or a function giving it: a profile's, the locale). Texts are parsed;
    a value that is None or "" counts as unset. SettingError when a text does not parse; a secret from the
    environment is not shown in it.

    >>> settle(SEED, cli=None, env={"GRADER_SEED": ""}, default=0)
    Setting(value=0, source='default')
    >>> settle(MAX_EXAMPLES, cli="12", env={"GRADER_MAX_EXAMPLES": "50"}).value
    12
    """
    env = os.environ if env is None else env
    candidates = ((COMMAND_LINE, cli), (ENVIRONMENT, env.get(option.env)), (INI, ini))
    for source, raw in candidates:
        if raw is None or raw == "":
            continue
        raw = str(raw)  # a number argparse already parsed is checked the same way
        try:
            return Setting(option.parse(raw), source)
        except ValueError as e:
            secret = option.secret and source == ENVIRONMENT  # typed or written down: not a secret
            shown = f"a value of {len(raw)} characters (not shown: it is secret)" if secret else repr(raw)
            where = option.where(source, command)
            raise SettingError(f"Expected {e} but got {shown} (from {where}); {option.fix}") from None
    return Setting(default() if callable(default) else default, DEFAULT)


def _whole_number(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError("a whole number") from None


def _examples(text: str) -> int:
    value = _whole_number(text)
    if value < 1:
        raise ValueError("at least 1 example per check")
    return value


def _lang(text: str) -> str:
    lang = text.strip().lower()[:2]  # zh_CN.UTF-8 and ZH say zh
    if lang not in LANGS:
        raise ValueError(f"a language in {LANGS}")
    return lang


def _profile(text: str) -> str:
    if text not in PROFILES:
        raise ValueError(f"one of the profiles {sorted(PROFILES)}")
    return text


LANG = Option(
    "lang", "GRADER_LANG", "feedback language: en or zh (default: the locale)", _lang,
    "use --lang en or --lang zh", flag="--lang", pytest_flag="--lang",
)  # fmt: skip
MAX_EXAMPLES = Option(
    "max_examples", "GRADER_MAX_EXAMPLES", "Hypothesis examples per check", _examples,
    "set it to e.g. 50", flag="--max-examples", pytest_flag="--grader-max-examples",
)  # fmt: skip
SEED = Option(
    "seed", "GRADER_SEED", "seed for the generated inputs (same seed, same verdicts)", _whole_number,
    "set it to e.g. 12345", flag="--seed", pytest_flag="--grader-seed", secret=True,
)  # fmt: skip
PROFILE = Option(
    "profile", "GRADER_PROFILE",
    f"local (default, {PROFILES['local']} examples per check) or ci ({PROFILES['ci']}, and hidden checks)",
    _profile, "use --profile local or --profile ci", flag="--profile",
)  # fmt: skip
PYTEST_OPTIONS = (LANG, MAX_EXAMPLES, SEED)  # what `pytest exercises/` takes (its profile is local)


@dataclass(frozen=True)
class Settings:
    """How hard to look: Hypothesis examples per check, and the seed that makes a run repeatable."""

    max_examples: int = LOCAL_EXAMPLES
    seed: int = 0
    include_hidden: bool = False  # run the checks a spec marks ``hidden`` (CI: --profile ci)


@dataclass(frozen=True)
class RunConfig:
    """The settings a run used and where its seed came from (a seed from the environment is secret)."""

    settings: Settings
    profile: str
    seed_from_env: bool = False

    @property
    def public_seed(self) -> int | str:
        return SECRET if self.seed_from_env else self.settings.seed


def resolve_config(
    profile: str | None = None,
    seed: int | str | None = None,
    max_examples: int | str | None = None,
    env: Mapping[str, str] | None = None,
    ini: Mapping[str, Any] | None = None,
    command: str = SCORE,
) -> RunConfig:
    """The run's settings: arguments (the command line) > environment (GRADER_PROFILE, GRADER_SEED,
    GRADER_MAX_EXAMPLES) > ``ini`` (pytest's ini options, by option name) > the profile's default.

    ``grader score`` passes its arguments; the pytest plugin passes ``profile="local"`` (learners grade
    at the local profile), its own arguments and ini values, and ``command=PYTEST``.

    >>> resolve_config(max_examples=5, env={"GRADER_MAX_EXAMPLES": "80"}).settings.max_examples
    5
    """
    ini = ini or {}
    chosen = settle(PROFILE, profile, env, default="local", command=command).value
    examples = settle(
        MAX_EXAMPLES, max_examples, env, ini.get(MAX_EXAMPLES.name), PROFILES[chosen], command=command
    )
    seeded = settle(SEED, seed, env, ini.get(SEED.name), default=Settings().seed, command=command)
    # checks an instructor marked hidden run in CI only (their failing inputs are never shown)
    settings = Settings(max_examples=examples.value, seed=seeded.value, include_hidden=chosen == "ci")
    return RunConfig(settings, chosen, seed_from_env=seeded.source == ENVIRONMENT)


def resolve_lang(
    option: str | None = None,
    env: Mapping[str, str] | None = None,
    ini: str | None = None,
    command: str = SCORE,
) -> str:
    """The learner's language: the option > $GRADER_LANG > the ini option > the locale > English.

    >>> resolve_lang("zh_CN", env={})
    'zh'
    """
    env = os.environ if env is None else env
    return settle(LANG, option, env, ini, default=lambda: _locale_lang(env), command=command).value


def _locale_lang(env: Mapping[str, str]) -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = (locale.getlocale()[0] or "").lower()
    return "zh" if code.startswith("zh") else "en"
