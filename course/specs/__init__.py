"""One module per exercise, named by its id, with a ``CHECKS`` tuple; ``_``-prefixed modules are helpers
shared by several specs. Specs import only :mod:`grader.api` from the engine (see docs/authoring.md)."""
