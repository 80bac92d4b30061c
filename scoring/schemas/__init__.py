"""The JSON Schemas of the evaluation file and the rule-set file, and validation against them.

The schemas are data shipped in this folder; ``scoring schema evaluation|ruleset`` prints
them. jsonschema is imported only when a file is validated, so start-up stays light.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from ..errors import Problem, did_you_mean

NAMES = ("evaluation", "ruleset")


def schema_text(name: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.schema.json").read_text("utf-8")


@cache
def schema(name: str) -> dict:
    return json.loads(schema_text(name))


def _inline_refs(node, defs: dict):
    """The schema with its local ``#/$defs/…`` references replaced by what they point to.

    jsonschema resolves a ``$ref`` anew on every validation; the shipped schemas are not
    recursive, so inlining them once makes validating a file several times faster.
    """
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            target = _inline_refs(defs[ref[len("#/$defs/") :]], defs)
            rest = {k: _inline_refs(v, defs) for k, v in node.items() if k != "$ref"}
            return {**target, **rest}
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    return node


@cache
def _validator(name: str):
    from jsonschema import Draft202012Validator

    document = schema(name)
    return Draft202012Validator(_inline_refs(document, document.get("$defs", {})))


def key_path(parts) -> str:
    """``['projects', 1, 'indicators', 0, 'actual']`` → ``projects[1].indicators[0].actual``."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def problems(name: str, data, prefix=()) -> list[Problem]:
    """Every place where ``data`` breaks schema ``name``, in the file's order, as plain words."""
    errors = sorted(_validator(name).iter_errors(data), key=lambda e: [str(p) for p in e.path])
    found: list[Problem] = []
    seen = set()
    for error in errors:
        problem = _describe(error, prefix)
        if (problem.where, problem.message) not in seen:
            seen.add((problem.where, problem.message))
            found.append(problem)
    return found


def _type_names(expected) -> str:
    names = {
        "number": "a number",
        "string": "text",
        "integer": "a whole number",
        "boolean": "true or false",
        "object": "a table",
        "array": "a list",
    }
    expected = expected if isinstance(expected, list) else [expected]
    return " or ".join(names.get(t, t) for t in expected)


def _shown(value) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "…"


def _describe(error, prefix) -> Problem:
    where = key_path([*prefix, *error.absolute_path]) or None
    kind = error.validator
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed))
        name = unknown[0] if unknown else "?"
        hint = did_you_mean(name, allowed) or "allowed here: " + ", ".join(allowed)
        path = f"{where}.{name}" if where else name
        return Problem(f"unknown key `{name}`", path, hint)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return Problem(f"missing key `{missing}`", where, f"add `{missing}` here")
    if kind == "type":
        expected = _type_names(error.validator_value)
        return Problem(
            f"expected {expected}, got {_shown(error.instance)}",
            where,
            f"write {expected} here"
            + (f" ({error.schema['description']})" if error.schema.get("description") else ""),
        )
    if (
        kind == "anyOf"
        and error.schema.get("anyOf")
        and all("required" in alt for alt in error.schema["anyOf"])
    ):
        keys = [alt["required"][0] for alt in error.schema["anyOf"]]
        return Problem(
            f"needs one of {', '.join(f'`{k}`' for k in keys)}", where, f"add `{keys[0]}`"
        )
    if kind == "enum":
        choices = ", ".join(_shown(v) for v in error.validator_value)
        return Problem(
            f"{_shown(error.instance)} is not one of {choices}",
            where,
            did_you_mean(str(error.instance), [str(v) for v in error.validator_value])
            or f"use one of {choices}",
        )
    if kind in ("minItems", "minLength", "minProperties"):
        return Problem(
            "must not be empty", where, _described(error) or "fill it in, or leave the key out"
        )
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "above",
            "exclusiveMaximum": "below",
        }[kind]
        return Problem(
            f"{_shown(error.instance)} is out of range",
            where,
            f"use a value {bound} {error.validator_value}",
        )
    if kind == "pattern":
        return Problem(
            f"{_shown(error.instance)} has the wrong form",
            where,
            "use lower-case letters, digits, '.', '_' and '-', e.g. my-rules",
        )
    if kind == "uniqueItems":
        return Problem("lists the same value twice", where, "keep each value once")
    if kind == "oneOf":
        return Problem(
            f"{_shown(error.instance)} has the wrong form", where, error.schema.get("description")
        )
    return Problem(error.message, where, _described(error))


def _described(error) -> str | None:
    """The schema's own description of the key, as a hint of what belongs there."""
    description = error.schema.get("description")
    return f"expected here: {description}" if description else None
