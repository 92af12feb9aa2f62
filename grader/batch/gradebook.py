"""The class's gradebook: one SQLite file (WAL), written by one writer, the batch's trusted process.

Every run is recorded with what produced it (grader version and digest, course name and version, seed:
"secret" when it came from the environment, settings, the exercises chosen); every submission's result,
every exercise and every check, in the one results model (:mod:`grader.results`' statuses). A
submission's rows are written in one transaction: a run killed at any moment leaves whole rows or none,
and ``UNIQUE(run, learner)`` forbids a duplicate. Nothing is ever overwritten: a regrade is a new run, and
a learner's grade for an exercise is the latest one written (:meth:`Gradebook.current`).

The schema is versioned (``PRAGMA user_version``); :data:`MIGRATIONS` lead from an empty file, or any
earlier version, to :data:`VERSION`, each in its own transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

MIGRATIONS: tuple[str, ...] = (
    # 1: runs, each submission's result, its exercises and their checks
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,             -- what a rerun resumes: same course, grader, settings, seed, folder
        started TEXT NOT NULL,
        finished TEXT,
        source TEXT NOT NULL,          -- the SUBMISSIONS folder
        grader_version TEXT NOT NULL,
        grader_digest TEXT NOT NULL,
        course_name TEXT NOT NULL,
        course_version TEXT NOT NULL,
        seed TEXT NOT NULL,            -- the number, or "secret" when it came from the environment
        settings TEXT NOT NULL,        -- JSON: profile, max_examples, exercises, regrade
        regrade INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX runs_key ON runs(key);
    CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        run INTEGER NOT NULL REFERENCES runs(id),
        learner TEXT NOT NULL,
        source TEXT NOT NULL,          -- the entry in the SUBMISSIONS folder
        status TEXT NOT NULL,          -- grader.batch.statuses.Intake
        message TEXT NOT NULL,
        score REAL NOT NULL,
        max_score REAL NOT NULL,
        duration_s REAL NOT NULL,
        graded_at TEXT NOT NULL,
        UNIQUE(run, learner)
    );
    CREATE TABLE exercises (
        result INTEGER NOT NULL REFERENCES results(id),
        exercise TEXT NOT NULL,
        status TEXT NOT NULL,          -- grader.results.Status
        score REAL NOT NULL,
        max_score REAL NOT NULL,
        message TEXT NOT NULL,
        duration_s REAL NOT NULL,
        PRIMARY KEY (result, exercise)
    );
    CREATE TABLE checks (
        result INTEGER NOT NULL REFERENCES results(id),
        exercise TEXT NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL,
        points REAL NOT NULL,
        max_points REAL NOT NULL,
        message TEXT NOT NULL,
        timing TEXT,                   -- JSON: a timed check's measurements, or NULL
        PRIMARY KEY (result, exercise, name)
    );
    """,
    # 2: what a TA reads across the class (grader.batch.patterns): each exercise's code fingerprint (same
    # code after normalising names, comments and layout) and each failed check's wrong-output pattern
    """
    ALTER TABLE exercises ADD COLUMN fingerprint TEXT;
    ALTER TABLE checks ADD COLUMN pattern TEXT;
    CREATE INDEX exercises_fingerprint ON exercises(exercise, fingerprint);
    """,
)
VERSION = len(MIGRATIONS)
RETRIED = "grading_error"  # grader.batch.statuses.Intake.GRADING_ERROR: graded again by a rerun


class GradebookError(Exception):
    """The gradebook cannot be used; the message says what was expected and what to do."""


