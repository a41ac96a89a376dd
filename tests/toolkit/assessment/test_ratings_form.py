"""The ratings form is built from the page's statements and scale: every statement a radio group named
s-<key>, Finnish errors per statement, the sent numbers kept for the page shown again."""

import pytest

from toolkit.assessment.forms import ConsensusRatingForm, RatingsForm

pytestmark = pytest.mark.django_db


def data(keys, value):
    return {f"s-{key}": str(value) for key in keys}


def test_fields_come_from_the_statements_and_the_scale(team_page, keys):
    form = RatingsForm(page=team_page)
    assert list(form.fields) == keys
    levels = [level.value for level in team_page.scale.level_list()]
    assert [value for value, _label in form.fields[keys[0]].choices] == levels
    assert f'name="s-{keys[0]}"' in str(form[keys[0]])


def test_a_complete_answer_is_valid(team_page, keys):
    form = RatingsForm(data(keys, 2), page=team_page)
    assert form.is_valid(), form.errors
    assert form.ratings() == dict.fromkeys(keys, 2)


def test_missing_ratings_are_named_by_statement(team_page, keys):
    form = RatingsForm({f"s-{keys[0]}": "2"}, page=team_page)
    assert not form.is_valid()
    errors = form.first_errors()
    assert keys[0] not in errors
    assert errors[keys[1]] == "Väittämä 2: valitse arvio."
    assert set(errors) == set(keys[1:])
    assert form.shown() == {keys[0]: 2}  # the input is kept


def test_out_of_range_and_not_a_number(team_page, keys):
    sent = data(keys, 2) | {f"s-{keys[0]}": "7", f"s-{keys[1]}": "kolme"}
    form = RatingsForm(sent, page=team_page)
    assert not form.is_valid()
    errors = form.first_errors()
    assert errors[keys[0]] == "Väittämä 1: arvio ei ole asteikon arvo."
    assert errors[keys[1]] == "Väittämä 2: arvio ei ole asteikon arvo."
    assert set(errors) == {keys[0], keys[1]}
    assert form.shown()[keys[0]] == 7 and keys[1] not in form.shown()


def test_unknown_statements_are_not_ratings(team_page, keys):
    form = RatingsForm(data(keys, 1) | {"s-ei-ole": "2"}, page=team_page)
    assert form.is_valid()
    assert "ei-ole" not in form.ratings()
    consensus = ConsensusRatingForm({"statement": "ei-ole", "value": "2"}, page=team_page)
    assert not consensus.is_valid()
    assert consensus.errors["statement"] == ["Tuntematon väittämä."]


def test_partial_answers_when_not_complete_but_not_none(team_page, keys):
    assert RatingsForm({f"s-{keys[0]}": "3"}, page=team_page, complete=False).is_valid()
    empty = RatingsForm({}, page=team_page, complete=False)
    assert not empty.is_valid()
    assert empty.first_errors() == {"__all__": "Anna vähintään yksi arvio."}


def test_consensus_version_is_the_rating_last_seen(team_page, keys):
    form = ConsensusRatingForm({"statement": keys[0], "value": "2", "version": ""}, page=team_page)
    assert form.is_valid() and form.cleaned_data["version"] is None
    form = ConsensusRatingForm({"statement": keys[0], "value": "2", "version": "3"}, page=team_page)
    assert form.is_valid() and form.cleaned_data["version"] == 3
    assert not ConsensusRatingForm(
        {"statement": keys[0], "value": "2", "version": "x"}, page=team_page
    ).is_valid()
