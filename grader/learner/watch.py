"""``grader watch``: the first unfinished exercise, re-graded each time its file is saved.

Three sources feed one queue, read by the main thread, which alone changes the view and draws it: file
changes (watchfiles, in a thread), keys (the terminal in cbreak mode, in a thread) and verdicts (each
grading waits for its worker in a thread). A save while a grading runs cancels it: the latest save wins.
When the exercise passes, the loop moves on to the next unfinished one.
"""

from __future__ import annotations

import contextlib
import os
import queue
import select
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import watchfiles
from rich.console import Console

from grader.learner import progress, screen, texts, worker
from grader.learner.state import FOLDER, State, Verdict, repository_of
from grader.learner.worker import Grading
from grader.results import Status

KEYS = {"n": "next", "p": "previous", "h": "hint", "l": "list", "a": "all", "q": "quit"}


class Watch:
    """The loop's state and its event handlers; :meth:`run` drives it until the learner quits."""

    def __init__(
        self,
        tree: Path,
        lang: str,
        max_examples: int,
        seed: int,
        timeout: float = worker.DEFAULT_TIMEOUT,
        console: Console | None = None,
        keys: bool = True,
    ) -> None:
        self.tree, self.lang, self.max_examples, self.seed, self.timeout = (
            Path(tree),
            lang,
            max_examples,
            seed,
            timeout,
        )
        self.repository = repository_of(self.tree)
        self.state = State.load(self.repository)
        self.console = console or Console()
        self.keys = keys and sys.stdin.isatty()
        self.events: queue.Queue[tuple[str, Any]] = queue.Queue()
        self.stop = threading.Event()
        self.grading: Grading | None = None
        self.generation = 0  # which grading's verdict still matters (a newer save cancels the older)
        self.pending_all: list[int] = []
        rows = progress.rows(self.tree, self.state)
        self.view = screen.View(lang, rows, progress.first_unfinished(rows), _label(self.tree))
        if progress.nothing_started(rows):
            self.view.notices = texts.render(texts.WELCOME_WATCH, lang).splitlines()

    # -- the loop -----------------------------------------------------------------------------------------

    def run(self) -> int:
        worker.start()
        threads = [threading.Thread(target=self._watch_files, daemon=True)]
        with self._cbreak() as keyboard:
            if keyboard is not None:
                threads.append(threading.Thread(target=self._read_keys, args=(keyboard,), daemon=True))
            for thread in threads:
                thread.start()
            self._check_current_if_needed()
            self.draw()
            try:
                while not self.stop.is_set():
                    try:
                        kind, payload = self.events.get(timeout=0.2)
                    except queue.Empty:
                        continue
                    self.handle(kind, payload)
            except KeyboardInterrupt:
                pass
            finally:
                self.stop.set()
                if self.grading is not None:
                    self.grading.cancel()
        self.console.print(texts.render(texts.BYE, self.lang, path=self.repository / FOLDER))
        return 0

    def handle(self, kind: str, payload: Any) -> None:
        if kind == "changed":
            self.on_change(payload)
        elif kind == "key":
            self.on_key(payload)
        elif kind == "graded":
            self.on_verdict(*payload)

    def draw(self) -> None:
        if not self.stop.is_set():
            screen.draw(self.console, self.view)

    # -- events -------------------------------------------------------------------------------------------

    def on_change(self, paths: set[Path]) -> None:
        """Re-grade the current exercise when its file changed, or a module of the learner's own that it
        may import (any Python file that is not another exercise)."""
        self.view.rows = progress.rows(self.tree, self.state)
        current = self.current
        if current is not None and not self.pending_all:
            changed = {p.resolve() for p in paths}
            exercise_files = {(self.tree / r.exercise.relpath).resolve() for r in self.view.rows}
            if (self.tree / current.relpath).resolve() in changed or changed - exercise_files:
                self.view.notices = []
                self._start_grading(self.view.current)
        self.draw()

    def on_key(self, key: str) -> None:
        action = KEYS.get(key)
        if action == "quit":
            self.stop.set()
            return
        self.view.notices = []
        if action in ("next", "previous") and self.view.rows:
            step = 1 if action == "next" else -1
            start = self.view.current if self.view.current is not None else 0
            self._move_to((start + step) % len(self.view.rows))
        elif action == "hint" and self.current is not None:
            self.view.hints_shown = self.state.reveal_hint(self.current.id, len(self.current.hints))
            self.state.save()
            if self.view.hints_shown == len(self.current.hints):
                self.view.notices = [texts.render(texts.NO_MORE_HINTS, self.lang)]
        elif action == "list":
            self.view.listing = not self.view.listing
        elif action == "all":
            self.pending_all = [i for i, r in enumerate(self.view.rows) if r.status != Status.NOT_STARTED]
            self._next_of_all()
        self.draw()

    def on_verdict(self, generation: int, index: int, verdict: Verdict) -> None:
        if generation != self.generation:
            return  # a newer save replaced this grading
        exercise = self.view.rows[index].exercise
        self.grading = None
        self.state.verdicts[exercise.id] = verdict
        self.state.save()
        self.view.rows = progress.rows(self.tree, self.state)
        if self.pending_all:
            self._next_of_all()
            self.draw()
            return
        self.view.checking = False
        self.view.verdict = verdict
        if verdict.passed and index == self.view.current:
            following = progress.first_unfinished(self.view.rows)
            if following is not None and following != index:
                name = self.view.rows[following].exercise.id
                self.view.notices = [texts.render(texts.MOVED_ON, self.lang, id=exercise.id, next=name)]
                self._move_to(following)
            elif following is None:
                self.view.current = None
        self.draw()

    # -- helpers ------------------------------------------------------------------------------------------

    @property
    def current(self) -> Any:
        return None if self.view.current is None else self.view.rows[self.view.current].exercise

    def _move_to(self, index: int) -> None:
        self.view.current, self.view.listing = index, False
        exercise = self.view.rows[index].exercise
        self.view.hints_shown = min(self.state.hints.get(exercise.id, 0), len(exercise.hints))
        self.view.verdict = self.state.verdict(exercise.id, self.tree / exercise.relpath)
        self.view.checking = False
        self._check_current_if_needed()

    def _check_current_if_needed(self) -> None:
        """Grade the current exercise now if it is started and has no verdict for its file as it is."""
        index = self.view.current
        if index is None:
            return
        exercise = self.view.rows[index].exercise
        self.view.hints_shown = min(self.state.hints.get(exercise.id, 0), len(exercise.hints))
        self.view.verdict = self.state.verdict(exercise.id, self.tree / exercise.relpath)
        if self.view.verdict is None and self.view.rows[index].status != Status.NOT_STARTED:
            self._start_grading(index)

    def _start_grading(self, index: int) -> None:
        if self.grading is not None:
            self.grading.cancel()
        self.generation += 1
        exercise = self.view.rows[index].exercise
        self.view.checking = True
        grading = Grading(exercise.id, self.tree, self.max_examples, self.seed, self.lang, self.timeout)
        self.grading = grading
        generation = self.generation

        def wait() -> None:
            self.events.put(("graded", (generation, index, grading.result())))

        threading.Thread(target=wait, daemon=True).start()

    def _next_of_all(self) -> None:
        total = len([r for r in self.view.rows if r.status != Status.NOT_STARTED])
        if not self.pending_all:
            self.view.listing, self.view.checking = True, False
            self.view.notices = []
            return
        index = self.pending_all.pop(0)
        done = total - len(self.pending_all)
        self.view.notices = [texts.render(texts.CHECKING_ALL, self.lang, done=done, total=total)]
        self._start_grading(index)

    def _watch_files(self) -> None:
        for changes in watchfiles.watch(
            self.tree,
            debounce=60,
            step=20,
            stop_event=self.stop,
            watch_filter=_python_files,
            raise_interrupt=False,
        ):
            self.events.put(("changed", {Path(path) for _, path in changes}))

    @contextlib.contextmanager
    def _cbreak(self) -> Iterator[int | None]:
        """The terminal in cbreak mode (keys arrive without Enter, echo off), restored however we leave."""
        if not self.keys:
            yield None
            return
        import termios
        import tty

        fd = sys.stdin.fileno()
        before = termios.tcgetattr(fd)
        tty.setcbreak(fd)
        try:
            yield fd
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, before)

    def _read_keys(self, fd: int) -> None:
        while not self.stop.is_set():
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                key = os.read(fd, 1).decode(errors="ignore").lower()
                if key:
                    self.events.put(("key", key))


def _python_files(change: watchfiles.Change, path: str) -> bool:
    return path.endswith(".py") and FOLDER not in path


def _label(tree: Path) -> str:
    try:
        return str(Path(tree).resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(tree)
