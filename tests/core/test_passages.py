"""A quote in its paragraph, and the HTML that marks it: what the excerpt pane shows."""

from __future__ import annotations

from timeline_app.sources.passages import PassageInContext, marked_html, paragraph_around

TEXT = "First paragraph, one line.\n\nSecond paragraph holds the quote here.\nIts second line.\n\nLast one."


def _around(quote: str, text: str = TEXT) -> PassageInContext:
    start = text.index(quote)
    return paragraph_around(text, start, start + len(quote))


def test_a_quote_in_a_middle_paragraph_shows_that_paragraph_only() -> None:
    found = _around("the quote")
    assert found.paragraph == "Second paragraph holds the quote here.\nIts second line."
    assert found.paragraph[found.start:found.end] == "the quote"
    assert (found.start, found.end) == (23, 32)


def test_a_quote_in_the_first_paragraph_starts_at_the_text() -> None:
    found = _around("paragraph, one")
    assert found == PassageInContext("First paragraph, one line.", 6, 20)


def test_a_quote_at_the_very_start_and_end_of_the_text() -> None:
    assert _around("First") == PassageInContext("First paragraph, one line.", 0, 5)
    assert _around("Last one.") == PassageInContext("Last one.", 0, 9)


def test_a_quote_in_the_last_paragraph_runs_to_the_end_of_the_text() -> None:
    found = _around("one.")
    assert found.paragraph == "Last one."
    assert found.paragraph[found.start:found.end] == "one."


def test_a_quote_spanning_paragraphs_shows_all_of_them() -> None:
    found = _around("line.\n\nSecond")
    assert found.paragraph == "First paragraph, one line.\n\nSecond paragraph holds the quote here.\nIts second line."
    assert found.paragraph[found.start:found.end] == "line.\n\nSecond"


def test_a_quote_that_is_a_whole_paragraph() -> None:
    found = _around("Second paragraph holds the quote here.\nIts second line.")
    assert (found.start, found.end) == (0, len(found.paragraph))
    assert found.paragraph == "Second paragraph holds the quote here.\nIts second line."


def test_a_text_without_blank_lines_is_one_paragraph() -> None:
    text = "One.\nTwo.\nThree."
    assert _around("Two.", text) == PassageInContext(text, 5, 9)


def test_a_single_line_break_does_not_end_a_paragraph() -> None:
    text = "A\n\nB\nC\nD\n\nE"
    assert _around("C", text).paragraph == "B\nC\nD"


def test_three_line_breaks_still_end_the_paragraph() -> None:
    text = "A\n\n\nB quote\n\n\nC"
    found = _around("quote", text)
    assert found.paragraph[found.start:found.end] == "quote"
    assert "A" not in found.paragraph and "C" not in found.paragraph


def test_a_quote_right_after_a_blank_line_starts_the_paragraph() -> None:
    text = "Before.\n\nQuote after.\n\nMore."
    assert _around("Quote", text) == PassageInContext("Quote after.", 0, 5)
    assert _around("after.", text) == PassageInContext("Quote after.", 6, 12)


def test_plain_text_shows_as_is() -> None:
    assert marked_html("plain words", []) == "plain words"


def test_a_marked_span_is_wrapped_with_its_style() -> None:
    assert marked_html("say hello world", [(4, 9, "color: red")]) == 'say <span style="color: red">hello</span> world'


def test_markup_in_the_text_shows_as_text_before_inside_and_after_the_span() -> None:
    text = "<b>x</b> & <i>quote</i> \"y\" 'z'"
    start = text.index("<i>")
    result = marked_html(text, [(start, start + len("<i>quote</i>"), "s")])
    assert result == ('&lt;b&gt;x&lt;/b&gt; &amp; <span style="s">&lt;i&gt;quote&lt;/i&gt;</span>'
                      ' &quot;y&quot; &#x27;z&#x27;')
    assert "<b>" not in result and "<i>" not in result


def test_markup_in_unmarked_text_shows_as_text() -> None:
    assert marked_html("<script>&", []) == "&lt;script&gt;&amp;"


def test_several_spans_are_marked_in_text_order_whatever_order_they_come_in() -> None:
    text = "aa bb cc dd"
    result = marked_html(text, [(6, 8, "two"), (0, 2, "one")])
    assert result == '<span style="one">aa</span> bb <span style="two">cc</span> dd'


def test_adjacent_spans_are_both_marked() -> None:
    result = marked_html("abcd", [(0, 2, "x"), (2, 4, "y")])
    assert result == '<span style="x">ab</span><span style="y">cd</span>'


def test_an_overlapping_span_after_the_first_is_left_unmarked() -> None:
    text = "0123456789"
    result = marked_html(text, [(2, 6, "first"), (4, 8, "second")])
    assert result == '01<span style="first">2345</span>6789'


def test_a_span_inside_another_is_left_unmarked_but_a_later_one_is_marked() -> None:
    text = "0123456789"
    result = marked_html(text, [(1, 7, "outer"), (2, 4, "inner"), (8, 9, "later")])
    assert result == '0<span style="outer">123456</span>7<span style="later">8</span>9'


def test_an_empty_or_backwards_span_is_ignored() -> None:
    assert marked_html("abcdef", [(2, 2, "empty"), (4, 3, "backwards")]) == "abcdef"
    assert marked_html("abcdef", [(1, 1, "empty"), (1, 3, "real")]) == 'a<span style="real">bc</span>def'


def test_a_span_at_the_very_start_and_end() -> None:
    assert marked_html("abc", [(0, 3, "all")]) == '<span style="all">abc</span>'


def test_line_breaks_become_br_inside_and_outside_spans() -> None:
    text = "one\ntwo\nthree"
    result = marked_html(text, [(2, 6, "s")])
    assert result == 'on<span style="s">e<br>tw</span>o<br>three'
    assert "\n" not in result


def test_a_blank_line_opening_the_text_is_not_part_of_the_first_paragraph() -> None:
    text = "\n\nOpening words.\n\nNext."
    assert _around("Opening", text) == PassageInContext("Opening words.", 0, 7)


def test_an_empty_quote_before_an_opening_blank_line_stands_in_an_empty_paragraph() -> None:
    assert paragraph_around("\n\nText.", 0, 0) == PassageInContext("", 0, 0)
