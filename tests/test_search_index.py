"""What search indexes for a page, without a browser: analysed terms, the page Pagefind reads, the cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from jisik.search.analysis import Analyser, choseong, strip_particle
from jisik.search.documents import TAIL, Document, body_words, parse, render

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


def test_kiwi_terms_cover_particles_compounds_and_dictionary_forms(tmp_path: Path) -> None:
    analyser = Analyser(tmp_path / "words.json")
    assert analyser.available
    terms = analyser.terms(
        ["떠났는데", "인재유출", "실리콘밸리", "OpenAI의", "정리했습니다", "번아웃은", "번아웃"]
    )
    assert "떠나다" in terms["떠났는데"]
    assert {"인재", "유출"} <= set(terms["인재유출"])
    assert "밸리" in terms["실리콘밸리"]
    assert "openai" in terms["OpenAI의"]
    assert {"정리", "정리하다"} <= set(terms["정리했습니다"])
    assert terms["번아웃은"] == ["번아웃"]
    assert "번아웃" not in terms  # a word is never its own term


def test_an_adjective_becoming_so_has_both_dictionary_forms(tmp_path: Path) -> None:
    """`-아/어지다` of an adjective: the adjective (높다 for 높아졌다) and the verb (많아지다 for 많아졌다),
    however kiwipiepy splits the word; a verb that only looks like one (떨어지다) gets no adjective."""
    words = ["높아졌다", "깊어지면서", "넓어진", "많아졌다.", "좋아졌고", "빨라졌다", "작아진", "떨어졌다"]
    terms = Analyser(tmp_path / "words.json").terms(words)
    expected = {
        "높아졌다": {"높다", "높아지다"},
        "깊어지면서": {"깊다", "깊어지다"},
        "넓어진": {"넓다", "넓어지다"},
        "많아졌다.": {"많다", "많아지다"},
        "좋아졌고": {"좋다", "좋아지다"},
        "빨라졌다": {"빠르다", "빨라지다"},
        "작아진": {"작다", "작아지다"},
    }
    for word, forms in expected.items():
        assert forms <= set(terms[word]), (word, terms[word])
    assert "떨다" not in terms["떨어졌다"] and "떨어지다" in terms["떨어졌다"]


def test_the_word_cache_is_reused_and_belongs_to_its_analyser(tmp_path: Path) -> None:
    cache = tmp_path / ".cache" / "words.json"
    first = Analyser(cache)
    first.terms(["떠났다", "인재유출"])
    first.save()
    assert first.analysed == 2 and cache.is_file()
    again = Analyser(cache)
    assert again.terms(["떠났다", "인재유출"]) == first.terms(["떠났다", "인재유출"])
    assert again.analysed == 0  # nothing analysed twice
    plain = Analyser(cache, use_kiwi=False)  # another analysis: the kiwipiepy answers are not its own
    assert plain.terms(["떠났다"]) == {} and plain.analysed == 1


@pytest.mark.parametrize("entry", [5, None, "번아웃", [1, None], {"번아웃": 1}, [["번아웃"]]])
def test_a_cache_entry_of_another_shape_is_analysed_again(tmp_path: Path, entry: object) -> None:
    """A hand-edited or foreign cache file (valid JSON, wrong shapes) costs a re-analysis, not the index."""
    cache = tmp_path / "words.json"
    first = Analyser(cache)
    first.terms(["번아웃은", "인재유출"])
    first.save()
    data = json.loads(cache.read_text(encoding="utf-8"))
    data["words"]["번아웃은"] = entry
    cache.write_text(json.dumps(data), encoding="utf-8")
    again = Analyser(cache)
    terms = again.terms(["번아웃은", "인재유출"])
    assert terms["번아웃은"] == ["번아웃"] and again.analysed == 1
    html = render(
        Document("x/index.html", "글", "<p>번아웃은 인재유출</p>"), terms, parse("<p>번아웃은 인재유출</p>")
    )
    assert f"번아웃은{TAIL}번아웃" in html


def test_without_kiwi_particles_are_cut_when_two_syllables_remain(tmp_path: Path) -> None:
    plain = Analyser(None, use_kiwi=False)
    terms = plain.terms(["번아웃은", "핵융합으로", "회의", "사이", "나이가", "실리콘밸리"])
    assert (
        terms["번아웃은"] == ["번아웃"] and terms["핵융합으로"] == ["핵융합"] and terms["나이가"] == ["나이"]
    )
    assert "회의" not in terms and "사이" not in terms  # 회+의, 사+이 would leave one syllable
    assert "밸리" in terms["실리콘밸리"]
    assert strip_particle("OpenAI의") == "OpenAI"
    assert choseong("번아웃") == "ㅂㅇㅇ" and choseong("AI번아웃") == "ㅂㅇㅇ"


@settings(deadline=None)  # a loaded machine is not a failure
@given(title=TEXT, tags=st.lists(TEXT.filter(lambda t: t.strip()), max_size=4), body=TEXT)
def test_any_title_tags_and_text_reach_pagefind_as_text(title: str, tags: list[str], body: str) -> None:
    """Titles and tags are attribute values Pagefind reads back exactly; text never becomes markup."""
    from html import escape

    html = render(
        Document("x/index.html", title, f"<p>{escape(body)}</p>", tags), {}, parse(f"<p>{escape(body)}</p>")
    )
    soup = BeautifulSoup(html, "html.parser")
    main = soup.select_one("main[data-pagefind-body]")
    assert main is not None and main["data-title"] == title
    assert [s["data-tag"] for s in main.select("[data-pagefind-filter]")] == tags
    assert not main.select("p script, p b, p img")
    assert (
        " ".join(body.split()) in " ".join(main.select("p")[0].get_text().split()) if body.strip() else True
    )


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("<p><strong>인재유출</strong>은 떠났는데</p>", ["인재유출은", "떠났는데"]),
        (
            '<p><a href="x">핵융합</a>으로 <code>GPT</code>에서 <em>번</em>아웃</p>',
            ["핵융합으로", "GPT에서", "번아웃"],
        ),
        ("<p><b>OpenAI</b>의 <span>정책</span> <kbd>Esc</kbd>를</p>", ["OpenAI의", "정책", "Esc를"]),
        ("<ul><li>첫째</li><li>둘째</li></ul><p>줄<br>바꿈</p>", ["첫째", "둘째", "줄", "바꿈"]),
    ],
)
def test_a_word_split_by_inline_markup_is_one_word(body: str, words: list[str]) -> None:
    """`**인재유출**은`, `[핵융합](…)으로`, `` `GPT`에서 ``: Pagefind reads one word, so it is analysed as one
    (its particle cut, its parts found) and shown whole; the word count matches what Pagefind reads."""
    parts = parse(body)
    assert body_words(parts) == words
    terms = Analyser(None).terms(words)
    html = render(Document("x/index.html", "글", body), terms, parts)
    text = BeautifulSoup(html, "html.parser").select_one("main").get_text(" ")  # type: ignore[union-attr]
    shown = [w.rsplit(TAIL, 1)[0] if TAIL in w else w for w in text.split()]
    assert shown[: len(words)] == words
    if "인재유출은" in terms:
        assert {"인재", "유출"} <= set(terms["인재유출은"])
    counted = BeautifulSoup(html, "html.parser").select_one("[data-words]")["data-words"]  # type: ignore[index]
    assert int(counted) == len(words)


def test_prompts_permalinks_and_ignored_parts_are_left_out() -> None:
    body = (
        '<h2 id="s">제목<a class="headerlink" href="#s">¶</a></h2><p>본문 낱말</p>'
        '<figure class="jisik-figure" data-search-exclude><figcaption>laboratory prompt</figcaption></figure>'
        "<div data-pagefind-ignore>숨김</div><p>끝-~-문단</p>"
    )
    html = render(Document("x/index.html", "글", body), {"낱말": ["낱"]}, parse(body))
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    assert "laboratory" not in text and "¶" not in text and "숨김" not in text
    assert f"낱말{TAIL}낱" in text  # the word, then its terms
    assert "끝-~ -문단" in text  # the text's own `-~-` is not taken for terms
    assert '<h2 id="s">' in html  # headings keep their anchors (Pagefind's sub-results)
