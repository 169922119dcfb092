"""Validating plain dataclasses with pydantic, importing pydantic only when something is validated.

The configuration (``checker.config.Settings``) and the rules' ``Options`` are
frozen dataclasses: what a run reads is plain data, and building the defaults
costs nothing. When a config file or an options table must be checked,
:func:`validate` builds (once) a pydantic model with the dataclass's fields,
types and defaults, unknown keys forbidden, and returns the dataclass.

A dataclass states what pydantic needs in its own terms, without importing it:

* a field's key in the file: ``metadata={"alias": "cache-dir"}``;
* a lower bound: ``metadata={"ge": 0}``;
* a field that is not a key of the file: ``metadata={"exclude": True}``;
* a check or normalisation of a value: ``Annotated[type, after(function)]``,
  where ``function`` takes the validated value and returns it (or raises
  ValueError with the message).
"""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from pydantic import BaseModel

T = TypeVar("T")


class after:
    """``Annotated[type, after(check)]``: pydantic runs ``check`` on the validated value, as its ``AfterValidator`` would."""

    __slots__ = ("check",)

    def __init__(self, check: Any) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


@cache
def model_of(cls: Any) -> type[BaseModel]:
    """The pydantic model that validates the dataclass ``cls`` (its nested dataclasses included)."""
    import typing

    from pydantic import ConfigDict, Field, create_model

    hints = typing.get_type_hints(cls, include_extras=True)  # Annotated[..., after(...)] kept
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(cls):
        hint = hints[item.name]
        if dataclasses.is_dataclass(hint):
            hint = model_of(hint)  # type: ignore[arg-type]
        options = {key: item.metadata[key] for key in ("alias", "ge", "exclude") if key in item.metadata}
        if item.default_factory is not dataclasses.MISSING:
            factory = item.default_factory
            options["default_factory"] = model_of(factory) if dataclasses.is_dataclass(factory) else factory
        else:
            options["default"] = item.default
        fields[item.name] = (hint, Field(**options))
    config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    return create_model(cls.__name__, __config__=config, __doc__=cls.__doc__, **fields)


def validate(cls: type[T], data: dict[str, Any]) -> T:
    """``data`` (keys as in the file) as an instance of the dataclass ``cls``; raises pydantic's ValidationError."""
    return _plain(cls, model_of(cls).model_validate(data))  # type: ignore[arg-type]


def _plain(cls: Any, model: Any) -> Any:
    hints = _hints(cls)
    values = {}
    for item in dataclasses.fields(cls):
        value, hint = getattr(model, item.name), hints[item.name]
        values[item.name] = _plain(hint, value) if dataclasses.is_dataclass(hint) else value
    return cls(**values)


@cache
def _hints(cls: Any) -> dict[str, Any]:
    import typing

    return typing.get_type_hints(cls)


def aliases(cls: Any) -> dict[str, str]:
    """Field name -> its key in the file, for the fields that are keys."""
    return {f.name: f.metadata.get("alias", f.name) for f in dataclasses.fields(cls) if not f.metadata.get("exclude")}
