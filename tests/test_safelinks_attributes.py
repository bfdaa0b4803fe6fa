"""Attributes given with `{: …}` on any element: a handler (`on…`, any case) never stays, a URL attribute
stays only with a safe URL, and every other attribute stays as written (the safe-links processor skips
elements with nothing to drop, so this holds for every kind of element and attribute name)."""

from __future__ import annotations

import html as html_module
import xml.etree.ElementTree as ET

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from jisik.safelinks.markdown import SafeLinksExtension, unsafe
from support import SiteProject

_NAMES = ["onclick", "OnMouseOver", "href", "HREF", "src", "data", "poster", "formaction", "action"]
_NAMES += ["xlink:href", "class", "title", "lang", "data-x", "alt", "one"]
_VALUES = ["https://example.org/a", "javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "a.md", "값"]
_VALUES += [
    "&#106;avascript:alert(1)",
    "java&Tab;script&colon;x",
    "&#x64;ata:text/html,x",
    "a.md?x=1&amp;y=2",
]
"""(The browser decodes character references in an attribute before it reads the URL's scheme.)"""
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
            read = html_module.unescape(value)  # as written, as the browser (and BeautifulSoup) reads it
            if isinstance(shown, list):  # `class`: its words
                shown, read = " ".join(shown), " ".join(read.split())
            assert shown == read, (html, name)


_SCHEME = ["javascript", "JavaScript", "vbscript", "data"]
_ENCODINGS = {
    "decimal": lambda c: f"&#{ord(c)};",
    "hex": lambda c: f"&#x{ord(c):X};",
    "padded": lambda c: f"&#000{ord(c)};",
}
_NAMED = {":": "&colon;", "\t": "&Tab;", "\n": "&NewLine;"}
_WRITTEN = {
    "link": "[링크]({url})",
    "image": "![그림]({url})",
    "reference": "[링크][r]\n\n[r]: {url}",
    "attr-link": '[링크](https://example.org/){{: href="{url}" }}',
    "attr-heading": '## 소제목 {{: HREF="{url}" }}',
    "attr-image": '![그림](a.png){{: src="{url}" }}',
    "attr-paragraph": '문단.\n{{: data="{url}" }}',
}


def _browser_unsafe(value: str) -> bool:
    """The oracle, apart from the code: the attribute as a browser reads it (BeautifulSoup has decoded
    its character references), tabs and newlines removed, leading spaces and controls skipped."""
    read = "".join(ch for ch in value if ch not in "\t\n\r").lstrip("".join(map(chr, range(0x21))))
    return read.lower().startswith(("javascript:", "vbscript:", "data:", "file:"))


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(sorted(_WRITTEN)),
    scheme=st.sampled_from(_SCHEME),
    encoding=st.sampled_from(sorted(_ENCODINGS)),
    encoded=st.sets(st.integers(0, 10), max_size=4),
    named=st.booleans(),
)
def test_a_scheme_written_with_character_references_is_read_as_the_browser_reads_it(
    kind: str, scheme: str, encoding: str, encoded: set[int], named: bool
) -> None:
    """`[x](&#106;avascript:…)`, `{: href="java&Tab;script&colon;…"}`: Python-Markdown writes character
    references as they are and the browser decodes them, so the link runs script unless it is read the
    same way. No attribute of the page, decoded as a browser decodes it, keeps such a URL."""
    letters = list(scheme + ":alert(1)")
    url = "".join(
        _NAMED[ch] if named and ch in _NAMED else _ENCODINGS[encoding](ch) if i in encoded else ch
        for i, ch in enumerate(letters)
    )
    if named:
        url = url.replace(scheme[:2], scheme[:2] + "&Tab;", 1)
    extension = SafeLinksExtension()
    page = markdown.Markdown(extensions=["attr_list", extension]).convert(_WRITTEN[kind].format(url=url))
    soup = BeautifulSoup(page, "html.parser")
    for element in soup.find_all(True):
        for value in element.attrs.values():
            assert not _browser_unsafe(value if isinstance(value, str) else " ".join(value)), (url, page)
    assert extension.dropped, (url, page)  # and said (the plugin warns at its line)


def test_a_site_page_and_its_feed_keep_no_encoded_script_url(project: SiteProject) -> None:
    """Built as a site: the article page and the feed item (RSS readers render its HTML) hold no URL a
    browser would read as `javascript:`/`data:`, and each is warned at its file and line."""
    body = "\n\n".join(
        _WRITTEN[kind].format(url=url)
        for kind, url in [
            ("link", "&#106;avascript:alert(1)"),
            ("reference", "java&Tab;script&colon;alert(2)"),
            ("attr-link", "&#x6A;avascript:alert(3)"),
            ("image", "&#100;ata:image/svg+xml,x"),
        ]
    )
    project.article("articles/a.md", "가", tags=["글"], body=f"본문입니다.\n\n{body}")
    built = project.build()
    pages = [built.html("articles/a/").select_one("article")]
    items = ET.parse(built.path("feed.xml")).getroot().iter("item")
    content = [i.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or "" for i in items]
    assert len(content) == 1 and content[0]
    pages.append(BeautifulSoup(content[0], "html.parser"))
    for page in pages:
        assert page is not None
        for element in page.find_all(True):
            for value in element.attrs.values():
                assert not _browser_unsafe(value if isinstance(value, str) else " ".join(value)), element
        assert "링크" in page.get_text()  # the link's text stays
    warned = [w for w in built.warnings if "articles/a.md:" in w and "would run" in w]
    assert len(warned) == 4, built.warnings
