"""Multiplies by k but keeps the exponent: k·c·x^k instead of k·c·x^(k-1)."""


def polynomial_derivative(coeffs, x):
    result = x * 0
    for k in range(1, len(coeffs)):
        result = result + k * coeffs[k] * x**k
    return result
