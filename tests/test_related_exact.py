"""The related ranking prunes common tags; on any corpus it must equal scoring every article."""

from __future__ import annotations

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
