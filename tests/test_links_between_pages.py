"""jisik's links between its pages (cards, chips, pagers, neighbours) are MkDocs' own relative URLs:
`cards.href` keeps each URL's normalised parts to save work, and must give what MkDocs gives."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils import get_relative_url

from jisik.cards import href

_PART = st.sampled_from(
    ["", ".", "..", "a", "tags", "태그", "x.html", "c.d", "%ED%83%9C", "index.html", "a b"]
)
_URL = st.builds(
    lambda lead, parts, trail: lead + "/".join(parts) + trail,
    st.sampled_from(["", "/"]),
    st.lists(_PART, max_size=5),
    st.sampled_from(["", "/"]),
)


@settings(max_examples=3000, deadline=None)
@example(target="", page="")
@example(target="tags/태그/", page="articles/a/")
@example(target="../../x/", page="a/b/c.html")  # above the root: stays at the root
@example(target="feed.xml", page="404.html")
@given(target=_URL, page=_URL)
def test_href_is_mkdocs_relative_url(target: str, page: str) -> None:
    assert href(target, page) == get_relative_url(target, page)
