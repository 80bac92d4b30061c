"""The scoring rules as data: every ``cases/*.toml`` is an evaluation with the result it must
give, run by the same helper plugin authors use (:mod:`scoring.testing`, which documents the
case format). Expected numbers are worked out by hand in each case's comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.testing import case_files, check_case, read_case

CASES = case_files(Path(__file__).parent / "cases")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    wrong = check_case(path)
    assert not wrong, "\n".join(wrong)


def test_every_case_checks_something() -> None:
    for path in CASES:
        _, expect, _ = read_case(path)
        assert expect, f"{path.name} has an empty [expect]"
