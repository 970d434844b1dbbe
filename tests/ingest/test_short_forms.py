"""`people.short_forms`: which single words stand for a person named in full before."""

from __future__ import annotations

from calendar_svc.ingest.people.find import find_mentions
from calendar_svc.ingest.people.person import Person
from calendar_svc.ingest.people.short_forms import bare_mentions, in_full, is_full, short_forms


def _person(name: str, title: str | None = "President") -> Person:
    return Person(name, title, title, None, (0, len(name)), name)


def test_the_first_and_last_words_of_a_full_name_stand_for_it() -> None:
    petrov = _person("Ivan Petrov")
    assert short_forms([petrov]) == {"Ivan": petrov, "Petrov": petrov}


def test_any_capitalised_word_of_a_longer_name_stands_for_it() -> None:
    """ "Lula" is the press's word for "Luiz Inácio Lula da Silva"; "da" is no name."""
    lula = _person("Luiz Inácio Lula da Silva")
    assert short_forms([lula]) == {w: lula for w in ("Luiz", "Inácio", "Lula", "Silva")}


def test_a_family_name_stands_without_its_arabic_article() -> None:
    """ "Sisi landed in London" after "President Abdel Fattah al-Sisi": the article falls
    away (a bare "Sisi" was no one, and the host became the traveller)."""
    sisi = _person("Abdel Fattah al-Sisi")
    assert short_forms([sisi])["Sisi"] is sisi


def test_a_word_two_people_share_stands_for_neither() -> None:
    forms = short_forms([_person("Ivan Petrov"), _person("Olga Petrov")])
    assert "Petrov" not in forms and set(forms) == {"Ivan", "Olga"}


def test_a_bare_word_is_a_mention_only_standing_alone() -> None:
    forms = short_forms([_person("Ivan Petrov")])
    [plane] = bare_mentions("Petrov's plane landed.", 10, forms, [])
    assert (plane.person.name, plane.person.title, plane.person.text) == (
        "Petrov",
        "President",
        "Petrov",
    )
    assert bare_mentions("Traffic on Petrov Avenue was closed.", 0, forms, []) == []
    assert bare_mentions("Mayor Anna Petrov spoke.", 0, forms, []) == []


def test_a_bare_word_inside_a_mention_already_read_is_skipped() -> None:
    forms = short_forms([_person("Ivan Petrov")])
    assert bare_mentions("Petrov spoke.", 0, forms, [(0, 6)]) == []
    [m] = bare_mentions("Petrov spoke.", 100, forms, [])
    assert m.person.span == (100, 106) and m.person.title == "President"


def test_only_titled_names_of_two_words_or_more_are_full() -> None:
    assert is_full(_person("Ivan Petrov"))
    assert not is_full(_person("Petrov"))
    assert not is_full(_person("Ivan Petrov", title=None))


def test_one_word_of_a_name_is_named_as_the_full_mention_before_it() -> None:
    first = find_mentions("President Ivan Petrov of Chile spoke.", "en")
    later = bare_mentions("Petrov left.", 40, short_forms([first[0].person]), [])
    assert in_full(later[0], [first, later]) is first[0]
    assert in_full(first[0], [first, later]) is first[0]  # a full name stays
    stranger = find_mentions("Mayor Olga Ivanova spoke.", "en")
    assert in_full(later[0], [stranger, later]) is later[0]  # nobody to stand for


def test_a_full_name_after_the_short_form_in_its_sentence_does_not_name_it() -> None:
    """Only names met before the mention's sentence count (the reading goes forward)."""
    [full] = find_mentions("President Ivan Petrov of Chile spoke.", "en")
    [short] = bare_mentions("Petrov left.", 0, short_forms([full.person]), [])
    assert in_full(short, [[short, full]]) is short
    assert in_full(short, [[full], [short]]) is full
