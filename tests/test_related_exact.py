"""The related ranking prunes common tags; on any corpus it must equal scoring every article."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import example, given, settings
from hypothesis import strategies as st

from jisik.hashtags.index import TagIndex
from jisik.model import Entry, parse_article

TAGS = [f"t{n}" for n in range(12)]


def _corpus(tag_lists: list[list[str]]) -> list[Entry]:
    entries = []
    for n, tags in enumerate(tag_lists):
        text = f"---\ndate: 2026-01-{n % 28 + 1:02d}\n---\n\n# 글 {n}\n\n본문.\n\n" + " ".join(
            f"#{t}" for t in tags
        )
        entries.append(Entry(parse_article(text, f"a{n:03d}.md"), f"a{n:03d}/"))
    return entries


def _brute_force(index: TagIndex, entry: Entry, limit: int) -> list[str]:
    own = set(index.keys(entry.article))
    n = len(index.entries)
    scored = []
    for other in index.entries:
        if other.article.path == entry.article.path:
            continue
        shared = own & set(index.keys(other.article))
        if not shared:
            continue
        score = sum(math.log((n + 1) / index.tags[k].count) for k in shared)
        scored.append((-round(score, 9), index.entries.index(other), other.article.path))
    return [path for *_rest, path in sorted(scored)[:limit]]


@settings(max_examples=60, deadline=None)
@example(  # equal scores that differ in the last bit: log 7 against log 2 + log 3.5
    tag_lists=[
        *[[]] * 5,
        *[["t0"]] * 3,
        ["t0", "t7"],
        *[["t7", "t0"]] * 2,
        ["t7", "t8", "t0"],
        ["t8"],
    ],
    limit=1,
)
@example(tag_lists=[["t0"]] * 30, limit=3)  # one tag on every article: all scores tie, newest first
@example(tag_lists=[["t0"], ["t0", "t1"]] * 15 + [["t1"]] * 5, limit=4)
@given(
    tag_lists=st.lists(
        st.lists(st.sampled_from(TAGS), min_size=0, max_size=5, unique=True), min_size=1, max_size=40
    ),
    limit=st.integers(min_value=1, max_value=6),
)
def test_pruned_related_equals_brute_force(tag_lists: list[list[str]], limit: int) -> None:
    entries = _corpus(tag_lists)
    index = TagIndex(entries)
    for entry in entries:
        got = [e.article.path for e in index.related(entry.article, limit)]
        assert got == _brute_force(index, entry, limit)


def _crowded(newer: tuple[int, int], both_at: int, older: int) -> list[list[str]]:
    """Articles newest first: `newer[0]` with only t0, `newer[1]` with only t1 (interleaved), the target
    and one article with both tags somewhere after them, and `older` untagged-but-t2 articles."""
    lists: list[list[str]] = []
    a, b = newer
    while a or b:
        if a:
            lists.append(["t0"])
            a -= 1
        if b:
            lists.append(["t1"])
            b -= 1
    lists.insert(min(both_at, len(lists)), ["t0", "t1"])
    lists.append(["t0", "t1", "t3"])  # the target, oldest of the tagged ones
    lists.extend([["t2"]] * older)
    return lists


def _dated_corpus(tag_lists: list[list[str]]) -> list[Entry]:
    """Newest first in list order: every article a distinct day, counting back from 2026-12-31."""
    entries = []
    for n, tags in enumerate(tag_lists):
        day = 20000 - n
        text = f"---\ndate: {_iso(day)}\n---\n\n# 글 {n}\n\n본문.\n\n" + " ".join(f"#{t}" for t in tags)
        entries.append(Entry(parse_article(text, f"a{n:04d}.md"), f"a{n:04d}/"))
    return entries


def _iso(day: int) -> str:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat()


@settings(max_examples=25, deadline=None)
@example(newer=(250, 250), both_at=500, older=0, limit=5)  # the audit's case: 400+ articles
@given(
    newer=st.tuples(st.integers(0, 320), st.integers(0, 320)),
    both_at=st.integers(0, 700),
    older=st.integers(0, 30),
    limit=st.integers(1, 6),
)
def test_related_is_exact_when_shared_tags_have_many_newer_articles(
    newer: tuple[int, int], both_at: int, older: int, limit: int
) -> None:
    """The article sharing both tags is the best match however many newer articles carry each tag."""
    entries = _dated_corpus(_crowded(newer, both_at, older))
    index = TagIndex(entries)
    target = next(e for e in entries if set(index.keys(e.article)) == {"t0", "t1", "t3"})
    got = [e.article.path for e in index.related(target.article, limit)]
    assert got == _brute_force(index, target, limit)
    both = next(e for e in entries if list(index.keys(e.article)) == ["t0", "t1"])
    assert got[0] == both.article.path
