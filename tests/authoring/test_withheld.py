"""Withheld references: learners get no answer, yet still precise local feedback; CI grades with all.

The attack (written first, issue 17 §5): release a course, unzip the learners' wheel and hand in the
reference found inside. Before the split it scored full marks on to_device, evaluate, checkpoint,
train_step and make_grid; now the learners' material holds no withheld reference, and the recorded
results still grade a local run.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from authoring_helpers import IGNORE, ROOT

from grader import course as courses
from grader import recorded
from grader.authoring.release import release
from grader.results import Status
from grader.runner import Settings, run_exercise

yaml = pytest.importorskip("yaml")
HIDDEN_SPEC = '''"""CI-only checks of make_grid: only the instructor's course holds this file."""

from grader.api import Agrees, Case

CHECKS = (Agrees(name="secret_big_grid", examples=(Case.of(rows=37, cols=41),)),)
'''
ATTACKED = ("to_device", "evaluate", "checkpoint", "train_step", "make_grid", "conv_output_shape")


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory):
    """The built-in course, copied so it is released as an instructor's course (with its wheels)."""
    tmp = tmp_path_factory.mktemp("withheld")
    for name in ("course", "exercises", "reference", "tests/submissions"):
        shutil.copytree(ROOT / name, tmp / "copy" / name, ignore=IGNORE, symlinks=True)
    hidden = tmp / "copy" / "course" / "specs" / "hidden" / "make_grid.py"
    hidden.parent.mkdir()
    hidden.write_text(HIDDEN_SPEC, encoding="utf-8")
    with courses.restored():
        course = courses.use(courses.load(tmp / "copy" / "course"))
        done = release(tmp / "learners", course)
        learners = _unzipped(done.course_wheel, tmp / "learners-course")
        grading = _unzipped(done.grading_wheel, tmp / "grading-course")
        yield done, course, learners, grading


def _unzipped(wheel: Path, folder: Path) -> Path:
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(folder)
    (package,) = [p for p in folder.iterdir() if p.is_dir() and not p.name.endswith(".dist-info")]
    return package


def _body_lines(course: courses.Course, exercise) -> set[str]:
    """The lines inside the reference's entries (the ``def`` lines are the stub's signature too)."""
    source = (course.reference_dir / exercise.relpath).read_text(encoding="utf-8")
    lines = source.splitlines()
    found = set()
    for node in ast.parse(source).body:
        if getattr(node, "name", None) in exercise.entry:
            for inner in ast.walk(node):
                if isinstance(inner, ast.stmt) and not isinstance(inner, ast.FunctionDef | ast.ClassDef):
                    if isinstance(inner, ast.Expr) and isinstance(inner.value, ast.Constant):
                        continue  # a docstring
                    for line in lines[inner.lineno - 1 : inner.end_lineno]:
                        if len(line.strip()) >= 12 and not line.strip().startswith("#"):
                            found.add(line.strip())
    return found


def _graded(exercise, source: str, tree: Path) -> object:
    path = tree / exercise.relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return run_exercise(exercise, tree, Settings(max_examples=10))


def test_attack_the_learners_material_holds_no_withheld_reference(released) -> None:
    """Every file learners get (the repository and its wheel, unzipped), scanned for every withheld
    reference: its file, and each line of its body."""
    done, course, learners, _ = released
    files = [p for p in done.root.rglob("*") if p.is_file() and p.suffix != ".whl"]
    files += [p for p in learners.parent.rglob("*") if p.is_file()]
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in files}
    withheld = [e for e in course.exercises if not e.reference_shown]
    assert {e.id for e in withheld} >= set(ATTACKED)
    # a line that a shown reference or a spec has too (`optimizer.step()`) gives nothing away
    shown = set().union(*(_body_lines(course, e) for e in course.exercises if e.reference_shown))
    for spec in course.specs_dir.glob("*.py"):
        shown |= {line.strip() for line in spec.read_text(encoding="utf-8").splitlines()}
    for exercise in withheld:
        assert not (learners / "reference" / exercise.relpath).exists(), exercise.id
        body = _body_lines(course, exercise) - shown
        assert body, exercise.id  # the scan below means something
        leaked = [(p.name, s) for p, text in texts.items() for s in text.splitlines() if s.strip() in body]
        assert not leaked, (exercise.id, leaked[:3])
    for exercise in course.exercises:  # what is shown is exactly what the catalog marks
        assert (learners / "reference" / exercise.relpath).is_file() == exercise.reference_shown


def test_a_shown_reference_is_no_answer(released, tmp_path: Path) -> None:
    """The references learners may see are the library's own function the exercise forbids: handed in,
    each fails the forbidden-API gate (no points)."""
    _, course, learners, _ = released
    shown = [e for e in course.exercises if e.reference_shown]
    assert len(shown) == 12
    for exercise in shown:
        source = (learners / "reference" / exercise.relpath).read_text(encoding="utf-8")
        result = _graded(exercise, source, tmp_path / exercise.id)
        gate = next(c for c in result.checks if c.check == "allowed_apis")
        assert gate.status == Status.FAILED and result.score == 0, exercise.id


@pytest.mark.parametrize("exercise_id", ["to_device", "make_grid", "conv_output_shape"])
def test_recorded_results_grade_a_local_run(released, tmp_path: Path, exercise_id: str) -> None:
    """In the learners' course (no reference for it), a right answer gets every recorded check and a
    wrong one fails with its input shown, as the reference would have judged."""
    _, course, learners, _ = released
    with courses.restored():
        local = courses.use(courses.load(learners))
        exercise = local.get(exercise_id)
        assert not (local.reference_dir / exercise.relpath).exists()
        assert recorded.path(local.root, exercise).is_file()
        samples = course.submissions_dir / exercise_id
        right = sorted(samples.glob("right_*.py"))[0].read_text(encoding="utf-8")
        wrong = sorted(samples.glob("wrong_*.py"))
        passed = _graded(exercise, right, tmp_path / "right")
        assert passed.status == Status.PASSED and passed.score == passed.max_score > 0, passed
        for sample in wrong:
            failed = _graded(exercise, sample.read_text(encoding="utf-8"), tmp_path / sample.stem)
            if failed.score < failed.max_score:
                break
        else:
            pytest.fail(f"no wrong sample of {exercise_id} lost a point against the recordings")
        bad = next(c for c in failed.checks if c.status == Status.FAILED)
        assert bad.failure is not None and (bad.failure.case_source or bad.check == "allowed_apis")


def test_a_check_without_recording_is_ci_only_never_passed(released, tmp_path: Path) -> None:
    """evaluate's checks take a model and a loss function: nothing to record as plain data, so locally
    they are skipped, saying they are checked in CI only, and out of the maximum."""
    _, course, learners, grading = released
    right = sorted((course.submissions_dir / "evaluate").glob("right_*.py"))[0].read_text(encoding="utf-8")
    with courses.restored():
        exercise = courses.use(courses.load(learners)).get("evaluate")
        local = _graded(exercise, right, tmp_path / "local")
    skipped = [c for c in local.checks if c.status == Status.SKIPPED]
    assert skipped and all("CI only" in c.failure.problem.render("en") for c in skipped)
    assert all("只在 CI" in c.failure.problem.render("zh") for c in skipped)
    assert not any(c.status == Status.PASSED and c.check in {s.check for s in skipped} for c in local.checks)
    readme = (released[0].root / "README.md").read_text(encoding="utf-8")  # tells learners the same
    only_ci = ", ".join(f"`{c.check}`" for c in skipped)
    behaviour = [c for c in local.checks if not c.gate]
    counted = f"{len(behaviour) - len(skipped)} of {len(behaviour)}"
    assert f"| `evaluate` | {counted} | {only_ci} |" in readme
    with courses.restored():  # the instructor's course grades the same checks with the reference
        exercise = courses.use(courses.load(grading)).get("evaluate")
        assert (grading / "reference" / exercise.relpath).is_file()
        full = _graded(exercise, right, tmp_path / "ci")
    assert full.status == Status.PASSED and full.score == full.max_score
    assert {c.check for c in skipped} <= {c.check for c in full.checks if c.status == Status.PASSED}


def test_pytest_in_the_learners_repository_uses_the_recordings(released, tmp_path: Path) -> None:
    """``pytest exercises/`` on the released repository, the learners' course named: a wrong make_grid
    fails a recorded check with its input; the rest are not started."""
    done, _, learners, _ = released
    repo = tmp_path / "repo"
    shutil.copytree(done.root, repo, ignore=shutil.ignore_patterns(".grader"))
    (repo / "exercises" / "01_tensors" / "make_grid.py").write_text(
        "import torch\n\n\ndef make_grid(rows, cols, dtype=torch.int64):\n"
        "    return torch.arange(rows * cols, dtype=dtype).reshape(cols, rows).T\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("GRADER_", "PYTEST_"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [sys.executable, "-m", "pytest", "exercises/", "-p", "no:cacheprovider", "-q"]
    ran = subprocess.run(
        [*command, "--course", str(learners), "-k", "make_grid"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = ran.stdout + ran.stderr
    assert ran.returncode == 1, out[-3000:]
    assert "matches_reference" in out and "make_grid(" in out, out[-3000:]


def test_the_workflows_name_the_course_and_only_the_instructors_holds_secrets(released) -> None:
    done, course, _, _ = released
    learners = (done.root / ".github/workflows/grade.yml").read_text(encoding="utf-8")
    grading = (done.grading / ".github/workflows/grade-submissions.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(learners)["jobs"] and yaml.safe_load(grading)["jobs"]
    assert "secrets." not in learners and "GRADER_SEED" not in learners
    assert "advisory" in learners.lower()
    for text in (learners, grading):
        assert f"--course {course.name}" in text and "__COURSE__" not in text
    assert "secrets.GRADER_SEED" in grading and "--profile ci" in grading
    assert "persist-credentials: false" in grading
    steps = yaml.safe_load(grading)["jobs"]["grade"]["steps"]
    fetch = next(s for s in steps if s.get("with", {}).get("path") == "submission")
    assert fetch["with"]["ref"] == "${{ matrix.submission.commit }}"
    # the grading job installs from the instructor's folder, never the learner's requirements.txt
    assert "submission/requirements" not in grading
    assert (done.grading / "requirements.txt").read_text(encoding="utf-8").count(".whl") == 1
    assert not (done.grading.is_relative_to(done.root))


def test_the_instructors_grade_step_grades_a_fetched_submission(tmp_path: Path) -> None:
    """The grading workflow's Grade step, run as the job would after its checkouts: the learner's
    repository in submission/ (a git clone at the submitted commit), the course named, the ci profile,
    the seed from the job's secret; the learner's own course files are never what it grades against."""
    import os

    from grader.authoring.release import grading_workflow

    workflow = yaml.safe_load(grading_workflow("pytorch-basics"))
    step = next(s for s in workflow["jobs"]["grade"]["steps"] if s.get("name") == "Grade")
    submission = tmp_path / "submission"
    right = (ROOT / "tests" / "submissions" / "make_grid" / "right_broadcast.py").read_text(encoding="utf-8")
    (submission / "exercises" / "01_tensors").mkdir(parents=True)
    (submission / "exercises" / "01_tensors" / "make_grid.py").write_text(right, encoding="utf-8")
    (submission / "course.toml").write_text("[course]\nname = 'mine'\n", encoding="utf-8")  # ignored
    subprocess.run(["git", "init", "-q", str(submission)], check=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "grader"  # what `pip install` would put on PATH
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m grader.cli "$@"\n')
    shim.chmod(0o755)
    summary = tmp_path / "summary.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADER_", "PYTEST_"))}
    env |= {
        "PATH": f"{bin_dir}{os.pathsep}{env['PATH']}",
        "PYTHONPATH": str(ROOT),
        "GITHUB_STEP_SUMMARY": str(summary),
        "GRADER_SEED": "4242",
        "GRADER_MAX_EXAMPLES": "5",
        "GRADER_LANG": "en",
        "REPORTS": "grader-reports",
        "SUBMISSION": "classroom/assignment-some-learner",
    }
    ran = subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-2000:]
    result = json.loads((tmp_path / "grader-reports" / "result.json").read_text(encoding="utf-8"))
    assert result["settings"]["profile"] == "ci" and result["seed"] == "secret"
    graded = {e["id"]: e for e in result["exercises"]}
    assert graded["make_grid"]["status"] == "passed"
    shown = summary.read_text(encoding="utf-8")
    assert "classroom/assignment-some-learner" in shown and "| **Total** |" in shown


def test_hidden_checks_reach_ci_only(released, tmp_path: Path) -> None:
    """specs/hidden/<id>.py: in the instructor's course, hidden checks; nowhere in the learners'."""
    from grader.runner import load_checks

    done, _, learners, grading = released
    assert not (learners / "specs" / "hidden").exists()
    assert (grading / "specs" / "hidden" / "make_grid.py").is_file()
    for path in [*done.root.rglob("*"), *learners.parent.rglob("*")]:
        if path.is_file():
            assert b"secret_big_grid" not in path.read_bytes(), path
    with courses.restored():
        exercise = courses.use(courses.load(grading)).get("make_grid")
        hidden = [c for c in load_checks(exercise) if c.name == "secret_big_grid"]
        assert len(hidden) == 1 and hidden[0].hidden


def test_a_hidden_check_in_a_shipped_spec_is_refused(tmp_path: Path) -> None:
    """A hidden check written in specs/<id>.py would ship with that file: release says where it goes."""
    for name in ("course", "exercises", "reference"):
        shutil.copytree(ROOT / name, tmp_path / "copy" / name, ignore=IGNORE, symlinks=True)
    spec = tmp_path / "copy" / "course" / "specs" / "make_grid.py"
    spec.write_text(
        spec.read_text(encoding="utf-8")
        + "\nfrom grader.api import Agrees as _A, Case as _C\n"
        + "CHECKS = (*CHECKS, _A(name='leaks', hidden=True, examples=(_C.of(rows=2, cols=3),)))\n",
        encoding="utf-8",
    )
    with courses.restored():
        course = courses.use(courses.load(tmp_path / "copy" / "course"))
        with pytest.raises(ValueError, match=r"specs/hidden/make_grid\.py"):
            release(tmp_path / "learners", course)
    assert not (tmp_path / "learners").exists()


def test_the_docs_table_of_local_and_ci_checks_is_the_generated_one() -> None:
    from grader.authoring.recording import coverage_table, with_table

    doc = (ROOT / "docs" / "authoring.md").read_text(encoding="utf-8")
    assert with_table(doc, coverage_table(courses.active().exercises)) == doc, (
        "docs/authoring.md's table is stale: python -m grader.authoring.recording docs/authoring.md"
    )


def test_the_instructors_course_runs_its_hidden_checks_sandboxed(released, tmp_path: Path) -> None:
    """``grader score --profile ci`` with the instructor's course: the hidden check of specs/hidden/ runs
    in the sandbox as the others do (its child knows it), and passes a right answer."""
    import os

    _, course, _, grading = released
    right = (course.submissions_dir / "make_grid" / "right_broadcast.py").read_text(encoding="utf-8")
    tree = tmp_path / "exercises" / "01_tensors"
    tree.mkdir(parents=True)
    (tree / "make_grid.py").write_text(right, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GRADER_", "PYTEST_"))}
    env |= {"PYTHONPATH": str(ROOT), "GRADER_MAX_EXAMPLES": "5", "PYTHONDONTWRITEBYTECODE": "1"}
    out = tmp_path / "result.json"
    command = [sys.executable, "-m", "grader.cli", "score", str(tmp_path / "exercises")]
    command += ["--course", str(grading), "--profile", "ci", "--exercise", "make_grid", "--json", str(out)]
    ran = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-2000:]
    (graded,) = [
        e for e in json.loads(out.read_text(encoding="utf-8"))["exercises"] if e["id"] == "make_grid"
    ]
    checks = {c["name"]: c["status"] for c in graded["checks"]}
    assert checks.get("secret_big_grid") == "passed", (checks, graded.get("message"))
