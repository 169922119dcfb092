"""checker.patterns.builder: positional constructors of frozen, slotted dataclasses."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from checker.document import Block, Document, Sentence, new_block
from checker.extract.name_tokens import new_mention
from checker.facts import NameMention
from checker.patterns import builder


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _Record:
    name: str
    start: int
    flag: bool = False


def test_the_built_record_is_the_one_init_makes():
    build = builder(_Record)
    made = build("x", 3, True)
    assert made == _Record(name="x", start=3, flag=True)
    assert hash(made) == hash(_Record(name="x", start=3, flag=True))
    assert type(made) is _Record and (made.name, made.start, made.flag) == ("x", 3, True)
    assert pickle.loads(pickle.dumps(made)) == made
    assert dataclasses.replace(made, start=4) == _Record(name="x", start=4, flag=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 5  # type: ignore[misc]
    with pytest.raises(TypeError):
        build("x", 3)  # every field, defaults included, is given


def test_only_frozen_slotted_dataclasses_without_post_init_are_accepted():
    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclasses.dataclass(slots=True)
    class NotFrozen:
        a: int

    @dataclasses.dataclass(frozen=True, slots=True)
    class PostInit:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class NotInit:
        a: int
        b: int = dataclasses.field(init=False, default=0)

    for cls in (NoSlots, NotFrozen, PostInit, NotInit, int):
        with pytest.raises(TypeError):
            builder(cls)


def test_the_hot_records_match_their_classes_field_by_field():
    # The callers pass values positionally: these pin the order against the classes' own.
    assert new_mention("Ascentage", 4, 13, "word", True, False) == NameMention(
        text="Ascentage", start=4, end=13, kind="word", initial=True, heading=False
    )
    assert new_block(2, 9, "heading") == Block(2, 9, "heading")
    doc = Document("a.txt", "One. Two here.\n\nThree.")
    assert doc.sentences == [Sentence(0, 4, 0), Sentence(5, 14, 0), Sentence(16, 22, 1)]
    assert doc.paragraphs == [Block(0, 14, "paragraph"), Block(16, 22, "paragraph")]
