"""Checks for train_digits_classifier: the returned model is scored on the held-out digits by the grader.

Training is the slow part, so the run trains once per implementation and seed and every check reads the
same observations (plain facts: the result's type, output shapes and dtype, the held-out logits, which the
judge scores against the labels in the trusted process).
"""

from __future__ import annotations

import time
import weakref
from typing import Any

import numpy as np
import torch
from torch import nn

from grader.api import DIGITS_CLASSES, Case, Holds, digits_held_out, read_values, say, type_name

from ._training import single_thread

REQUIRED_ACCURACY = 0.95
_trained: weakref.WeakKeyDictionary[Any, dict[int, dict]] = weakref.WeakKeyDictionary()


def _outputs(model: nn.Module, images: torch.Tensor) -> tuple[dict, torch.Tensor | None]:
    """Shape and dtype of the model's output on ``images``, or the error calling it raised."""
    try:
        with torch.no_grad():
            out = model(images)
    except Exception as e:  # the learner's model: report what it raised as a plain fact
        return {"error": f"{type(e).__name__}: {e}"[:300]}, None
    if type(out) is not torch.Tensor:
        return {"type": type_name(out)}, None
    return {"type": "torch.Tensor", "shape": tuple(out.shape), "dtype": str(out.dtype)}, out


def observe_training(fn, seed: int) -> dict:
    start = time.perf_counter()
    with single_thread(), torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = fn(seed=seed)
    observed: dict[str, Any] = {"type": type_name(model), "seconds": time.perf_counter() - start}
    if not isinstance(model, nn.Module):
        return observed
    images, labels = digits_held_out()
    observed["rows"] = len(labels)
    # a model trained on a GPU stays there: feed it there, and score on the CPU
    images = images.to(next(model.parameters(), images).device)
    model.eval()
    with single_thread():
        observed["single"], _ = _outputs(model, images[:1])
        observed["batch"], logits = _outputs(model, images)
    if logits is not None and observed["batch"]["shape"] == (len(labels), DIGITS_CLASSES):
        # the logits as they are: the judge scores them against its own labels, in the trusted process
        observed["logits"] = read_values(logits)
    return observed


def run_trained(fn, case: Case) -> dict:
    seed = case["seed"]
    try:
        per_seed = _trained.setdefault(fn, {})
    except TypeError:  # not weak-referenceable: train again
        return observe_training(fn, seed)
    if seed not in per_seed:
        per_seed[seed] = observe_training(fn, seed)
    return dict(per_seed[seed])


def returns_module(case: Case, observed: dict):
    if "batch" in observed:
        return None
    return say(
        f"train_digits_classifier returned a {observed['type']}; return the trained nn.Module itself",
        f"train_digits_classifier 返回了 {observed['type']}；请返回训练好的 nn.Module 本身",
    )


def _describe(out: dict, rows: int) -> tuple[str, str] | None:
    """What is wrong with one output observation, in English and Chinese; None when it is (rows, 10) float."""
    shape = f"({rows}, 1, 8, 8)"
    if "error" in out:
        return (
            f"calling the model on images of shape {shape} raised {out['error']}; the model itself must"
            " accept (N, 1, 8, 8) images (start it with nn.Flatten() if its first layer is"
            " nn.Linear(64, ...))",
            f"用形状为 {shape} 的图像调用模型时抛出了 {out['error']}；模型本身必须接受 (N, 1, 8, 8) 的图像"
            "（如果第一层是 nn.Linear(64, ...)，请在最前面加上 nn.Flatten()）",
        )
    if out["type"] != "torch.Tensor":
        return (
            f"on images of shape {shape} the model returned a {out['type']}, expected a tensor of logits",
            f"输入形状为 {shape} 的图像时，模型返回了 {out['type']}，应返回 logits 张量",
        )
    if out["shape"] != (rows, DIGITS_CLASSES) or not out["dtype"].startswith("torch.float"):
        return (
            f"on images of shape {shape} the model returned shape {out['shape']} ({out['dtype']}),"
            f" expected float logits of shape ({rows}, {DIGITS_CLASSES}), one row per image",
            f"输入形状为 {shape} 的图像时，模型输出的形状是 {out['shape']}（{out['dtype']}），"
            f"应为形状 ({rows}, {DIGITS_CLASSES}) 的浮点 logits，每张图像一行",
        )
    return None


def maps_images_to_logits(case: Case, observed: dict):
    if "batch" not in observed:
        return returns_module(case, observed)
    for key, rows in (("batch", observed["rows"]), ("single", 1)):
        problem = _describe(observed[key], rows)
        if problem:
            return say(*problem)
    return None


def held_out_accuracy(logits: np.ndarray) -> float:
    """The share of held-out images whose largest logit is their label: computed here, in the trusted
    process, with labels the learner's process never reports."""
    _, labels = digits_held_out()
    return float((logits.argmax(axis=1) == labels.numpy()).mean())


def reaches_accuracy(case: Case, observed: dict):
    logits = observed.get("logits")
    if type(logits) is not np.ndarray or logits.shape != (observed.get("rows"), DIGITS_CLASSES):
        return maps_images_to_logits(case, observed) or say(
            "the model could not be scored", "无法为这个模型评分"
        )
    accuracy = held_out_accuracy(logits)
    if accuracy >= REQUIRED_ACCURACY:
        return None
    seconds = observed["seconds"]
    return say(
        f"held-out accuracy {accuracy:.1%}, at least {REQUIRED_ACCURACY:.0%} needed (training took"
        f" {seconds:.1f} s): train longer or with a better learning rate, shuffle every epoch, and check"
        " that the loss goes down",
        f"留出集上的准确率为 {accuracy:.1%}，至少需要 {REQUIRED_ACCURACY:.0%}（训练用时 {seconds:.1f} 秒）："
        "请多训练几轮或调整学习率，每个 epoch 都打乱数据，并确认损失在下降",
    )


SEED_0 = (Case.of(seed=0),)

CHECKS = (
    Holds(
        name="returns_a_module",
        points=1,
        examples=SEED_0,
        requires="sklearn",
        run=run_trained,
        judge=returns_module,
    ),
    Holds(
        name="maps_images_to_logits",
        points=3,
        examples=SEED_0,
        requires="sklearn",
        run=run_trained,
        judge=maps_images_to_logits,
    ),
    Holds(
        name="reaches_95_percent_held_out",
        points=6,
        examples=SEED_0,
        requires="sklearn",
        run=run_trained,
        judge=reaches_accuracy,
    ),
)
