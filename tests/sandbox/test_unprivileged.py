"""tests/sandbox/ again, as an ordinary user who owns the grader's installation: a CI runner's case.

Runs only as root (CI here runs as root): it creates the user ``grader-ci`` (or reuses it), a virtual
environment in its home with the grader installed by that user (so the user owns every installed file),
and runs the sandbox's tests (the attack suite, life cycle, planted files, agreement, cgroups) as that
user against the installed package. The user's level is
whatever the machine gives an ordinary user: ``namespaces`` where unprivileged user namespaces work,
else ``process``, which ``grader score`` must then refuse for untrusted code.

With ``CI`` set and sudo installed, the user also gets passwordless sudo for the run, as on GitHub's
runners, so the setuid attack tries the real thing; the grant is removed afterwards.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
USER = "grader-ci"
SUDOERS = Path("/etc/sudoers.d/grader-ci-test")

pytestmark = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("runuser") is None or shutil.which("useradd") is None,
    reason="needs root (to create an ordinary user) and runuser/useradd",
)


def _as_user(command: list[str], home: Path, timeout: float, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k.startswith(("PIP_", "LANG", "LC_"))}
    environment |= {"HOME": str(home), "PATH": "/usr/local/bin:/usr/bin:/bin", **env}
    return subprocess.run(
        ["runuser", "-u", USER, "--", "env", "-i", *(f"{k}={v}" for k, v in environment.items()), *command],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=home,
    )


def _python_for(home: Path) -> str:
    """An interpreter of our Python version that the user can run (pyenv's may sit under /root)."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (os.path.realpath(sys.executable), shutil.which(f"python{version}"), "/usr/bin/python3"):
        if candidate and _as_user(
            [candidate, "-c", "import sys, venv; print(sys.version)"], home, 60
        ).stdout.startswith(version):
            return candidate
    pytest.skip(f"no Python {version} that the user {USER} may run")


@pytest.fixture(scope="module")
def installation(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the user's home, its virtual environment) with the grader installed by the user."""
    try:
        pwd.getpwnam(USER)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--shell", "/bin/sh", USER], check=True)
    entry = pwd.getpwnam(USER)
    home = Path(entry.pw_dir)
    venv = home / "venv"
    source = home / "grader-source"
    shutil.rmtree(source, ignore_errors=True)
    ignore = shutil.ignore_patterns(".git", ".tox", ".venv", "__pycache__", "*.egg-info", "build")
    shutil.copytree(ROOT, source, ignore=ignore)
    suite = home / "suite"  # the tests, the references and the submissions: no grader package beside them
    shutil.rmtree(suite, ignore_errors=True)
    shutil.copytree(
        ROOT / "tests/sandbox", suite / "tests/sandbox", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(
        ROOT / "tests/submissions", suite / "tests/submissions", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "reference", suite / "reference", ignore=shutil.ignore_patterns("__pycache__"))
    (suite / "pytest.ini").write_text("[pytest]\n")
    # the same versions as this run (the CPU build of torch from the local wheel, not a CUDA download)
    pins = sorted(
        f"{d.metadata['Name']}=={d.version.split('+')[0]}"
        for d in metadata.distributions()
        if d.metadata["Name"] in ("torch", "numpy", "hypothesis", "pytest", "astroid", "pytest-xdist")
    )
    (source / "test-pins.txt").write_text("\n".join(pins) + "\n")
    wanted = json.dumps([pins, (ROOT / "pyproject.toml").read_text()])
    for path in (source, suite):
        subprocess.run(["chown", "-R", f"{entry.pw_uid}:{entry.pw_gid}", str(path)], check=True)
    stamp = home / "venv-made-for.json"
    if not stamp.exists() or stamp.read_text() != wanted:
        shutil.rmtree(venv, ignore_errors=True)
        made = _as_user([_python_for(home), "-m", "venv", str(venv)], home, 300)
        assert made.returncode == 0, made.stderr
        pip = [
            str(venv / "bin/pip"),
            "install",
            "--quiet",
            "-c",
            str(source / "test-pins.txt"),
            f"{source}[test]",
        ]
        done = _as_user(pip, home, 1800)
        assert done.returncode == 0, done.stderr[-3000:]
        stamp.write_text(wanted)
    install = [str(venv / "bin/pip"), "install", "--quiet", "--no-deps", "--force-reinstall", str(source)]
    done = _as_user(install, home, 600)
    assert done.returncode == 0, done.stderr[-3000:]
    return home, venv


@pytest.fixture
def sudo_like_a_ci_runner():
    """Passwordless sudo for the user, as on GitHub's runners (only in CI, only with sudo installed)."""
    if not os.environ.get("CI") or shutil.which("sudo") is None or not SUDOERS.parent.is_dir():
        yield False
        return
    SUDOERS.write_text(f"{USER} ALL=(ALL) NOPASSWD:ALL\n")
    SUDOERS.chmod(0o440)
    try:
        yield True
    finally:
        SUDOERS.unlink(missing_ok=True)


def test_an_ordinary_user_who_owns_the_grader(
    installation: tuple[Path, Path], sudo_like_a_ci_runner: bool
) -> None:
    """One test, not two: a second one on another pytest-xdist worker would reinstall the package under
    the first one's feet."""
    home, venv = installation
    sandbox_suite_holds(home, venv)
    weak_level_is_refused(home, venv)


def sandbox_suite_holds(home: Path, venv: Path) -> None:
    table = home / "attack-table.jsonl"
    table.unlink(missing_ok=True)
    run = _as_user(
        [
            str(venv / "bin/python"),
            "-m",
            "pytest",
            "tests/sandbox",
            "-p",
            "no:cacheprovider",
            "-q",
            "-n",
            "2",
            "-rs",
        ],
        home / "suite",
        1500,
        GRADER_ATTACK_TABLE=str(table),
        GRADER_CANARY="planted-by-the-tests",
        PYTHONDONTWRITEBYTECODE="1",
    )
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    rows = [json.loads(line) for line in table.read_text().splitlines()] if table.exists() else []
    mine = os.environ.get("GRADER_ATTACK_TABLE")
    if mine:  # the closing note's table: both users' rows in one file
        with open(mine, "a") as f:
            f.writelines(json.dumps(row) + "\n" for row in rows)
    levels = {row["level"] for row in rows}
    assert all(row["uid"] == pwd.getpwnam(USER).pw_uid for row in rows)
    if levels:
        assert levels == {"namespaces"}, levels
    else:  # no user namespaces for this user here: every strong-level attack was skipped, so say why
        assert "skipped" in run.stdout


def weak_level_is_refused(home: Path, venv: Path) -> None:
    """Forced to the process level (what an ordinary user without user namespaces gets), grader score
    exits 2 and says what is missing; with --allow-weak-isolation it grades and every report says so."""
    tree = home / "weak-tree"
    _as_user(["mkdir", "-p", str(tree / "01_tensors")], home, 30)
    _as_user(
        ["cp", str(home / "suite/reference/01_tensors/make_grid.py"), str(tree / "01_tensors/")], home, 30
    )
    grader = str(venv / "bin/grader")
    base = [grader, "score", str(tree), "--exercise", "make_grid", "--max-examples", "3"]
    refused = _as_user(base, home, 300, GRADER_SANDBOX_LEVEL="process")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert "--allow-weak-isolation" in refused.stderr
    out = home / "weak.json"
    allowed = _as_user(
        [*base, "--allow-weak-isolation", "--json", str(out)], home, 300, GRADER_SANDBOX_LEVEL="process"
    )
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    report = json.loads(out.read_text())
    assert report["sandbox"]["level"] == "process" and report["sandbox"]["weak"] is True
