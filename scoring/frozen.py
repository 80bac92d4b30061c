"""Frozen records, quick to define and to build: :func:`record`.

Every record of the package — the evaluation (:mod:`scoring.model`), the result
(:mod:`scoring.result`), a value read (:mod:`scoring.values`), a rule set's tiers — is a frozen
dataclass made by :func:`record`, which compiles no method at import and builds each instance
in one step. A module of its own, before every other, so that :mod:`scoring.values` can use it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, kw_only: bool = False, repr: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(
    cls: type[T] | None = None, /, *, kw_only: bool = False, repr: bool = True
) -> type[T] | Callable[[type[T]], type[T]]:
    """A frozen dataclass, cheap to define and quick to build.

    ``@record`` over a plain class makes it a frozen dataclass (``kw_only`` and ``repr`` as
    :func:`dataclasses.dataclass` takes them) without compiling a method at import: dataclasses
    writes and compiles six methods per frozen class, most of which a run never calls: they
    were most of the import time of this module and of :mod:`scoring.result`. Here the fields are
    dataclasses' own; equality, hashing, ``repr`` and the frozen ``__setattr__`` and
    ``__delattr__`` are shared functions reading them, which behave as dataclasses' do;
    ``__init__`` is written and compiled when the class is first built (:func:`_fast_init`).
    ``@record`` over a class already made a frozen dataclass keeps all of that dataclass and
    only replaces its ``__init__``.

    The ``__init__`` — same parameters, defaults and order as the dataclass's — hands the
    instance its ``__dict__`` whole: a frozen dataclass sets each field through
    ``object.__setattr__``, one call per field, and a scored row (17 fields, by keyword) builds
    in 60% of the time. Assigning a field still raises ``FrozenInstanceError``; ``fields``,
    ``replace``, equality, hashing, ``repr``, pickling and ``vars()`` behave as a frozen
    dataclass's. Not slots: a frozen slotted dataclass builds no quicker, each slot being set
    by its own call."""

    def make(cls: type[T]) -> type[T]:
        if "__dataclass_fields__" not in cls.__dict__:
            _frozen_dataclass(cls, kw_only, repr)
        params = getattr(cls, "__dataclass_params__", None)
        assert params is not None and params.frozen, f"{cls.__name__} must be a frozen dataclass"
        assert not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
        assert all(f.init for f in dataclasses.fields(cls))  # type: ignore[arg-type]
        cls.__init__ = _FirstInit(cls)  # type: ignore[assignment,method-assign]
        return cls

    return make if cls is None else make(cls)


def _frozen_dataclass(cls: type, kw_only: bool, repr: bool) -> None:
    """Make ``cls`` a frozen dataclass whose methods are the shared ones below: dataclasses
    collects the fields (every flag that would compile a method off), then its parameters are
    set to what the class is — initialised, compared and frozen as ``dataclass(frozen=True)``
    makes a class."""
    for name in ("__eq__", "__hash__", "__setattr__", "__delattr__"):
        assert name not in cls.__dict__, f"{cls.__name__} defines {name}: not a plain record"
    # dataclasses would write a missing docstring from the signature, which it reads through
    # inspect, from an __init__ this class does not have yet
    assert cls.__doc__, f"{cls.__name__} needs a docstring"
    dataclasses.dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
    params = cls.__dataclass_params__  # type: ignore[attr-defined]
    params.init = params.eq = params.frozen = True
    params.repr = repr
    fields = dataclasses.fields(cls)
    methods: dict[str, Callable[..., Any]] = {
        "__eq__": _equality(_values([f.name for f in fields if f.compare])),
        "__hash__": _hashing(
            _values([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
        ),
        "__setattr__": _frozen_setattr(cls, {f.name for f in fields}),
        "__delattr__": _frozen_delattr(cls, {f.name for f in fields}),
    }
    if repr and "__repr__" not in cls.__dict__:
        methods["__repr__"] = _representation([f.name for f in fields if f.repr])
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)


def _values(names: list[str]) -> Callable[[Any], tuple]:
    """The tuple of a record's values of ``names``, in that order (as dataclasses compares and
    hashes them: a tuple even of one field)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()


def _equality(values: Callable[[Any], tuple]) -> Callable[[Any, Any], Any]:
    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hashing(values: Callable[[Any], tuple]) -> Callable[[Any], int]:
    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __hash__


def _frozen_setattr(cls: type[Any], names: set[str]) -> Callable[[Any, str, Any], None]:
    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    return __setattr__


def _frozen_delattr(cls: type[Any], names: set[str]) -> Callable[[Any, str], None]:
    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __delattr__


def _representation(names: list[str]) -> Callable[[Any], str]:
    @recursive_repr()
    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


class _FirstInit:
    """A record's ``__init__`` until the record is first built (or its signature read): then
    the real one is compiled (:func:`_fast_init`) and takes this one's place on the class, so
    that a record a run never builds costs no compilation."""

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        init = _fast_init(self.cls)
        self.cls.__init__ = init  # type: ignore[misc]
        return init if instance is None else init.__get__(instance, owner)


def _fast_init(cls: type) -> Callable[..., None]:
    """The ``__init__`` of a record: the dataclass's parameters, the instance's ``__dict__``
    filled in one step."""
    namespace: dict[str, Any] = {"_fill": object.__setattr__}
    positional: list[str] = []
    keyword: list[str] = []
    values: list[str] = []
    for f in dataclasses.fields(cls):
        param = f.name
        value = f.name
        if f.default is not dataclasses.MISSING:
            namespace[f"_default_{f.name}"] = f.default
            param += f"=_default_{f.name}"
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f"_factory_{f.name}"] = f.default_factory
            param += "=_NO_VALUE"
            value = f"_factory_{f.name}() if {f.name} is _NO_VALUE else {f.name}"
            namespace["_NO_VALUE"] = _NO_VALUE
        (keyword if f.kw_only else positional).append(param)
        values.append(f"{f.name!r}: {value}")
    signature = ", ".join(["self", *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __init__({signature}):\n    _fill(self, '__dict__', {{{', '.join(values)}}})\n"
    exec(source, namespace)  # as dataclasses itself writes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


class _NoValue:
    """Stands for an argument not given, where the field's default is made by a factory."""

    def __repr__(self) -> str:
        return "<factory>"  # as inspect shows a dataclass's


_NO_VALUE = _NoValue()
