"""Unit tests of tag identity, slugs, 가나다 groups and the tag index (no MkDocs build)."""

from __future__ import annotations

import unicodedata

import pytest

from jisik.hashtags.index import TagIndex
from jisik.hashtags.tags import assign_slugs, base_slug, initial_group, tag_key
from jisik.model import Entry, parse_article

NFD = "NFD"


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize(NFD, text)
    assert decomposed != text
    return decomposed


def entry(name: str, tags: list[str], *, date: str = "2026-01-01", draft: bool = False) -> Entry:
    """An article `articles/<name>.md` with a hashtag line, as the site would list it."""
    front = f"date: {date}\n" + ("draft: true\n" if draft else "")
    hashtags = " ".join(f"#{t}" for t in tags)
    text = f"---\n{front}---\n\n# {name} 제목\n\n{name} 본문입니다.\n\n{hashtags}\n"
    article = parse_article(text, f"articles/{name}.md")
    assert article.problems == ()
    return Entry(article, f"articles/{name}/")


def paths(entries: list[Entry]) -> list[str]:
    return [e.article.path for e in entries]


def only_tag(index: TagIndex):  # type: ignore[no-untyped-def]
    assert len(index.tags) == 1, sorted(index.tags)
    return next(iter(index.tags.values()))


# --- identity -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("번아웃", unicodedata.normalize("NFD", "번아웃")),
        ("AI번아웃", unicodedata.normalize("NFD", "AI번아웃")),
        ("OpenAI", "openai"),
        ("OpenAI", "OPENAI"),
        ("OpenAI", "ＯｐｅｎＡＩ"),
        ("openai", "ｏｐｅｎａｉ"),
        ("IT트렌드", "it트렌드"),
    ],
)
def test_same_tag_key(a: str, b: str) -> None:
    assert tag_key(a) == tag_key(b)


@pytest.mark.parametrize(("a", "b"), [("C", "C#"), ("C", "C++"), ("C#", "C++"), ("번아웃", "AI번아웃")])
def test_different_tag_key(a: str, b: str) -> None:
    assert tag_key(a) != tag_key(b)


def test_nfc_and_nfd_hangul_are_one_tag() -> None:
    index = TagIndex([entry("a", [nfd("번아웃")]), entry("b", ["번아웃"]), entry("c", [nfd("번아웃")])])
    tag = only_tag(index)
    assert tag.count == 3
    assert tag.name == "번아웃"
    assert unicodedata.is_normalized("NFC", tag.name)


def test_case_and_width_variants_are_one_tag() -> None:
    index = TagIndex([entry("a", ["OpenAI"]), entry("b", ["openai"]), entry("c", ["ＯｐｅｎＡＩ"])])
    tag = only_tag(index)
    assert tag.count == 3
    assert sorted(paths(tag.entries)) == ["articles/a.md", "articles/b.md", "articles/c.md"]


@pytest.mark.parametrize(
    ("forms", "name"),
    [
        (["openai", "openai", "OpenAI"], "openai"),
        (["OpenAI", "openai", "OpenAI"], "OpenAI"),
        (["xai", "XAI", "xAI", "xAI"], "xAI"),
    ],
)
def test_display_name_is_the_most_used_form(forms: list[str], name: str) -> None:
    index = TagIndex([entry(f"p{i}", [form]) for i, form in enumerate(forms)])
    assert only_tag(index).name == name


def test_variants_in_one_article_list_it_once() -> None:
    index = TagIndex([entry("a", ["OpenAI", "openai", "ＯｐｅｎＡＩ"]), entry("b", ["OpenAI"])])
    tag = only_tag(index)
    assert sorted(paths(tag.entries)) == ["articles/a.md", "articles/b.md"]
    assert [name for name, _ in index.chips(index.entries[0].article)] == ["OpenAI"]


# --- slugs ----------------------------------------------------------------------------------------


def test_c_family_gets_three_slugs() -> None:
    index = TagIndex([entry("a", ["C++"]), entry("b", ["C#"]), entry("c", ["C"])])
    assert len(index.tags) == 3
    slugs = [t.slug for t in index.tags.values()]
    assert len({s.casefold() for s in slugs}) == 3
    assert index.clashes == []


def test_hangul_kept_in_nfc_and_latin_lower_cased() -> None:
    index = TagIndex([entry("a", [nfd("번아웃"), "AI번아웃", "OpenAI", nfd("IT트렌드")])])
    slugs = {t.name: t.slug for t in index.tags.values()}
    assert slugs == {"번아웃": "번아웃", "AI번아웃": "ai번아웃", "OpenAI": "openai", "IT트렌드": "it트렌드"}
    assert all(unicodedata.is_normalized("NFC", s) for s in slugs.values())