@dataclass(frozen=True)
class Run:
    id: int
    key: str
    finished: str | None


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Gradebook:
    """One gradebook file, opened (and migrated) for the life of a ``with`` block."""

    def __init__(self, path: Path, migrate: bool = True):
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=FULL")  # a result acknowledged is a result on disk
            self.db.execute("PRAGMA foreign_keys=ON")
            version = self.version
        except sqlite3.DatabaseError as e:
            raise GradebookError(
                f"Expected an SQLite gradebook at {str(self.path)!r} but it cannot be opened ({e});"
                " pass another --db path (a new file is created)"
            ) from None
        if version > VERSION:
            raise GradebookError(
                f"The gradebook {str(self.path)!r} has schema version {version}, newer than this grader's"
                f" {VERSION}; grade it with the grader that wrote it, or a newer one"
            )
        if migrate:
            self.migrate()

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self, to: int = VERSION) -> None:
        """Apply each missing migration up to ``to``, each with its version bump in one transaction."""
        while self.version < to:
            step = self.version
            with self.transaction():
                for statement in _statements(MIGRATIONS[step]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {step + 1}")

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # -- runs ----------------------------------------------------------------------------------------

    def open_run(self, key: str, record: Mapping[str, Any], resume_finished: bool) -> tuple[Run, bool]:
        """The run to write into: the latest with ``key`` (unless it finished and ``resume_finished`` is
        false: a regrade done once is done again as a new run), else a new one. True when resumed."""
        row = self.db.execute(
            "SELECT id, key, finished FROM runs WHERE key = ? ORDER BY id DESC", (key,)
        ).fetchone()
        if row is not None and (resume_finished or row["finished"] is None):
            return Run(row["id"], key, row["finished"]), True
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO runs (key, started, source, grader_version, grader_digest, course_name,"
                " course_version, seed, settings, regrade) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    key,
                    now(),
                    record["source"],
                    record["grader_version"],
                    record["grader_digest"],
                    record["course_name"],
                    record["course_version"],
                    str(record["seed"]),
                    json.dumps(record["settings"], sort_keys=True),
                    int(bool(record.get("regrade"))),
                ),
            )
        return Run(cursor.lastrowid, key, None), False

    def finish(self, run: Run) -> None:
        with self.transaction():
            self.db.execute("UPDATE runs SET finished = ? WHERE id = ?", (now(), run.id))

    def graded_learners(self, run: Run) -> set[str]:
        """The learners this run has a result for; a grading_error (a worker lost, the grader's files
        changed) is not one: a rerun grades that learner again."""
        query = "SELECT learner FROM results WHERE run = ? AND status != ?"
        return {r[0] for r in self.db.execute(query, (run.id, RETRIED))}

    def runs(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM runs ORDER BY id").fetchall()

    # -- results -------------------------------------------------------------------------------------

    def write(self, run: Run, result: Mapping[str, Any]) -> None:
        """One submission's result (grader.batch.jobs: plain data), all its rows in one transaction."""
        with self.transaction():
            # a grading_error of this run is replaced by the retry's result, in the same transaction
            query = "DELETE FROM results WHERE run = ? AND learner = ? AND status = ?"
            self.db.execute(query, (run.id, result["learner"], RETRIED))
            cursor = self.db.execute(
                "INSERT INTO results (run, learner, source, status, message, score, max_score, duration_s,"
                " graded_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    run.id,
                    result["learner"],
                    result["source"],
                    result["status"],
                    result["message"],
                    float(result["score"]),
                    float(result["max_score"]),
                    float(result["duration_s"]),
                    now(),
                ),
            )
            rid = cursor.lastrowid
            for e in result.get("exercises", ()):
                self.db.execute(
                    "INSERT INTO exercises (result, exercise, status, score, max_score, message, duration_s,"
                    " fingerprint) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        rid,
                        e["id"],
                        e["status"],
                        e["score"],
                        e["max_score"],
                        e["message"],
                        e["duration_s"],
                        e.get("fingerprint"),
                    ),
                )
                for c in e["checks"]:
                    self.db.execute(
                        "INSERT INTO checks (result, exercise, name, status, points, max_points, message,"
                        " timing, pattern) VALUES (?,?,?,?,?,?,?,?,?)",
                        (
                            rid,
                            e["id"],
                            c["name"],
                            c["status"],
                            c["points"],
                            c["max_points"],
                            c["message"],
                            None if c.get("timing") is None else json.dumps(c["timing"], sort_keys=True),
                            c.get("pattern"),
                        ),
                    )

    def current(self) -> list[dict[str, Any]]:
        """Each learner's grade now: their latest submission status, and for each exercise its latest
        result (a regrade of one exercise replaces that exercise's grade, and keeps the others)."""
        learners: dict[str, dict[str, Any]] = {}
        for r in self.db.execute("SELECT * FROM results ORDER BY id"):
            learner = learners.setdefault(r["learner"], {"learner": r["learner"], "since": 0})
            learner.update(status=r["status"], message=r["message"], source=r["source"], result=r["id"])
            learner["exercises"] = {}
            if r["status"] != "graded":  # not graded now: what an earlier run graded no longer counts
                learner["since"] = r["id"]
        latest = self.db.execute(
            "SELECT r.learner, e.* FROM exercises e JOIN results r ON r.id = e.result ORDER BY e.result"
        )
        for row in latest:
            learner = learners[row["learner"]]
            if learner["status"] == "graded" and learner["since"] < row["result"] <= learner["result"]:
                learner["exercises"][row["exercise"]] = dict(row)
        for learner in learners.values():
            graded = learner["exercises"].values()
            learner["score"] = round(sum(e["score"] for e in graded), 2)
            learner["max_score"] = round(sum(e["max_score"] for e in graded), 2)
        return sorted(learners.values(), key=lambda x: x["learner"])

    def checks_of(self, result: int, exercise: str) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT * FROM checks WHERE result = ? AND exercise = ? ORDER BY rowid", (result, exercise)
        ).fetchall()

    def dump(self) -> list[tuple]:
        """Every result, exercise and check, without ids, times or durations: what two runs of the same
        batch must agree on (the resume test compares them)."""
        rows: list[tuple] = []
        for r in self.db.execute("SELECT * FROM results"):
            rows.append(
                ("result", r["learner"], r["source"], r["status"], r["message"], r["score"], r["max_score"])
            )
            for e in self.db.execute("SELECT * FROM exercises WHERE result = ?", (r["id"],)):
                rows.append(
                    (
                        "exercise",
                        r["learner"],
                        e["exercise"],
                        e["status"],
                        e["score"],
                        e["message"],
                        e["fingerprint"],
                    )
                )
            for c in self.db.execute("SELECT * FROM checks WHERE result = ?", (r["id"],)):
                rows.append(
                    (
                        "check",
                        r["learner"],
                        c["exercise"],
                        c["name"],
                        c["status"],
                        c["points"],
                        c["message"],
                        c["pattern"],
                    )
                )
        return sorted(rows)


def _statements(script: str) -> Iterator[str]:
    """A migration's statements (sqlite3's executescript would commit on its own, outside our transaction)."""
    body = "\n".join(line.split("--", 1)[0] for line in script.splitlines())
    for statement in body.split(";"):
        if statement.strip():
            yield statement.strip()


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *exc: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


def read_only(path: Path) -> Gradebook:
    """An existing gradebook, for show and export: a clear error when there is none."""
    if not Path(path).is_file():
        raise GradebookError(
            f"Expected a gradebook at {str(path)!r} but found none; `grader batch SUBMISSIONS --db"
            f" {path}` writes one"
        )
    return Gradebook(path)


def exercise_ids(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for learner in rows:
        for exercise in learner["exercises"]:
            seen.setdefault(exercise)
    return list(seen)
