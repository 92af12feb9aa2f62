"""grader watch driven in a real terminal (tmux), as a learner uses it: a fresh clone greets them, a
saved solution is checked and passes, the loop moves on, a wrong one gets its feedback, a key reveals a
hint, another quits cleanly. In English and in Chinese."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from learner_helpers import ROOT, solve

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (CI installs it)")

WRONG_MAKE_GRID = """import torch


def make_grid(rows, cols, dtype=torch.int64):
    return torch.arange(rows * cols, dtype=dtype).reshape(cols, rows).T
"""
WORDS = {
    "en": {
        "welcome": "Welcome!",
        "first": "tensor_facts — Know your tensor",
        "moved": "✓ tensor_facts passed! Next: make_grid",
        "failed": "✗ failed",
        "input": "smallest failing input",
        "hint": "hint 1/2:",
        "reread": '(reread "A PyTorch tutorial for beginners", §3.4)',  # the tutorial by its title
        "bye": "Bye!",
    },
    "zh": {
        "welcome": "欢迎！",
        "first": "tensor_facts — 认识你的张量",
        "moved": "✓ tensor_facts 通过！下一题：make_grid",
        "failed": "✗ 未通过",
        "input": "最小的失败输入",
        "hint": "提示 1/2：",
        "reread": "（请重读《PyTorch 入门教程》§3.4）",
        "bye": "再见！",
    },
}


class Terminal:
    def __init__(self, command: str, cwd: Path) -> None:
        self.name = f"grader-watch-{uuid.uuid4().hex[:8]}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "130", "-y", "60", "-c", str(cwd), command],
            check=True,
            env=env,
        )

    def screen(self) -> str:
        shown = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], capture_output=True, text=True
        )
        return shown.stdout

    def wait_for(self, *words: str, timeout: float = 90) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(w in screen for w in words):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"never saw {words} on the screen:\n{self.screen()}")

    def press(self, key: str) -> None:
        subprocess.run(["tmux", "send-keys", "-t", self.name, key], check=True)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_learner_works_through_an_exercise_in_grader_watch(repository: Path, lang: str) -> None:
    words = WORDS[lang]
    command = (
        f"PYTHONPATH={ROOT} {sys.executable} -m grader.cli watch --lang {lang} --timeout 30;"
        " echo EXITED:$?; sleep 60"
    )
    terminal = Terminal(command, repository)
    try:
        terminal.wait_for(words["welcome"], words["first"])
        solve(repository, "01_tensors/tensor_facts.py")
        terminal.wait_for(words["moved"])
        solve(repository, "01_tensors/make_grid.py", WRONG_MAKE_GRID)
        terminal.wait_for(words["failed"], words["input"])
        terminal.press("h")
        terminal.wait_for(words["hint"], words["reread"])
        terminal.press("q")
        final = terminal.wait_for("EXITED:0", words["bye"], timeout=20)
        assert "Traceback" not in final
    finally:
        terminal.close()
