"""The gate's one verdict, from what the learner's files say and what their code did.

The gate fails on any of: a static finding that is definite, dynamic or tamper; a forbidden API the
runtime trace saw the learner's code use (an ambiguous static finding is settled this way: it counts
only when the trace saw a forbidden use at its line); a means of tampering seen at run time; and a trace
that was switched off, or evidence that is missing or malformed (under ``grader score`` the evidence
comes out of the sandbox, where the learner's code may have tried to forge it).

Runs on the trusted side only.
"""

from __future__ import annotations

from typing import Any

from grader.gate.runtime import (
    BROKEN,
    CALLBACK,
    MAX_RECORDS,
    OK,
    PROCESS,
    TAMPER,
    THREAD,
    TRACE,
    TRACE_PROBLEMS,
    UNSEEN,
    USE,
)
from grader.gate.static import AMBIGUOUS, DEFINITE, DYNAMIC, TIME_LIMIT, Analysis, Finding
from grader.i18n import Msg, lines, say

WHY = say("the point is to build it yourself", "这道题的目的是自己实现它")
FORBIDDEN = say(
    "{where}: `{call}` is not allowed in this exercise ({why})", "{where}：本练习不允许使用 `{call}`（{why}）"
)
FORBIDDEN_ALIAS = say(
    "{where}: `{call}` is `{api}`, which is not allowed in this exercise ({why})",
    "{where}：`{call}` 就是 `{api}`，本练习不允许使用它（{why}）",
)
FORBIDDEN_DYNAMIC = say(
    "{where}: `{call}` works out at run time what it calls, so the grader cannot check that it is"
    " allowed here; call the API directly by its name (write `torch.sum(x)`, not"
    " `getattr(torch, name)(x)`)",
    "{where}：`{call}` 在运行时才决定要调用什么，评分器无法检查它是否被允许；"
    "请直接按名字调用 API（写 `torch.sum(x)`，而不是 `getattr(torch, name)(x)`）",
)
FORBIDDEN_TAMPER = say(
    "{where}: `{call}` ({api}) could switch off the grader's record of the APIs your code calls, so it is not"
    " allowed in this exercise (and solving it needs none of it)",
    "{where}：`{call}`（{api}）可能关闭评分器对你的代码所调用 API 的记录，因此本练习不允许使用"
    "（解这道题也用不到它）",
)
FORBIDDEN_RUNTIME = say(
    "{where}: while your code ran, `{code}` called `{api}`, which is not allowed in this exercise ({why})",
    "{where}：运行你的代码时，`{code}` 调用了 `{api}`，本练习不允许使用它（{why}）",
)
FORBIDDEN_RUNTIME_TAMPER = say(
    "{where}: while your code ran, `{code}` used `{api}`, which could switch off the grader's record of the"
    " APIs your code calls; it is not allowed in this exercise",
    "{where}：运行你的代码时，`{code}` 使用了 `{api}`，它可能关闭评分器对所调用 API 的记录；本练习不允许使用",
)
UNSEEN_RUNTIME = say(
    "{where}: while your code ran, `{code}` ran code {how}, where the grader cannot see which APIs it calls;"
    " that is not allowed in this exercise: compute the result directly, in the function itself",
    "{where}：运行你的代码时，`{code}` {how}运行了代码，评分器在那里看不到它调用了哪些 API；"
    "本练习不允许这样做：请在函数本身里直接计算结果",
)
# how code ran out of sight, by grader.gate.runtime's api for it
UNSEEN_HOW = {
    CALLBACK: say(
        "that torch calls back (a function handed to a torch function)",
        "通过 torch 回调（把函数交给 torch 函数）",
    ),
    THREAD: say("in another thread", "在另一个线程里"),
    PROCESS: say("in another process", "在另一个进程里"),
}
UNSEEN_HANDLER = say(
    "in a `__torch_function__` of your own Tensor subclass",
    "在你自己的 Tensor 子类的 `__torch_function__` 里",
)
TRACE_BROKEN = say(
    "the grader's record of the APIs your code calls was switched off or tampered with while it ran"
    " ({detail}), so the exercise cannot pass",
    "运行你的代码时，评分器对其调用 API 的记录被关闭或篡改（{detail}），因此本练习无法通过",
)
# what broke the trace, by grader.gate.runtime's code for it
TRACE_PROBLEM_TEXTS = {
    "missing": say("no record of a call came back", "有一次调用没有返回记录"),
    "malformed": say("a record came back malformed", "返回的记录格式不对"),
    "mode_removed": say("the torch function mode was removed", "torch 函数模式（TorchFunctionMode）被移除了"),
    "canary_unseen": say(
        "a torch call made after yours was not seen", "在你的代码之后进行的一次 torch 调用没有被记录到"
    ),
    "wrappers_removed": say(
        "recording wrappers were removed from the libraries", "库函数上的记录包装被移除了"
    ),
}
MORE = say("… and {count} more", "……还有 {count} 处")
UNREADABLE = say(
    "{file}: the grader could not finish checking which APIs this file uses within its time and memory"
    " limits; simplify it (no solution needs code this convoluted)",
    "{file}：评分器未能在时间和内存限制内检查完这个文件用到了哪些 API；请简化代码"
    "（任何解法都不需要这么复杂的代码）",
)
AT_LINE = say("line {line}", "第 {line} 行")
AT_FILE_LINE = say("{file}, line {line}", "{file} 第 {line} 行")

_MAX_LINES = 8
_RECORD_KEYS = {"kind": str, "api": str, "pattern": str, "file": str, "line": int, "code": str}
_TRACE_KEYS = {"kind": str, "status": str, "detail": str}
_MAX_TEXT = 500


