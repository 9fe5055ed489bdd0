"""What the review reader colours and counts: passages in text order, segments, sentences, coverage.

The sweep in :func:`segments` and the running maximum in :func:`coverage` are checked against
plain per-character and per-sentence models on random passages over random text.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.sources.review_coverage import (
    KIND_ORDER,
    Coverage,
    Passage,
    Segment,
    coverage,
    passages_of,
    segments,
    sentences,
)
from timeline_app.store.event_store import Quote

KINDS = ("excerpt", "commentary", "claim")
EVENTS = ("a", "b", "c")


def _quote(start, end, kind="excerpt", event="a", source="s", quote="") -> Quote:
    return Quote(kind, event, source, quote, start, end)


# -- passages_of ---------------------------------------------------------------------------------


def test_passages_come_in_text_order_and_are_numbered_so() -> None:
    quotes = [_quote(20, 25, quote="later"), _quote(3, 9, "claim", "b", quote="first")]
    assert passages_of(quotes, "s") == [Passage(0, "claim", "b", 3, 9, "first"),
                                        Passage(1, "excerpt", "a", 20, 25, "later")]


def test_passages_starting_together_put_the_longest_first() -> None:
    quotes = [_quote(5, 8, event="short"), _quote(5, 30, event="long"), _quote(5, 12, event="middle")]
    assert [p.event_id for p in passages_of(quotes, "s")] == ["long", "middle", "short"]


def test_passages_with_the_same_span_go_excerpt_then_commentary_then_claim() -> None:
    quotes = [_quote(5, 8, "claim"), _quote(5, 8, "excerpt"), _quote(5, 8, "commentary")]
    assert [p.kind for p in passages_of(quotes, "s")] == ["excerpt", "commentary", "claim"]
    assert [p.number for p in passages_of(quotes, "s")] == [0, 1, 2]


def test_an_unknown_kind_sorts_with_the_excerpts() -> None:
    quotes = [_quote(5, 8, "commentary", event="c"), _quote(5, 8, "odd", event="o"), _quote(5, 8, "claim", event="k")]
    assert [p.event_id for p in passages_of(quotes, "s")] == ["o", "c", "k"]


def test_unlocated_quotes_and_other_sources_are_left_out() -> None:
    quotes = [_quote(None, None, event="nowhere"), _quote(4, None, event="no-end"), _quote(None, 9, event="no-start"),
              _quote(2, 6, source="other", event="elsewhere"), _quote(0, 0, event="empty"), _quote(0, 4, event="here")]
    assert [(p.number, p.event_id, p.start, p.end) for p in passages_of(quotes, "s")] == [(0, "here", 0, 4)]


def test_a_quote_at_the_very_start_of_the_text_is_located() -> None:
    assert [p.start for p in passages_of([_quote(0, 3)], "s")] == [0]


# -- segments ------------------------------------------------------------------------------------


def test_a_text_without_passages_is_one_plain_segment() -> None:
    assert segments("hello", []) == [Segment(0, 5)]
    assert segments("", []) == []


def test_segments_split_at_every_passage_boundary() -> None:
    passages = passages_of([_quote(2, 6, "excerpt", "a"), _quote(4, 8, "claim", "b")], "s")
    assert segments("0123456789", passages) == [
        Segment(0, 2),
        Segment(2, 4, "excerpt", 0, False),
        Segment(4, 6, "claim", 1, False),
        Segment(6, 8, "claim", 1, False),
        Segment(8, 10),
    ]


def test_the_selected_events_passage_is_bold_and_takes_the_click_where_passages_overlap() -> None:
    passages = passages_of([_quote(2, 6, "excerpt", "a"), _quote(4, 8, "claim", "b")], "s")
    assert segments("0123456789", passages, "a") == [
        Segment(0, 2),
        Segment(2, 4, "excerpt", 0, True),
        Segment(4, 6, "claim", 0, True),
        Segment(6, 8, "claim", 1, False),
        Segment(8, 10),
    ]


def test_a_passage_covering_the_whole_text_and_one_inside_it() -> None:
    passages = passages_of([_quote(0, 10, "commentary", "a"), _quote(3, 5, "excerpt", "b")], "s")
    assert segments("0123456789", passages) == [
        Segment(0, 3, "commentary", 0, False),
        Segment(3, 5, "commentary", 1, False),
        Segment(5, 10, "commentary", 0, False),
    ]


def test_a_passage_of_an_unknown_kind_is_coloured_as_an_excerpt() -> None:
    passages = passages_of([_quote(0, 4, "note", "a"), _quote(2, 6, "commentary", "b")], "s")
    assert segments("0123456", passages) == [
        Segment(0, 2, "excerpt", 0, False),
        Segment(2, 4, "commentary", 1, False),
        Segment(4, 6, "commentary", 1, False),
        Segment(6, 7),
    ]


def _covering(passages: list[Passage], i: int) -> list[Passage]:
    return [p for p in passages if p.start <= i < p.end]


def _model(text: str, passages: list[Passage], selected: str | None) -> list[tuple]:
    """Per character: (kind, passage, selected), decided from the passages covering it alone."""
    out = []
    for i in range(len(text)):
        cover = _covering(passages, i)
        if not cover:
            out.append((None, None, False))
            continue
        kind = KINDS[max(KIND_ORDER.get(p.kind, 0) for p in cover)]
        mine = [p for p in cover if p.event_id == selected]
        if mine:  # the selected event's passage that started last (the longest of those starting together)
            passage = max(mine, key=lambda p: (p.start, -p.number)).number
        else:  # the passage that started last (the shortest of those starting together)
            passage = max(cover, key=lambda p: (p.start, p.number)).number
        out.append((kind, passage, bool(mine)))
    return out


@st.composite
def text_and_passages(draw):
    text = draw(st.text(alphabet="ab .!?\n", max_size=40))
    n = len(text)
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(KINDS),
                                    st.sampled_from(EVENTS)), max_size=8)) if n else []
    quotes = [_quote(min(a, b), max(a, b), kind, event) for a, b, kind, event in spans if a != b]
    return text, passages_of(quotes, "s")


@settings(max_examples=100, deadline=None)
@given(text_and_passages(), st.sampled_from((None, *EVENTS)))
def test_segments_colour_every_character_as_the_passages_covering_it_say(case, selected) -> None:
    text, passages = case
    result = segments(text, passages, selected)
    cuts = sorted({0, len(text), *(p.start for p in passages), *(p.end for p in passages)})
    assert [(s.start, s.end) for s in result] == [pair for pair in itertools.pairwise(cuts)]
    per_char = [(s.kind, s.passage, s.selected) for s in result for _ in range(s.start, s.end)]
    assert per_char == _model(text, passages, selected)


# -- sentences -----------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_sentences_end_after_full_stops_exclamations_questions_and_ellipses() -> None:
    assert _sentences("One. Two! Three? Four… Five") == ["One.", "Two!", "Three?", "Four…", "Five"]
    assert sentences("One. Two") == [(0, 4), (5, 8)]


def test_a_full_stop_without_a_space_after_it_does_not_end_a_sentence() -> None:
    assert _sentences("Pi is 3.14 or so. Yes.") == ["Pi is 3.14 or so.", "Yes."]


def test_closing_quotes_and_brackets_after_the_stop_stay_out_of_both_sentences() -> None:
    assert _sentences('He said "Go." Then (left.) Quiet.’ End') == ['He said "Go.', "Then (left.", "Quiet.", "End"]


def test_a_line_break_ends_a_sentence_even_without_a_stop() -> None:
    assert _sentences("A heading\nThe body text\n\n\nMore") == ["A heading", "The body text", "More"]
    assert sentences("ab\ncd") == [(0, 2), (3, 5)]


def test_blank_stretches_are_no_sentences() -> None:
    assert sentences("") == []
    assert sentences("   \n\n  ") == []
    assert _sentences("One.   \n \n  Two.  ") == ["One.", "Two."]


def test_a_text_ending_in_a_stop_has_no_empty_last_sentence() -> None:
    assert sentences("Done. ") == [(0, 5)]


# -- coverage ------------------------------------------------------------------------------------


def _passage(start: int, end: int, number: int = 0) -> Passage:
    return Passage(number, "excerpt", "a", start, end, "")


def test_a_sentence_is_used_when_a_passage_overlaps_it_even_by_one_character() -> None:
    text = "One two. Three four. Five six."
    result = coverage(text, [_passage(7, 10)])  # "." of the first and "T" of the second
    assert (result.used, result.total) == (2, 3)
    assert result.unused_spans == ((21, 30),)


def test_a_passage_touching_a_sentence_without_overlap_does_not_use_it() -> None:
    text = "One two. Three four. Five six."
    assert coverage(text, [_passage(8, 9)]).used == 0  # only the space between sentences
    assert coverage(text, [_passage(0, 9)]).used == 1


def test_a_long_early_passage_counts_for_a_later_sentence_after_shorter_ones() -> None:
    text = "Aa. Bb. Cc. Dd."
    # the second passage starts later but ends sooner: the first still reaches the third sentence
    result = coverage(text, [_passage(0, 10, 0), _passage(1, 2, 1)])
    assert (result.used, result.total) == (3, 4)
    assert result.unused_spans == ((12, 15),)


def test_a_review_without_passages_uses_no_sentence() -> None:
    result = coverage("One. Two.", [])
    assert result == Coverage(0, 2, ((0, 4), (5, 9)))
    assert result.describe() == "0% of sentences used (0 of 2)"


def test_an_empty_review_describes_itself_without_dividing_by_zero() -> None:
    result = coverage("", [])
    assert result.share == 0.0
    assert result.describe() == "0% of sentences used (0 of 0)"


def test_describe_rounds_the_share_to_whole_percent() -> None:
    assert Coverage(1, 3, ()).describe() == "33% of sentences used (1 of 3)"
    assert Coverage(2, 3, ()).describe() == "67% of sentences used (2 of 3)"
    assert Coverage(23, 56, ()).describe() == "41% of sentences used (23 of 56)"
    assert Coverage(4, 4, ()).describe() == "100% of sentences used (4 of 4)"
    assert Coverage(1, 4, ()).share == 0.25


@settings(max_examples=100, deadline=None)
@given(text_and_passages())
def test_coverage_counts_the_sentences_any_passage_overlaps(case) -> None:
    text, passages = case
    spans = sentences(text)
    used = [s for s in spans if any(p.start < s[1] and s[0] < p.end for p in passages)]
    result = coverage(text, passages)
    assert (result.used, result.total) == (len(used), len(spans))
    assert result.unused_spans == tuple(s for s in spans if s not in used)
