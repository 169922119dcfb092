"""checker.patterns.builder's draft path (a plain class given the dataclass's class) against its descriptors' path."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Block, Sentence
from checker.extract.compounds import CompoundMention
from checker.extract.numbers import Quantity
from checker.facts import NameMention
from checker.finding import Related
from checker.patterns import builder, records


def _descriptor_builder(cls):
    """``build`` as it was before the draft path: each slot set through its descriptor."""
    names = [f.name for f in dataclasses.fields(cls)]
    setters = [cls.__dict__[name].__set__ for name in names]

    def build(*values):
        assert len(values) == len(names)
        made = object.__new__(cls)
        for setter, value in zip(setters, values):
            setter(made, value)
        return made

    return build


_HOT = (NameMention, Block, Sentence, Related, CompoundMention, Quantity)


@pytest.mark.parametrize("cls", _HOT, ids=lambda cls: cls.__name__)
def test_the_hot_records_take_the_draft_path(cls):
    assert records._draft(cls, [f.name for f in dataclasses.fields(cls)]) is not None


_VALUES = st.one_of(st.text(max_size=6), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False), st.tuples(st.integers()))


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_drafted_record_is_the_one_the_descriptors_make(data):
    for cls in _HOT:
        values = [data.draw(_VALUES) for _ in dataclasses.fields(cls)]
        made = builder(cls)(*values)
        expected = _descriptor_builder(cls)(*values)
        assert type(made) is cls
        assert made == expected
        assert hash(made) == hash(expected)
        assert repr(made) == repr(expected)
        assert [getattr(made, f.name) for f in dataclasses.fields(cls)] == values
        assert pickle.loads(pickle.dumps(made)) == expected
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, dataclasses.fields(cls)[0].name, None)


def test_a_mention_in_any_script_is_the_one_init_makes():
    build = builder(NameMention)
    for text in ("Ascentage", "\u00c9cole", "Z\u00fcrich", "\u4e2d\u6587", "O\u2019Brien", ""):
        made = build(text, 3, 3 + len(text), "word", True, False)
        assert made == NameMention(text=text, start=3, end=3 + len(text), kind="word", initial=True, heading=False)
        assert dataclasses.replace(made, initial=False) == NameMention(text=text, start=3, end=3 + len(text), kind="word")


@dataclasses.dataclass(frozen=True, slots=True)
class _Base:
    a: int


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived(_Base):
    b: str


@dataclasses.dataclass(frozen=True, slots=True, weakref_slot=True)
class _Weak:
    a: int


def test_records_laid_out_otherwise_take_the_descriptors_path():
    for cls in (_Derived, _Weak):
        assert records._draft(cls, [f.name for f in dataclasses.fields(cls)]) is None
    assert builder(_Weak)(2) == _Weak(2)  # (builder refuses inherited fields: no descriptor in the class's own dict)
