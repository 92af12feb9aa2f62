"""Everything the learner's loop says, in English and Chinese (tests/learner/test_texts.py walks them all).

Each text is a :func:`grader.i18n.say` message with ``{placeholders}``; :func:`render` fills them in the
learner's language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from grader.i18n import Msg, say
from grader.learner.progress import CHANGED, UNCHECKED
from grader.paths import shown
from grader.results import LABELS

# -- welcome (grader watch on a fresh clone, and pytest exercises/ with nothing started) ----------------
WELCOME = say(
    "Welcome! Each exercise is one function to write, in exercises/<chapter>/<id>.py.\n"
    "Run `grader watch`: it shows the exercise and checks it every time you save the file.\n"
    "Start with {path}; `grader hint {id}` gives a hint when you are stuck.",
    "欢迎！每道练习都是在 exercises/<章节>/<id>.py 里写一个函数。\n"
    "运行 `grader watch`：它会显示题目，并在你每次保存文件时自动检查。\n"
    "从 {path} 开始；卡住时运行 `grader hint {id}` 获取提示。",
)
# under `tox -e grade` the loop's commands live in tox's environment, not on the learner's PATH
ACTIVATE_FIRST = say(
    "The `grader` and `pytest` commands are inside tox's environment: first run `. {activate}` (once per"
    " terminal), then the commands below work as printed.",
    "`grader` 和 `pytest` 命令在 tox 的环境里：请先运行 `. {activate}`（每个终端运行一次），"
    "之后下面的命令就能照原样运行。",
)
WELCOME_WATCH = say(
    "Welcome! Each exercise is one function to write, in exercises/<chapter>/<id>.py.\n"
    "Edit the file below and save it: this screen checks it each time, and moves on when it passes.\n"
    "Press h for a hint, n and p to move between exercises, q to quit.",
    "欢迎！每道练习都是在 exercises/<章节>/<id>.py 里写一个函数。\n"
    "编辑下面的文件并保存：这个界面每次都会自动检查，通过后进入下一题。\n"
    "按 h 查看提示，按 n 和 p 切换练习，按 q 退出。",
)

# -- grader watch ----------------------------------------------------------------------------------------
TITLE = say("grader watch", "grader watch")
EXERCISE = say("{chapter} ▸ {id} — {title} · {points} points", "{chapter} ▸ {id} — {title} · {points} 分")
FILE = say("your file: {path} (save it to check)", "你的文件：{path}（保存即检查）")
NOT_ALLOWED = say("Not allowed here: {names}", "本题不允许使用：{names}")
WAITING = say("not started yet: write your code, then save", "尚未开始：写好代码后保存")
CHECKING = say("checking…", "正在检查……")
PASSED = say(
    "✓ passed · {score} / {max} points · {seconds:.2f} s", "✓ 通过 · {score} / {max} 分 · {seconds:.2f} 秒"
)
FAILED = say(
    "✗ {status} · {score} / {max} points · {seconds:.2f} s",
    "✗ {status} · {score} / {max} 分 · {seconds:.2f} 秒",
)
PRINTED = say("your code printed:", "你的代码输出了：")
MOVED_ON = say("✓ {id} passed! Next: {next}", "✓ {id} 通过！下一题：{next}")
ALL_DONE = say("🎉 Every exercise passes. Well done!", "🎉 所有练习都通过了，太棒了！")
HINT = say("hint {shown}/{total}: {text}", "提示 {shown}/{total}：{text}")
REREAD = say("(reread {citation})", "（请重读{citation}）")
NO_MORE_HINTS = say("that was the last hint", "这已经是最后一条提示")
KEYS = say(
    "[n] next  [p] previous  [h] hint  [l] list  [a] check all  [q] quit",
    "[n] 下一题  [p] 上一题  [h] 提示  [l] 列表  [a] 全部检查  [q] 退出",
)
CHECKING_ALL = say(
    "checking every started exercise… {done}/{total}", "正在检查所有已开始的练习……{done}/{total}"
)
BYE = say("Bye! Your progress is kept in {path}.", "再见！你的进度保存在 {path}。")
TIMEOUT = say(
    "your code was still running after {timeout:g} s, so it was stopped (an endless loop?)",
    "你的代码运行超过 {timeout:g} 秒仍未结束，已被停止（是不是死循环？）",
)
CRASHED = say("the Python process running your code crashed", "运行你代码的 Python 进程崩溃了")
EXITED = say(
    "your code ended the Python process running it (sys.exit or os._exit?)",
    "你的代码结束了运行它的 Python 进程（调用了 sys.exit 或 os._exit？）",
)

# -- statuses: the results model's labels (grader.results), and the loop's own two ---------------------------
STATUS = {
    **{status.value: label for status, label in LABELS.items()},
    UNCHECKED: say("not checked yet", "尚未检查"),
    CHANGED: say("changed since last check", "上次检查后已修改"),
}

# -- grader progress, hint, reset --------------------------------------------------------------------------
PROGRESS_HEADER = say("Progress by chapter", "各章节进度")
PROGRESS_TOTAL = say("{done}/{total} exercises passed", "已通过 {done}/{total} 道练习")
PROGRESS_STALE = say(
    "“{changed}”: run `grader progress --check` or `grader watch` to check again",
    "“{changed}”：运行 `grader progress --check` 或 `grader watch` 重新检查",
)
HINTS_ALL_SHOWN = say(
    "All {total} hints for {id} are shown above.", "{id} 的全部 {total} 条提示都已在上面显示。"
)
HINTS_MORE = say(
    "Run `grader hint {id}` again for the next one.", "再次运行 `grader hint {id}` 可查看下一条。"
)
RESET_ASK = say(
    "Restore {path} to the empty exercise? Your code is kept in {backup}. [y/N] ",
    "把 {path} 恢复成空白练习吗？你的代码会备份到 {backup}。[y/N] ",
)
RESET_DONE = say(
    "Restored {path}; your code was saved to {backup}.", "已恢复 {path}；你的代码已保存到 {backup}。"
)
RESET_KEPT = say("Nothing changed.", "没有做任何修改。")
RESET_NO_STUB = say(
    "There is no untouched copy of this exercise's stub to restore {path} from (not in the course, not in"
    " git's history); nothing changed. Copy the file from a fresh clone of the course instead.",
    "找不到这道练习未修改的原始文件来恢复 {path}（课程里没有，git 历史里也没有）；没有做任何修改。"
    "请从课程的新克隆中复制这个文件。",
)
UNKNOWN_ID = say(
    "There is no exercise {id!r}{suggestion}; `grader list` shows them all.",
    "没有名为 {id!r} 的练习{suggestion}；运行 `grader list` 查看全部练习。",
)
DID_YOU_MEAN = say(" (did you mean {names}?)", "（你是不是想输入 {names}？）")
NO_TREE = say(
    "There is no exercises folder at {path}: run this inside your copy of the course, or name the folder.",
    "{path} 处没有练习文件夹：请在课程仓库里运行，或指定练习文件夹。",
)

ALL = [value for value in dict(globals()).values() if isinstance(value, Msg)] + list(STATUS.values())


def activate_first(env: Mapping[str, str] = os.environ) -> Msg | None:
    """Where the loop's commands are not on the learner's PATH (the grader runs in tox's environment,
    ``TOX_ENV_DIR``, which tox sets), the one line that puts them there; else None."""
    folder = env.get("TOX_ENV_DIR")
    return ACTIVATE_FIRST(activate=shown(Path(folder) / "bin" / "activate")) if folder else None


def render(message: Msg, lang: str, **params: Any) -> str:
    """The message in ``lang`` with its placeholders filled (grader.i18n's one way: fill, then render)."""
    return message(**params).render(lang)
