"""Evaluations built in code for the tests: a department with one project of the rows given, or
with its own table; amounts and points as text, as a unit files them."""

from __future__ import annotations

MONEY = {"planned": "10", "adjusted": "10", "spent": "10"}


def row(
    name: str,
    target: str,
    actual: str,
    weight: str | None = "90",
    level1: str = "产出指标",
    level2: str = "数量指标",
    **more,
) -> dict:
    """One indicator row (``weight`` None: no 分值 filed); ``more``: reason, score …"""
    filed = {"level1": level1, "level2": level2, "name": name, "target": target, "actual": actual}
    if weight is not None:
        filed["weight"] = weight
    return filed | more


def one_project(rows: list[dict], budget: dict | None = None) -> dict:
    """A department whose one project has ``rows``, both on ``budget`` (10 of 10 spent)."""
    money = budget or MONEY
    return {
        "department": {"name": "某县测试单位", "year": 2023, "budget": money},
        "projects": [{"name": "测试项目", "budget": money, "indicators": rows}],
    }


def own_table(rows: list[dict], budget: dict) -> dict:
    """A department scored on its own 部门整体 table of ``rows``."""
    return {
        "department": {"name": "某县测试局", "year": 2023, "budget": budget, "indicators": rows}
    }
