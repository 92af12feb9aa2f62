"""NumPy's sliding windows under another name."""

from numpy.lib.stride_tricks import sliding_window_view as windows  # noqa: F401
