"""Exercise polynomial_derivative — Derivative of a polynomial, by hand (seed 000 §3.4)."""

from calculus import horner, power_rule


def polynomial_derivative(coeffs, x):
    return horner(power_rule(coeffs), x)
