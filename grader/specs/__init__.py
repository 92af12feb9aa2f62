"""One module per exercise, named by its id, with a ``CHECKS`` tuple (see grader.spec)."""
