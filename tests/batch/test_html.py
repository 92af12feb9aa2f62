"""grader.batch.html: self-contained pages, loaded in a real browser (Debian's chromium, headless) with
no console error and a screenshot that is not blank. Skipped, with the reason, where chromium is missing."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from matplotlib import image

from grader.batch import html
from grader.batch.gradebook import Gradebook
from tests.batch.test_gradebook import RECORD, result

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)"
)
HOSTILE = '<script>console.error("xss")</script><img src="https://example.com/x.png">'


@pytest.fixture
def book(tmp_path):
    with Gradebook(tmp_path / "class.sqlite") as book:
        run, _ = book.open_run("k", RECORD, True)
        for i, points in enumerate([10, 10, 7.5, 0, 0, 2.5]):
            row = result(f"learner{i}", points)
            row["exercises"][0]["checks"][0]["timing"] = {"learner_s": 0.002 * (i + 1), "baseline_s": 0.002}
            book.write(run, row)
        hostile = result(HOSTILE, 0.0)
        hostile["exercises"][0]["checks"][0]["message"] = "broadcast_add › matches\n    " + HOSTILE
        book.write(run, hostile)
        book.write(
            run, result("学生甲", status="corrupt_archive") | {"message": "the archive cannot be read"}
        )
        yield book


def test_pages_are_written_self_contained_and_escape_learner_text(book, tmp_path):
    written = html.write_reports(book, tmp_path / "out")
    assert len(written) == 1 + 8
    index = (tmp_path / "out" / "index.html").read_text()
    assert "<svg" in index and "Pass rate per check" in index and "result: transposed" in index
    assert "Content-Security-Policy" in index
    for page in written:
        text = page.read_text()
        assert "<script" not in text and "<img" not in text  # the learner's text is escaped, never markup
    assert "&lt;script&gt;" in (tmp_path / "out" / "learners" / html.page_name(HOSTILE)).read_text()
    pages = {p.name for p in written}
    assert len(pages) == len(written)  # distinct file names, whatever the ids hold


def test_pages_in_chinese(book, tmp_path):
    html.write_reports(book, tmp_path / "zh", "zh")
    assert "班级报告" in (tmp_path / "zh" / "index.html").read_text()


def load(page: Path, tmp_path: Path) -> tuple[list[str], Path]:
    """Console messages and errors chromium reported while loading ``page``, and its screenshot."""
    shot = tmp_path / f"{page.stem}.png"
    completed = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1000,1200",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    console = [line for line in completed.stderr.splitlines() if "CONSOLE" in line or "Refused to" in line]
    return console, shot


def not_blank(shot: Path) -> float:
    """The share of the screenshot's pixels that are not the page's white."""
    pixels = image.imread(shot)[..., :3]
    return float((pixels.mean(axis=-1) < 0.95).mean())


@needs_chromium
def test_the_check_of_console_errors_and_blank_screens_can_fail(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>")
    console, shot = load(bad, tmp_path)
    assert any("boom" in line for line in console), console
    assert not_blank(shot) < 0.001


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_page_opens_in_chromium_with_no_console_error(book, tmp_path, lang):
    written = html.write_reports(book, tmp_path / lang, lang)
    learner = tmp_path / lang / "learners" / html.page_name("learner2")
    hostile = tmp_path / lang / "learners" / html.page_name(HOSTILE)
    pages = [written[0], learner, hostile] if lang == "en" else [written[0]]
    for page in pages:
        console, shot = load(page, tmp_path)
        assert console == [], (page.name, console)
        inked = not_blank(shot)
        assert inked > 0.01, (page.name, inked)
