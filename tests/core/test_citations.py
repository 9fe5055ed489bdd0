"""Chicago-style citations of the reviews, as the reader copies them."""

from __future__ import annotations

import pytest

from timeline_app.sources.citations import chicago_citation, chicago_citation_html, quoted_passage

WEISS = {"author": "Clara Weiss", "title": "A Film", "publication": "WSWS", "published": "2021-02-09",
         "url": "https://example.org/a"}


def _with(**changes) -> dict:
    return {**WEISS, **changes}


def test_a_full_citation_reads_author_title_publication_date_and_url() -> None:
    assert chicago_citation(WEISS) == "Weiss, Clara. “A Film.” WSWS, February 9, 2021. https://example.org/a."


@pytest.mark.parametrize(("published", "shown"), [
    ("2021-02-09", "February 9, 2021"),
    ("2021-12-31", "December 31, 2021"),
    ("1962-01-01", "January 1, 1962"),
    ("2021-02", "February 2021"),
    ("1991-12", "December 1991"),
    ("2021", "2021"),
])
def test_the_date_is_written_to_the_precision_known(published: str, shown: str) -> None:
    assert chicago_citation(_with(published=published)) == f"Weiss, Clara. “A Film.” WSWS, {shown}. https://example.org/a."


@pytest.mark.parametrize("published", ["9 Feb 2021", "2021-13-01", "2021-02-30", "spring"])
def test_a_date_that_is_not_one_is_shown_as_written(published: str) -> None:
    assert chicago_citation(_with(published=published)) == \
        f"Weiss, Clara. “A Film.” WSWS, {published}. https://example.org/a."


def test_an_author_of_several_words_is_inverted_at_the_last_one() -> None:
    assert chicago_citation(_with(author="Vladimir  Ilyich Lenin")).startswith("Lenin, Vladimir Ilyich. “")


def test_a_one_word_author_is_not_inverted() -> None:
    assert chicago_citation(_with(author="Plato")).startswith("Plato. “A Film.”")


def test_a_missing_author_is_anonymous() -> None:
    assert chicago_citation(_with(author="")).startswith("Anonymous. “A Film.”")
    assert chicago_citation({k: v for k, v in WEISS.items() if k != "author"}).startswith("Anonymous. “")


@pytest.mark.parametrize("title", ["Dear Comrades!", "Who Fired?", "It Ended."])
def test_a_title_ending_in_its_own_mark_gets_no_second_period(title: str) -> None:
    assert chicago_citation(_with(title=title)) == f"Weiss, Clara. “{title}” WSWS, February 9, 2021. https://example.org/a."


def test_a_title_ending_in_other_punctuation_gets_its_period() -> None:
    assert "“Comrades, Dear:.”" in chicago_citation(_with(title="Comrades, Dear:"))


def test_a_missing_title_is_an_empty_quotation() -> None:
    assert chicago_citation(_with(title=None)).startswith("Weiss, Clara. “.” WSWS")


def test_a_missing_publication_leaves_the_date() -> None:
    assert chicago_citation(_with(publication="")) == "Weiss, Clara. “A Film.” February 9, 2021. https://example.org/a."
    assert chicago_citation(_with(publication=None)) == "Weiss, Clara. “A Film.” February 9, 2021. https://example.org/a."


def test_a_missing_date_leaves_the_publication() -> None:
    assert chicago_citation(_with(published="")) == "Weiss, Clara. “A Film.” WSWS. https://example.org/a."
    assert chicago_citation(_with(published=None)) == "Weiss, Clara. “A Film.” WSWS. https://example.org/a."


def test_a_missing_url_ends_the_citation_at_the_date() -> None:
    assert chicago_citation(_with(url="")) == "Weiss, Clara. “A Film.” WSWS, February 9, 2021."
    assert chicago_citation(_with(url=None)) == "Weiss, Clara. “A Film.” WSWS, February 9, 2021."


def test_a_source_with_only_author_and_title_has_no_stray_period() -> None:
    assert chicago_citation({"author": "Clara Weiss", "title": "A Film"}) == "Weiss, Clara. “A Film.”"
    assert chicago_citation(_with(publication="", published="")) == "Weiss, Clara. “A Film.” https://example.org/a."


def test_the_html_citation_italicises_the_publication() -> None:
    assert chicago_citation_html(WEISS) == \
        "Weiss, Clara. “A Film.” <i>WSWS</i>, February 9, 2021. https://example.org/a."


def test_the_html_citation_escapes_every_piece() -> None:
    source = {"author": "Tom <b>& Jerry", "title": "Cats & <Mice>", "publication": "Marx & <Co>",
              "published": "2021", "url": "https://example.org/?a=1&b=2"}
    assert chicago_citation_html(source) == (
        "Jerry, Tom &lt;b&gt;&amp;. “Cats &amp; &lt;Mice&gt;.” <i>Marx &amp; &lt;Co&gt;</i>, 2021. "
        "https://example.org/?a=1&amp;b=2.")


def test_the_html_citation_without_a_publication_has_no_italics() -> None:
    assert chicago_citation_html(_with(publication="")) == \
        "Weiss, Clara. “A Film.” February 9, 2021. https://example.org/a."


def test_the_html_citation_italicises_the_publication_not_the_same_words_in_the_title() -> None:
    source = _with(title="Why WSWS Matters")
    assert chicago_citation_html(source) == \
        "Weiss, Clara. “Why WSWS Matters.” <i>WSWS</i>, February 9, 2021. https://example.org/a."
    source = _with(title="On “Dear Comrades” WSWS Wrote")
    assert chicago_citation_html(source) == \
        "Weiss, Clara. “On “Dear Comrades” WSWS Wrote.” <i>WSWS</i>, February 9, 2021. https://example.org/a."


def test_a_quoted_passage_is_the_trimmed_quote_in_marks_then_the_citation() -> None:
    assert quoted_passage("  the massacre occurs.\n", WEISS) == \
        "“the massacre occurs.”\n\nWeiss, Clara. “A Film.” WSWS, February 9, 2021. https://example.org/a."
