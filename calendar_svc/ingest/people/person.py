"""What the people reader returns: a person mention, and the people roles of one article.

Apart from the reading so that its callers (extraction, engagements, the article service)
depend on these structs only.
"""

from __future__ import annotations

import msgspec

UNNAMED = ""
"""``Person.name`` of someone known to be present but not named ("và Phu nhân")."""


class Person(msgspec.Struct, frozen=True):
    """A titled person mention.

    ``name`` is :data:`UNNAMED` (the empty string) when the article says someone is present
    without naming them, e.g. the spouse in "Tổng Bí thư Tô Lâm và Phu nhân"; ``title`` is
    then the role ("Spouse") and ``span``/``text`` cover the words that said so.
    """

    name: str
    title: str | None
    title_text: str | None
    organisation_or_country: str | None
    span: tuple[int, int]
    text: str

    @property
    def is_named(self) -> bool:
        """False for a person known to be present whose name the article does not give."""
        return self.name != UNNAMED


class PeopleFacts(msgspec.Struct, frozen=True):
    """People roles of one article; ``principal_mentions`` are spans referring back to the
    principal (full name, bare given name "Lâm", "the Party leader", ...)."""

    principal: Person | None
    spouse: Person | None
    delegation: list[Person]
    inviters: list[Person]
    counterparts: list[Person]
    principal_mentions: list[tuple[int, int]] = msgspec.field(default_factory=list)
