"""Uses >= instead of >, so elements equal to the threshold are kept."""


def select_greater(x, threshold):
    return x[x >= threshold]
