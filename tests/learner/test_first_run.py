"""A fresh clone, the README's first command, then every command the welcome suggests, typed as printed
from where the learner stands: in the shell the README's line left (a virtualenv, `.venv`, active), and
after `tox -e grade` (a shell that knows no `grader` until the line the welcome gives first).

The README's line creates `.venv` and pip-installs the clone into it. Here the install is replaced by its
result, built from this test environment (no network; seconds, not minutes): a virtualenv whose
site-packages hold a .pth naming the clone (what `pip install -e .` writes) and this environment's
site-packages (torch, hypothesis, pytest), and whose bin/ holds the `grader` and `pytest` scripts pip
writes. `tox -e grade` is replaced the same way: its environment `.tox/grade`, built like `.venv`, and the
README's grading command run there with the variables tox sets. Everything else runs for real, in a shell
whose PATH holds only the system's folders.
"""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from learner_helpers import ROOT

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (CI installs it)")

SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"
SCRIPTS = {"grader": "from grader.cli import main", "pytest": "from pytest import console_main as main"}


def readme_commands() -> list[str]:
    """The lines of the README's shell block that sets up a virtualenv: what a learner types first."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(python3 -m venv .*?)```", text, re.S)
    assert block, "README.md has no shell block that starts with `python3 -m venv`"
    return [line.split("  #")[0].strip() for line in block.group(1).splitlines() if line.strip()]


def fresh_clone(dest: Path) -> Path:
    """The repository's files as a clone has them (tracked and new, not ignored), links kept as links."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source, target = ROOT / name, dest / name
        if not source.exists() and not source.is_symlink():
            continue  # deleted in the working tree, not yet committed
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)
    return dest


def installed_env(folder: Path, clone: Path) -> Path:
    """What `pip install -e .` leaves in a virtualenv at ``folder`` (see the module's docstring)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    packages = next(folder.glob("lib/python3*/site-packages"))
    (packages / "_editable_clone.pth").write_text("\n".join([str(clone), *site.getsitepackages()]) + "\n")
    for name, entry in SCRIPTS.items():
        script = folder / "bin" / name
        script.write_text(f"#!{folder}/bin/python\nimport sys\n{entry}\nsys.exit(main())\n")
        script.chmod(0o755)
    return folder


def shell(clone: Path, line: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``line`` typed in a new shell in the clone, whose PATH holds only the system's folders."""
    # a learner's shell, not the one tox runs these tests in (its TOX_* variables say "under tox")
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME") and not k.startswith("TOX_")
    }
    clean.update({"PATH": SYSTEM_PATH, "GRADER_LANG": "en", **(env or {})})
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", line], cwd=clone, env=clean, capture_output=True, text=True
    )


def suggested(output: str) -> list[str]:
    """The command lines the welcome gives, in `backquotes`, in order (not a lone command's name)."""
    start = output.index("Welcome!")
    quoted = re.findall(r"`([^`]+)`", output[start : output.index("exercises complete", start)])
    return [text for text in quoted if " " in text]


def run_as_printed(clone: Path, setup: str, command: str) -> str:
    """A suggested command in the learner's shell (``setup``: what that shell already ran); `grader
    watch`, which needs a terminal, in tmux, quit with its `q` key."""
    if command != "grader watch":
        done = shell(clone, f"{setup}{command}")
        assert done.returncode == 0, f"`{command}` failed as printed:\n{done.stdout}\n{done.stderr}"
        return done.stdout
    name = f"first-run-{uuid.uuid4().hex[:8]}"
    line = f"{setup}{command}; echo EXITED:$?; sleep 30"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMUX", "TOX_")) and k != "VIRTUAL_ENV"}
    env.update(PATH=SYSTEM_PATH, GRADER_LANG="en")
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            "130",
            "-y",
            "50",
            "-c",
            str(clone),
            "bash",
            "-c",
            line,
        ],
        check=True,
        env=env,
    )
    try:
        screen, deadline = "", time.monotonic() + 120
        while "[q] quit" not in screen and time.monotonic() < deadline:
            time.sleep(0.3)
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
        assert "Welcome!" in screen and "tensor_facts" in screen, screen
        subprocess.run(["tmux", "send-keys", "-t", name, "q"], check=True)
        while "EXITED:" not in screen and time.monotonic() < deadline:
            time.sleep(0.3)
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout
        assert "EXITED:0" in screen, screen
        return screen
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def test_the_readme_first_line_then_every_command_the_welcome_suggests(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path / "clone")
    first, grade = readme_commands()[:2]
    install = first.partition(" && pip install ")
    assert install[0] == "python3 -m venv .venv && . .venv/bin/activate" and "-e '.[digits]'" in install[2]
    installed_env(clone / ".venv", clone)  # the pip install's result (see the module's docstring)
    setup = ". .venv/bin/activate && "  # the shell the README's first line leaves behind
    welcome = shell(clone, f"{setup}{grade} -p no:cacheprovider")
    assert welcome.returncode == 0 and "exercises complete 0/40" in welcome.stdout, welcome.stdout[-3000:]
    commands = suggested(welcome.stdout)
    assert commands[:1] == ["grader watch"] and "grader hint tensor_facts" in commands, commands
    hint = run_as_printed(clone, setup, "grader hint tensor_facts")
    assert "hint 1/2" in hint and '(reread "A PyTorch tutorial for beginners", §3.2)' in hint
    run_as_printed(clone, setup, "grader watch")


def test_after_tox_the_welcome_first_puts_grader_on_the_path(tmp_path: Path) -> None:
    clone = fresh_clone(tmp_path / "clone")
    tox_env = installed_env(clone / ".tox" / "grade", clone)  # what `tox -e grade` builds
    # what tox runs (tox.ini, [testenv:grade]), with the variables it sets
    ran = shell(
        clone,
        "pytest exercises/ -p no:cacheprovider",
        {"PATH": f"{tox_env}/bin:{SYSTEM_PATH}", "TOX_ENV_DIR": str(tox_env), "TOX_ENV_NAME": "grade"},
    )
    assert ran.returncode == 0, ran.stdout[-3000:]
    commands = suggested(ran.stdout)
    assert commands[0] == ". .tox/grade/bin/activate", commands
    assert shell(clone, "grader hint tensor_facts").returncode == 127  # the learner's shell knows no grader
    setup = f"{commands[0]} && "
    for command in commands[1:]:
        if command.startswith(("grader", "pytest")):
            run_as_printed(clone, setup, command)
