"""Makes `pytest exercises/` (or any folder laid out like it, such as `reference/`) grade the exercises."""

pytest_plugins = ["grader.plugin"]
