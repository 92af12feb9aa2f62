"""The authoring tests' marker: ``slow`` (over a minute) still runs in CI; deselect with -m 'not slow'."""


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "slow: takes over a minute (a fresh virtualenv); CI still runs it")
