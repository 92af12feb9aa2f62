"""Lowers the exponent but forgets to multiply by it: uses c·x^(k-1) instead of k·c·x^(k-1)."""


def polynomial_derivative(coeffs, x):
    result = x * 0
    for k in range(1, len(coeffs)):
        result = result + coeffs[k] * x ** (k - 1)
    return result
