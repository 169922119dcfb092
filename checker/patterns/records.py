"""Frozen, slotted dataclasses built without their generated ``__init__``.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``
(looked up and called per field, with keyword handling around it): about 1.7 us
for six fields. The extractors build such records by the hundred thousand from
values that are valid by construction, so ``builder(cls)`` returns a plain
positional function that creates the instance and fills its slots through the
slots' own descriptors: the same object, equal and hashing the same, at about
0.7 us.

Calling a slot's descriptor from Python still costs a call per field. Where the
class allows it, ``build`` instead fills an instance of a plain class with the
same slots (``_Draft``: not frozen, so each field is one attribute store, which
the interpreter specialises to a direct write into the slot) and then gives it
the dataclass as its class: the layouts are the same, so the object is the one
the descriptors would have made, at about half their cost.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def builder(cls: type[T]) -> Callable[..., T]:
    """``build(*values)``: a ``cls`` whose fields, in declaration order, are ``values`` (all of them, positionally).

    ``cls`` must be a frozen, slotted dataclass whose fields are all set by ``__init__`` and
    that has no ``__post_init__``: what its ``__init__`` does is then exactly setting each field.
    """
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} is not a frozen dataclass")
    if "__slots__" not in cls.__dict__ or hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} must have slots and no __post_init__")
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        raise TypeError(f"{cls.__name__} has fields that __init__ does not set")
    names = [f.name for f in fields]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    draft = _draft(cls, names)
    if draft is not None:
        namespace["_draft"] = draft
        body = ["    self = _new(_draft)"]
        body += [f"    self.{name} = {name}" for name in names]
        body.append("    self.__class__ = _cls")
    else:
        body = ["    self = _new(_cls)"]
        for index, name in enumerate(names):
            namespace[f"_set{index}"] = cls.__dict__[name].__set__
            body.append(f"    _set{index}(self, {name})")
    body.append("    return self")
    source = f"def build({', '.join(names)}):\n" + "\n".join(body) + "\n"
    exec(source, namespace)  # the source is made of field names, which are identifiers
    build: Callable[..., T] = namespace["build"]
    build.__qualname__ = build.__name__ = f"build_{cls.__name__}"
    return build


def _draft(cls: type, names: list[str]) -> type | None:
    """A plain class whose instances can become ``cls`` instances by assigning ``__class__`` (the same
    slots on the same base), or None where ``cls`` is not laid out so simply."""
    if cls.__bases__ != (object,) or tuple(cls.__dict__["__slots__"]) != tuple(names):
        return None  # (a base with slots of its own, or slots beyond the fields: a layout not copied here)
    draft = type(f"_Draft{cls.__name__}", (object,), {"__slots__": tuple(names)})
    trial: Any = object.__new__(draft)
    try:
        trial.__class__ = cls  # Python checks that the two layouts are the same
    except TypeError:
        return None
    return draft
