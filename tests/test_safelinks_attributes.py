"""Attributes given with `{: …}` on any element: a handler (`on…`, any case) never stays, a URL attribute
stays only with a safe URL, and every other attribute stays as written (the safe-links processor skips
elements with nothing to drop, so this holds for every kind of element and attribute name)."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from jisik.safelinks.markdown import SafeLinksExtension, unsafe

_NAMES = ["onclick", "OnMouseOver", "href", "HREF", "src", "data", "poster", "formaction", "action"]
_NAMES += ["xlink:href", "class", "title", "lang", "data-x", "alt", "one"]
_VALUES = ["https://example.org/a", "javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "a.md", "값"]
_ELEMENTS = {
    "paragraph": "본문 문단입니다.\n{{: {attrs} }}",
    "heading": "## 소제목 {{: {attrs} }}",
    "link": "[링크](https://example.org/){{: {attrs} }}",
    "image": "![그림](a.png){{: {attrs} }}",
    "list": "- 항목 하나\n{{: {attrs} }}",
}


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(sorted(_ELEMENTS)),
    attrs=st.dictionaries(st.sampled_from(_NAMES), st.sampled_from(_VALUES), min_size=1, max_size=4),
)
def test_attributes_dropped_exactly_when_unsafe(kind: str, attrs: dict[str, str]) -> None:
    written = " ".join(f'{name}="{value}"' for name, value in attrs.items())
    extension = SafeLinksExtension()
    html = markdown.Markdown(extensions=["attr_list", extension]).convert(
        _ELEMENTS[kind].format(attrs=written)
    )
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            assert not name.lower().startswith("on"), html
            if name.lower() in ("href", "src", "data", "poster", "formaction", "action", "xlink:href"):
                assert not unsafe(value if isinstance(value, str) else " ".join(value)), html
    own = {"link": "href", "image": "src"}.get(kind)
    if own in attrs and unsafe(attrs[own]):  # the link or image itself goes: its text stays, as a span
        assert soup.find(["a", "img"]) is None and soup.find("span") is not None, html
        return
    kept = {name.lower(): value for element in soup.find_all(True) for name, value in element.attrs.items()}
    for name, value in attrs.items():
        if name.lower() in ("class", "title", "lang", "data-x"):  # `one` starts with `on`: dropped
            shown = kept.get(name.lower())
            assert (" ".join(shown) if isinstance(shown, list) else shown) == value, (html, name)
