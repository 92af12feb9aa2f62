"""The tutorials a course lists, how a learner reads a citation of one, and how its sections are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader import course, tutorials
from grader.catalog import Text
from grader.course import CourseError
from grader.tutorials import Tutorial, cite, missing_sections, parse, sections

BOOK = Tutorial(
    "000", Text(en="PyTorch basics", zh="PyTorch 入门"), Text(en="the course materials", zh="课程资料")
)
GOOD = {"number": "000", "title": {"zh": "入门", "en": "Basics"}, "where": {"en": "here", "zh": "这里"}}


def test_a_listed_tutorial_is_read_with_its_heading_fields() -> None:
    found, problems = parse([{**GOOD, "author": "Anson", "date": "2025 年 11 月 30 日"}])
    assert problems == []
    assert found == (
        Tutorial(
            "000", Text(en="Basics", zh="入门"), Text(en="here", zh="这里"), "Anson", "2025 年 11 月 30 日"
        ),
    )
    assert parse([GOOD])[0][0].author == ""  # a tutorial that names no author leaves the key out


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ({**GOOD, "number": "0"}, "number must be the three digits the seed fields use"),
        ({**GOOD, "title": "入门"}, "tutorial 000: title must be a table { zh ="),
        ({k: v for k, v in GOOD.items() if k != "where"}, "where must be a table"),
        ({**GOOD, "author": ""}, "author must be optional: the author as the heading gives it"),
        ({**GOOD, "url": "x"}, "unknown key 'url'"),
    ],
)
def test_a_malformed_tutorial_is_named_with_what_to_write(raw: dict, says: str) -> None:
    found, problems = parse([raw])
    assert found == () and any(says in p for p in problems), problems


def test_a_tutorial_listed_twice_is_refused() -> None:
    assert any("listed twice" in p for p in parse([GOOD, GOOD])[1])


def test_a_citation_names_the_tutorial_by_title_in_both_languages() -> None:
    assert cite("000 §2.5", {"000": BOOK}) == Text(en='"PyTorch basics", §2.5', zh="《PyTorch 入门》§2.5")
    assert cite("000 §5.1, §6", {"000": BOOK}).zh == "《PyTorch 入门》§5.1、§6"
    assert cite("001 §2", {"000": BOOK}) == Text(
        en="tutorial 001 §2", zh="教程 001 §2"
    )  # not listed: as written
    with pytest.raises(ValueError, match=r"Expected a tutorial and sections such as '000 §2\.4'"):
        sections("§2")


@pytest.mark.parametrize(
    ("seed", "text", "missing"),
    [
        ("000 §2.5", "## 2.5 张量重塑 (Reshaping)", []),
        ("000 §3.2", "3.2 张量属性", []),  # a plain-text heading
        ("000 §7", "  7. 模型的保存与加载", []),
        ("000 §3", "### 三、核心数据结构-Tensor", []),  # a Chinese numeral heads a chapter
        ("000 §2.5", "## 2.55 something\nsee 2.5 below", ["2.5"]),  # not a heading, not the same number
        ("000 §5.1, §6", "# 5.1 优化器", ["6"]),
    ],
)
def test_a_section_is_found_by_its_heading(seed: str, text: str, missing: list[str]) -> None:
    assert missing_sections(seed, text) == missing


def test_the_built_in_course_lists_every_tutorial_its_seeds_cite() -> None:
    built_in = course.active()
    listed = {t.number: t for t in built_in.tutorials}
    for exercise in built_in.exercises:
        number = tutorials.SEED.fullmatch(exercise.seed)["number"]
        assert number in listed, exercise.id
        assert number not in built_in.cite(exercise.seed).en  # a title, not the bare number
    assert built_in.cite("000 §2.5") == Text(
        en='"PyTorch basics: from NumPy to deep learning", §2.5',
        zh="《PyTorch 入门教程：从 NumPy 到深度学习》§2.5",
    )


def test_a_course_with_a_malformed_tutorial_does_not_load(tmp_path: Path) -> None:
    (tmp_path / "course.toml").write_text(
        '[course]\nname = "demo"\nversion = "0.1.0"\ntitle = { en = "Demo", zh = "演示" }\nengine = ">=0.1"\n'
        '[[tutorial]]\nnumber = "000"\ntitle = { zh = "入门", en = "Basics" }\n',
        encoding="utf-8",
    )
    with pytest.raises(CourseError, match="tutorial 000: where must be a table"):
        course.load(tmp_path)