TRICKY = [
    "C#",
    "C++",
    "C",
    "a/b",
    "a-b",
    "왜?",
    "100%",
    "%2F",
    "머신 러닝",
    "머신\u3000러닝",
    "tab\tx",
    "a#b",
    "../..",
    "..",
    ".",
    "#",
    "?",
    "/",
    "R&D",
    "a@b",
    "Q&A",
    "Ｃ＃",
    nfd("한글 태그"),
]


def test_slugs_are_safe_path_segments() -> None:
    slugs, _clashes = assign_slugs(tag_key(t) for t in TRICKY)
    for key, slug in slugs.items():
        assert slug not in ("", ".", ".."), key
        for bad in ("#", "/", "?", "%", "\\"):
            assert bad not in slug, (key, slug)
        assert not any(ch.isspace() for ch in slug), (key, slug)
        assert unicodedata.is_normalized("NFC", slug)
    assert len({s.casefold() for s in slugs.values()}) == len(slugs), slugs


def test_base_slug_never_unsafe() -> None:
    for tag in TRICKY:
        slug = base_slug(tag_key(tag))
        assert slug not in ("", ".", ".."), tag
        assert not set(slug) & set("#/?%\\"), (tag, slug)
        assert not any(ch.isspace() for ch in slug), (tag, slug)


@pytest.mark.parametrize("order", [["a/b", "a-b"], ["a-b", "a/b"]])
def test_assign_slugs_resolves_a_clash_and_reports_it(order: list[str]) -> None:
    assert base_slug("a/b") == base_slug("a-b"), "test premise: both want the same slug"
    slugs, clashes = assign_slugs(order)
    assert slugs["a/b"] != slugs["a-b"]
    assert len(clashes) == 1
    key, wanted, given = clashes[0]
    assert wanted == base_slug(key)
    assert given == slugs[key]
    assert given != wanted
    other = "a-b" if key == "a/b" else "a/b"
    assert slugs[other] == wanted


def test_assign_slugs_is_independent_of_input_order() -> None:
    keys = [tag_key(t) for t in TRICKY]
    assert assign_slugs(keys) == assign_slugs(list(reversed(keys)))


def test_assign_slugs_numbered_slug_does_not_take_another_tags_natural_slug() -> None:
    """Tag `a-b-2` has no clash of its own: adding `a/b` must not move it to another URL."""
    slugs, clashes = assign_slugs(["a/b", "a-b", "a-b-2"])
    assert len({s.casefold() for s in slugs.values()}) == 3
    assert len(clashes) == 1


def test_index_reports_slug_clash() -> None:
    index = TagIndex([entry("a", ["a/b"]), entry("b", ["a-b"])])
    assert len(index.tags) == 2
    assert len({t.slug for t in index.tags.values()}) == 2
    assert len(index.clashes) == 1


# --- initial groups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("가", "ㄱ"),
        ("가방", "ㄱ"),
        ("까", "ㄱ"),
        ("까치", "ㄱ"),
        ("나", "ㄴ"),
        ("또", "ㄷ"),
        ("빵", "ㅂ"),
        ("쌀", "ㅅ"),
        ("짜장", "ㅈ"),
        ("하", "ㅎ"),
        ("힣", "ㅎ"),
        (unicodedata.normalize("NFD", "번아웃"), "ㅂ"),
        ("OpenAI", "O"),
        ("openai", "O"),
        ("ＯｐｅｎＡＩ", "O"),
        ("xAI", "X"),
        ("2026", "기타"),
        ("3D프린팅", "기타"),
        ("C++", "C"),
    ],
)
def test_initial_group(name: str, label: str) -> None:
    assert initial_group(name).label == label


def test_groups_order() -> None:
    names = [
        "하늘",
        "가방",
        "나무",
        "까치",
        "가나",
        "OpenAI",
        "apple",
        "Android",
        "2026",
        "바다",
        "zebra",
        "빵",
    ]
    index = TagIndex([entry(f"p{i}", [n]) for i, n in enumerate(names)])
    groups = [(group.label, [t.name for t in tags]) for group, tags in index.groups()]
    assert groups == [
        ("ㄱ", ["가나", "가방", "까치"]),
        ("ㄴ", ["나무"]),
        ("ㅂ", ["바다", "빵"]),
        ("ㅎ", ["하늘"]),
        ("A", ["Android", "apple"]),
        ("O", ["OpenAI"]),
        ("Z", ["zebra"]),
        ("기타", ["2026"]),
    ]


def test_groups_hold_every_tag_once() -> None:
    names = ["인공지능", "OpenAI", "openai", "C#", "C", "C++", "2026", nfd("번아웃"), "번아웃"]
    index = TagIndex([entry(f"p{i}", [n]) for i, n in enumerate(names)])
    grouped = [t.key for _, tags in index.groups() for t in tags]
    assert sorted(grouped) == sorted(index.tags)
    assert len(grouped) == 7


