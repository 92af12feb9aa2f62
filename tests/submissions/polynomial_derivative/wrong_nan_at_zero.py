"""Applies the power rule to the constant term too: 0 · x^(-1) is 0 · inf = nan at x = 0."""


def polynomial_derivative(coeffs, x):
    result = x * 0
    for k in range(len(coeffs)):
        result = result + k * coeffs[k] * x ** (k - 1)
    return result
