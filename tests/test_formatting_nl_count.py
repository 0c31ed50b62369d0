"""regie.formatting.nl_count: a count with its singular or plural noun."""

from __future__ import annotations

import pytest

from regie.formatting import nl_count


@pytest.mark.parametrize(("n", "text"), [
    (0, "0 projecten"), (1, "1 project"), (2, "2 projecten"), (1200, "1.200 projecten"),
])
def test_nl_count(n: int, text: str) -> None:
    assert nl_count(n, "project", "projecten") == text