# --- drafts ---------------------------------------------------------------------------------------


def test_drafts_are_listed_nowhere_but_keep_their_chips() -> None:
    draft = entry("draft", ["공유", "초안전용"], date="2026-12-31", draft=True)
    index = TagIndex([entry("a", ["공유"]), draft, entry("b", ["공유", "다른"])])
    assert "초안전용" not in {t.name for t in index.tags.values()}
    assert tag_key("초안전용") not in index.tags
    for tag in index.tags.values():
        assert "articles/draft.md" not in paths(tag.entries)
    assert index.tags[tag_key("공유")].count == 2
    chips = index.chips(draft.article)
    assert [name for name, _ in chips] == ["공유", "초안전용"]
    assert chips[0][1] is index.tags[tag_key("공유")]
    assert chips[1][1] is None


def test_tag_page_entries_newest_first() -> None:
    entries = [
        entry("old", ["공통"], date="2025-01-01"),
        entry("new", ["공통"], date="2026-06-01"),
        entry("mid", ["공통"], date="2025-09-09"),
        entry("utc", ["공통"], date="2026-05-31T16:00:00+00:00"),  # 2026-06-01 01:00 in Seoul
    ]
    index = TagIndex(entries)
    assert paths(only_tag(index).entries) == [
        "articles/utc.md",
        "articles/new.md",
        "articles/mid.md",
        "articles/old.md",
    ]


# --- related articles -----------------------------------------------------------------------------


def rare_vs_common() -> tuple[TagIndex, Entry]:
    """`target` shares one rare tag with `rare`, and one very common tag with six newer articles."""
    target = entry("target", ["희귀", "흔함"], date="2026-03-01")
    rare = entry("rare", ["희귀"], date="2024-01-01")
    common = [entry(f"common{i}", ["흔함"], date=f"2026-0{i + 4}-01") for i in range(6)]
    draft = entry("draft", ["희귀", "흔함"], date="2026-12-01", draft=True)
    loner = entry("loner", ["혼자"], date="2026-12-02")
    return TagIndex([target, rare, *common, draft, loner]), target


def test_rarer_shared_tag_weighs_more() -> None:
    index, target = rare_vs_common()
    related = index.related(target.article, 5)
    assert paths(related)[0] == "articles/rare.md"
    assert index.weight(tag_key("희귀")) > index.weight(tag_key("흔함"))


def test_related_never_self_nor_drafts_nor_unrelated() -> None:
    index, target = rare_vs_common()
    related = paths(index.related(target.article, 100))
    assert "articles/target.md" not in related
    assert "articles/draft.md" not in related
    assert "articles/loner.md" not in related
    assert sorted(related) == sorted(["articles/rare.md"] + [f"articles/common{i}.md" for i in range(6)])
    assert len(related) == len(set(related))


@pytest.mark.parametrize("limit", [0, 1, 3, 7])
def test_related_limit(limit: int) -> None:
    index, target = rare_vs_common()
    assert len(index.related(target.article, limit)) == limit


def test_more_shared_tags_rank_higher() -> None:
    index = TagIndex(
        [
            entry("me", ["가", "나"], date="2026-01-01"),
            entry("both", ["가", "나"], date="2020-01-01"),
            entry("one-a", ["가"], date="2026-06-01"),
            entry("one-b", ["나"], date="2026-06-02"),
        ]
    )
    me = next(e.article for e in index.entries if e.article.path == "articles/me.md")
    assert paths(index.related(me, 3))[0] == "articles/both.md"


def test_related_of_a_draft_excludes_itself_and_other_drafts() -> None:
    draft = entry("draft", ["공유"], draft=True)
    other_draft = entry("draft2", ["공유"], draft=True)
    index = TagIndex([draft, other_draft, entry("a", ["공유"])])
    assert paths(index.related(draft.article, 5)) == ["articles/a.md"]


def test_untagged_article_has_no_related() -> None:
    lonely = entry("lonely", [])
    index = TagIndex([lonely, entry("a", ["공유"]), entry("b", ["공유"])])
    assert index.related(lonely.article, 5) == []


# --- invalid tags ---------------------------------------------------------------------------------


def test_punctuation_tag_is_ignored_with_a_problem() -> None:
    bad = entry("bad", ["!!!", "정상"])
    good = entry("good", ["정상"])
    index = TagIndex([bad, good])
    assert [t.name for t in index.tags.values()] == ["정상"]
    assert index.tags[tag_key("정상")].count == 2
    problems = index.problems.get("articles/bad.md", [])
    assert len(problems) == 1
    assert "!!!" in problems[0].message
    assert not index.problems.get("articles/good.md")
    assert [name for name, _ in index.chips(bad.article)] == ["정상"]