def read_evidence(raw: Any) -> tuple[dict[str, str | int], ...]:
    """One call's evidence, checked: records, then exactly one trace record. Anything malformed (it may
    come from a sandbox the learner's code ran in) becomes a single broken-trace record.

    >>> read_evidence([{"kind": "trace", "status": "ok", "detail": ""}])
    ({'kind': 'trace', 'status': 'ok', 'detail': ''},)
    >>> read_evidence([])[0]["status"]
    'broken'
    """
    problem = _malformed(raw)
    if problem:
        return ({"kind": TRACE, "status": BROKEN, "detail": problem},)
    return tuple(dict(item) for item in raw)


def _malformed(raw: Any) -> str:
    if not isinstance(raw, list | tuple) or not raw:
        return "missing"
    *records, trace = raw
    if (
        len(raw) > MAX_RECORDS + 1
        or not _shaped(trace, _TRACE_KEYS)
        or trace["kind"] != TRACE
        or trace["status"] not in (OK, BROKEN)
        or (trace["status"] == OK) != (trace["detail"] == "")
        or not set(str(trace["detail"]).split(",")) <= {"", *TRACE_PROBLEMS}
        or not all(_shaped(r, _RECORD_KEYS) and r["kind"] in (USE, TAMPER, UNSEEN) for r in records)
    ):
        return "malformed"
    return ""


def _shaped(item: Any, keys: dict[str, type]) -> bool:
    return (
        type(item) is dict
        and item.keys() == keys.keys()
        and all(type(item[k]) is t for k, t in keys.items())
        and all(len(v) <= _MAX_TEXT for v in item.values() if type(v) is str)
    )


class EvidenceLog:
    """The runtime evidence of one exercise's graded calls, gathered check by check.

    ``traced``: whether every call of this learner must carry evidence (a traced learner, in-process or
    in a sandbox that carries it); if not, the verdict rests on the static findings alone.
    """

    def __init__(self, traced: bool) -> None:
        self.traced = traced
        self.records: dict[tuple[str, str, int], dict[str, Any]] = {}
        self.broken: list[str] = []
        self.checks: set[str] = set()  # the checks whose calls were added

    def add(self, evidence: Any) -> None:
        if not self.traced:
            return
        *records, trace = read_evidence(evidence)
        for code in str(trace["detail"]).split(","):
            if code and code not in self.broken:
                self.broken.append(code)
        for record in records:
            key = (str(record["file"]), str(record["api"]), int(record["line"]))
            self.records.setdefault(key, record)


def decide(analysis: Analysis, log: EvidenceLog | None = None, main_file: str = "") -> Msg | None:
    """What fails the gate, one line per piece of evidence (None: it passes).

    ``main_file``: the exercise file's path relative to the root; other files are named in the lines.
    """
    problems: list[tuple[tuple[str, int], Msg]] = []
    explained: set[tuple[str, int]] = set()
    for f in analysis.findings:
        if f.kind == AMBIGUOUS:
            continue  # only runtime evidence at its line can make it count (below)
        problems.append(((f.file, f.line), _static_line(f, main_file)))
        explained.add((f.file, f.line))
    if log is not None:
        for record in sorted(log.records.values(), key=lambda r: (r["file"], r["line"], r["api"])):
            place = (str(record["file"]), int(record["line"]))
            if place in explained and record["kind"] == USE:
                continue  # one line of feedback per line of code: a static finding shows its code
            explained.add(place)
            problems.append((place, _runtime_line(record, main_file)))
        for code in log.broken:
            problems.append((("", 0), TRACE_BROKEN(detail=TRACE_PROBLEM_TEXTS[code])))
    if not problems:
        return None
    shown = [m for _, m in problems[:_MAX_LINES]]
    if len(problems) > _MAX_LINES:
        shown.append(MORE(count=len(problems) - _MAX_LINES))
    return lines(shown)


def _where(file: str, line: int, main_file: str) -> Msg:
    if not file or file == main_file:
        return AT_LINE(line=line)
    return AT_FILE_LINE(file=file, line=line)


def _static_line(f: Finding, main_file: str) -> Msg:
    where = _where(f.file, f.line, main_file)
    if f.api == TIME_LIMIT:
        return UNREADABLE(file=f.file)
    if f.kind == DYNAMIC:
        return FORBIDDEN_DYNAMIC(where=where, call=f.code)
    if f.kind == DEFINITE and _same(f.code, f.api):
        return FORBIDDEN(where=where, call=f.code, why=WHY)
    if f.kind == DEFINITE:
        return FORBIDDEN_ALIAS(where=where, call=f.code, api=f.api, why=WHY)
    return FORBIDDEN_TAMPER(where=where, call=f.code, api=f.api)


def _runtime_line(record: dict[str, Any], main_file: str) -> Msg:
    where = _where(str(record["file"]), int(record["line"]), main_file)
    code = str(record["code"]) or "exec"
    if record["kind"] == TAMPER:
        return FORBIDDEN_RUNTIME_TAMPER(where=where, code=code, api=record["api"])
    if record["kind"] == UNSEEN:
        api = str(record["api"])
        how = UNSEEN_HOW.get(api.split(":", 1)[0], UNSEEN_HANDLER)
        return UNSEEN_RUNTIME(where=where, code=code, how=how)
    return FORBIDDEN_RUNTIME(where=where, code=code, api=record["api"], why=WHY)


def _same(code: str, api: str) -> bool:
    """Whether the code already names the API (``torch.autograd.grad``, ``a @ b``, ``x.backward``)."""
    return api in code or code.endswith(api.rsplit(".", 1)[-1]) or (api.startswith(".") and api[1:] in code)
