"""The built-in course, installed as the package ``grader_course`` (entry point ``grader.courses``:
``pytorch-basics``). Its parts are data: ``course.toml``, ``catalog/``, ``specs/``, ``reference/`` and
``exercises/``; the engine imports the specs itself (grader.course), never this package."""
