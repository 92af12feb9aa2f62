"""Exercise train_digits_classifier — Train a handwritten-digit classifier.
Tutorial: "A PyTorch tutorial for beginners", §9
教程：《PyTorch 入门教程》§9

Train a classifier for scikit-learn's 8×8 handwritten digits and return the trained model. Get the
training data from `grader.datasets.digits_train()`: images float32 of shape (N, 1, 8, 8) with values in
[0, 1], and labels 0–9. The returned model must map a batch of such images to (N, 10) logits. The grader
scores it on a held-out split that you never see: it needs at least 95% accuracy there. Use `seed` to
make your training repeatable, and keep it short: a few seconds on a laptop CPU is plenty.

为 scikit-learn 自带的 8×8 手写数字训练一个分类器，并返回训练好的模型。训练数据从
`grader.datasets.digits_train()` 获取：形状为 (N, 1, 8, 8)、取值在 [0, 1] 的 float32 图像，以及 0–9 的标签。
返回的模型要把一批这样的图像映射成 (N, 10) 的 logits。评分程序会在一个你看不到的留出集上测试它：
准确率至少要达到 95%。用 `seed` 让训练可以复现，并且让训练保持简短：在笔记本电脑的 CPU 上几秒钟就足够了。

Not allowed: the held-out split (grader.datasets.digits_held_out) and loading the digits yourself
(sklearn.datasets / load_digits): train on digits_train() only.
不允许使用：留出集（grader.datasets.digits_held_out），以及自己加载数据（sklearn.datasets / load_digits）：
只能用 digits_train() 训练。
Check your work: pytest exercises/ -k train_digits_classifier
"""

from torch import nn

from grader.datasets import digits_train  # noqa: F401  (the training data: call it in your code)


def train_digits_classifier(seed: int = 0) -> nn.Module:
    raise NotImplementedError("exercise train_digits_classifier: replace this line with your code")
