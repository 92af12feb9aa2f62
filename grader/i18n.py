"""Learner-facing text in English and Chinese.

Everything the grader says to a learner is a :class:`Msg`: a template key plus parameters, rendered
late in the learner's language. Checks and comparisons build messages without knowing the language;
only feedback and reports render them.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass, field
from typing import Any

LANGS = ("en", "zh")

TEMPLATES: dict[str, dict[str, str]] = {
    # -- comparison -----------------------------------------------------------------------------
    "type": {
        "en": "{where}: expected a {expected}, got a {got}",
        "zh": "{where}：应返回 {expected}，实际返回了 {got}",
    },
    "shape": {
        "en": "{where}: expected shape {expected}, got shape {got}",
        "zh": "{where}：形状应为 {expected}，实际为 {got}",
    },
    "dtype": {
        "en": "{where}: expected dtype {expected}, got dtype {got}",
        "zh": "{where}：数据类型（dtype）应为 {expected}，实际为 {got}",
    },
    "device": {
        "en": "{where}: expected device {expected}, got device {got}",
        "zh": "{where}：设备应为 {expected}，实际为 {got}",
    },
    "requires_grad": {
        "en": "{where}: expected requires_grad={expected}, got requires_grad={got}"
        " (use .detach() to return a plain tensor)",
        "zh": "{where}：requires_grad 应为 {expected}，实际为 {got}（可用 .detach() 返回不带梯度的张量）",
    },
    "length": {
        "en": "{where}: expected {expected} items, got {got}",
        "zh": "{where}：应有 {expected} 个元素，实际有 {got} 个",
    },
    "keys": {
        "en": "{where}: expected keys {expected}, got keys {got}",
        "zh": "{where}：键应为 {expected}，实际为 {got}",
    },
    "value": {
        "en": "{where}: expected {expected}, got {got}",
        "zh": "{where}：应为 {expected}，实际为 {got}",
    },
    "values": {
        "en": "{where}: {count} of {total} elements differ; worst at index {index}: expected {expected},"
        " got {got} (abs diff {abs_diff}, allowed {allowed})",
        "zh": "{where}：{total} 个元素中有 {count} 个不一致；差距最大处在下标 {index}：应为 {expected}，"
        "实际为 {got}（绝对误差 {abs_diff}，允许 {allowed}）",
    },
    "tuple_from_size": {
        "en": "{where}: expected a tuple, got a {got} (convert it with tuple(...))",
        "zh": "{where}：应返回 tuple，实际返回了 {got}（用 tuple(...) 转换）",
    },
    # -- the call -----------------------------------------------------------------------------
    "raised": {
        "en": "your code raised {error}",
        "zh": "你的代码抛出了异常 {error}",
    },
    "not_implemented": {
        "en": "your code still raises NotImplementedError here: finish this part of the exercise",
        "zh": "你的代码在这里仍然抛出 NotImplementedError：请完成这部分练习",
    },
    "expected_raise": {
        "en": "expected {error} for this input, but your code {outcome}",
        "zh": "对于这个输入应抛出 {error}，但你的代码{outcome}",
    },
    "returned_normally": {"en": "returned normally", "zh": "正常返回了结果"},
    "raised_other": {"en": "raised {error} instead", "zh": "抛出的是 {error}"},
    "mutated": {
        "en": "your code modified its input {names}; inputs must stay unchanged"
        " (work on a copy, e.g. .clone())",
        "zh": "你的代码修改了输入 {names}；输入必须保持不变（请在副本上操作，例如 .clone()）",
    },
    "aliased": {
        "en": "your result shares memory with the input {names}; return a new tensor"
        " (a write into one would change the other)",
        "zh": "你的结果与输入 {names} 共享内存；请返回新的张量（否则修改其中一个会改变另一个）",
    },
    "forbidden": {
        "en": "{where}: `{call}` is not allowed in this exercise ({why})",
        "zh": "{where}：本练习不允许使用 `{call}`（{why}）",
    },
    "forbidden_why": {
        "en": "the point is to build it yourself",
        "zh": "这道题的目的是自己实现它",
    },
    "forbidden_alias": {
        "en": "{where}: `{call}` is `{api}`, which is not allowed in this exercise ({why})",
        "zh": "{where}：`{call}` 就是 `{api}`，本练习不允许使用它（{why}）",
    },
    "forbidden_dynamic": {
        "en": "{where}: `{call}` works out at run time what it calls, so the grader cannot check that it is"
        " allowed here; call the API directly by its name (write `torch.sum(x)`, not"
        " `getattr(torch, name)(x)`)",
        "zh": "{where}：`{call}` 在运行时才决定要调用什么，评分器无法检查它是否被允许；"
        "请直接按名字调用 API（写 `torch.sum(x)`，而不是 `getattr(torch, name)(x)`）",
    },
    "forbidden_tamper": {
        "en": "{where}: `{call}` ({api}) could switch off the grader's record of the APIs your code calls, so"
        " it is not allowed in this exercise (and solving it needs none of it)",
        "zh": "{where}：`{call}`（{api}）可能关闭评分器对你的代码所调用 API 的记录，因此本练习不允许使用"
        "（解这道题也用不到它）",
    },
    "forbidden_runtime": {
        "en": "{where}: while your code ran, `{code}` called `{api}`, which is not allowed in this exercise"
        " ({why})",
        "zh": "{where}：运行你的代码时，`{code}` 调用了 `{api}`，本练习不允许使用它（{why}）",
    },
    "forbidden_runtime_tamper": {
        "en": "{where}: while your code ran, `{code}` used `{api}`, which could switch off the grader's"
        " record of the APIs your code calls; it is not allowed in this exercise",
        "zh": "{where}：运行你的代码时，`{code}` 使用了 `{api}`，它可能关闭评分器对所调用 API 的记录；"
        "本练习不允许使用",
    },
    "forbidden_trace_broken": {
        "en": "the grader's record of the APIs your code calls was switched off or tampered with while it ran"
        " ({detail}), so the exercise cannot pass",
        "zh": "运行你的代码时，评分器对其调用 API 的记录被关闭或篡改（{detail}），因此本练习无法通过",
    },
    "forbidden_more": {"en": "… and {count} more", "zh": "……还有 {count} 处"},
    "forbidden_unreadable": {
        "en": "{file}: the grader could not finish checking which APIs this file uses within its time limit;"
        " simplify it (no solution needs code this convoluted)",
        "zh": "{file}：评分器未能在时限内检查完这个文件用到了哪些 API；请简化代码"
        "（任何解法都不需要这么复杂的代码）",
    },
    "trace_missing": {"en": "no record of a call came back", "zh": "有一次调用没有返回记录"},
    "trace_malformed": {"en": "a record came back malformed", "zh": "返回的记录格式不对"},
    "trace_mode_removed": {
        "en": "the torch function mode was removed",
        "zh": "torch 函数模式（TorchFunctionMode）被移除了",
    },
    "trace_canary_unseen": {
        "en": "a torch call made after yours was not seen",
        "zh": "在你的代码之后进行的一次 torch 调用没有被记录到",
    },
    "trace_wrappers_removed": {
        "en": "recording wrappers were removed from the libraries",
        "zh": "库函数上的记录包装被移除了",
    },
    "gate_line": {"en": "line {line}", "zh": "第 {line} 行"},
    "gate_file_line": {"en": "{file}, line {line}", "zh": "{file} 第 {line} 行"},
    "implicit_broadcast": {
        "en": "`{op}` was called with operands of shapes {shapes}: broadcast explicitly first"
        " (unsqueeze/reshape, then expand/repeat) so both operands have the same shape",
        "zh": "`{op}` 的操作数形状为 {shapes}：请先显式广播（unsqueeze/reshape 再 expand/repeat），"
        "让两个操作数形状相同",
    },
    "not_started": {
        "en": "not started: open {path} and replace `raise NotImplementedError` with your code",
        "zh": "尚未开始：打开 {path}，把 `raise NotImplementedError` 换成你的代码",
    },
    "import_error": {
        "en": "could not load {path}: {error}",
        "zh": "无法加载 {path}：{error}",
    },
    "missing_entry": {
        "en": "{path} defines no `{name}`; keep the name and signature from the stub",
        "zh": "{path} 中没有定义 `{name}`；请保留练习模板中的名字和签名",
    },
    "fault": {
        "en": "your code stopped the whole exercise ({status}): {detail}",
        "zh": "你的代码让整道练习无法继续（{status}）：{detail}",
    },
    "skipped_no_package": {
        "en": "skipped: this check needs the package {package}, which is not installed here",
        "zh": "已跳过：这项检查需要 {package} 包，但这台机器没有安装",
    },
    "skipped_no_cuda": {
        "en": "skipped: no CUDA GPU on this machine",
        "zh": "已跳过：这台机器没有 CUDA GPU",
    },
    # -- feedback layout -----------------------------------------------------------------------
    "smallest_input": {"en": "smallest failing input:", "zh": "最小的失败输入："},
    "hint": {"en": "hint: ", "zh": "提示："},
    "reread": {"en": "reread seed {seed}", "zh": "请重读教程 {seed}"},
    "your_traceback": {"en": "where in your code:", "zh": "出错位置（你的代码）："},
    "progress": {
        "en": "exercises complete {done}/{total}, points {points}/{max_points}",
        "zh": "已完成练习 {done}/{total}，得分 {points}/{max_points}",
    },
    "not_started_list": {"en": "not started", "zh": "尚未开始"},
}


@dataclass(frozen=True)
class Msg:
    """A learner-facing message: a template key and its parameters, rendered late.

    >>> Msg("shape", {"where": "result", "expected": (2, 3), "got": (3, 2)}).render("en")
    'result: expected shape (2, 3), got shape (3, 2)'
    """

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str) -> str:
        if self.key == TEXT:
            return str(self.params[lang])
        if self.key == LINES:
            return "\n".join(item.render(lang) for item in self.params["items"])
        params = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.params.items()}
        return TEMPLATES[self.key][lang].format(**params)


LINES = "lines"
TEXT = "text"


def say(en: str, zh: str) -> Msg:
    """A one-off message written in both languages, for a spec's own judge.

    >>> say("model left in eval mode", "模型仍处于 eval 模式").render("zh")
    '模型仍处于 eval 模式'
    """
    return Msg(TEXT, {"en": en, "zh": zh})


def lines(items: list[Msg]) -> Msg:
    """Several messages shown one per line."""
    return items[0] if len(items) == 1 else Msg(LINES, {"items": list(items)})


def msg(key: str, **params: Any) -> Msg:
    if key not in TEMPLATES:
        raise KeyError(f"no message template {key!r}; add it to grader.i18n.TEMPLATES")
    return Msg(key, params)


def resolve_lang(option: str | None = None) -> str:
    """The learner's language: the option, else env GRADER_LANG, else the locale, else English."""
    for candidate in (option, os.environ.get("GRADER_LANG")):
        if candidate:
            lang = candidate.strip().lower()[:2]
            if lang not in LANGS:
                raise ValueError(
                    f"Expected a language in {LANGS} but got {candidate!r}; use --lang en or --lang zh"
                )
            return lang
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    code = (locale.getlocale()[0] or "").lower()
    return "zh" if code.startswith("zh") else "en"
