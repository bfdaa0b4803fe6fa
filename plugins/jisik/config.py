"""Typed configuration of the `jisik` plugin: one sub-config per capability."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from .model import DEFAULT_TIMEZONE, RELATED_HEADING
from .options import Count, Patterns, SitePath, TimeZone
from .search.config import SearchConfig


class ArticlesConfig(base.Config):
    paths = Patterns(default=["**/*.md"])
    """Glob patterns (relative to `docs_dir`) of the pages that are articles. `**` spans folders; `*`,
    `?`, `[0-9]`, `[!…]` and `{a,b}` mean what they mean in shell globs.
    The home page, generated pages and pages with `article: false` in their front matter never are."""
    timezone = TimeZone(default=DEFAULT_TIMEZONE)
    """Time zone of front-matter dates written without one (an IANA name such as `Asia/Seoul`)."""
    git_dates = c.Type(bool, default=True)
    """Articles without a `date` take their first git commit as date and their last as `updated`
    (one `git log` per build, only when some article is undated). A shallow clone gives a warning."""
    in_nav = c.Type(bool, default=False)
    """List articles in the navigation. Off by default: every page repeats the whole nav, so pages grow
    with the number of articles; the home page, tag pages and the archive list them instead."""


class HashtagsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Build tag pages and show each article's tags as `#태그` chips."""
    path = SitePath(default="tags")
    """Folder of the tag pages: `<path>/` lists every tag, `<path>/<slug>/` lists one tag's articles.
    A page you write at `<path>/index.md` or `<path>/<slug>/index.md` is used as is, with the list added."""
    chips = c.Type(bool, default=True)
    """Show the tag chips under the article title."""
    per_page = Count(default=100, least=0)
    """Articles per tag page; a larger tag continues on `<slug>/page/2/`… (0: one page)."""


class RelatedConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """List related articles (those sharing the most, and the rarest, tags)."""
    heading = c.Type(str, default=RELATED_HEADING)
    """The heading under which the list is placed, where an article has it."""
    limit = Count(default=5, least=0)
    """How many related articles to list at most."""
    append = c.Type(bool, default=False)
    """Also add the heading and the list at the end of articles that do not have the heading."""


class CitationsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Take `출처:` lines out of the body and end each article with a numbered 출처 section."""
    heading = c.Type(str, default="출처")
    """Heading of the sources section, and title of the sources index page."""
    titles_file = c.Type(str, default="source-titles.yml")
    """Title cache in `docs_dir` (`URL: title` lines, yours to edit; filled by `jisik sources fetch-titles`).
    It is not published."""
    index = c.Type(bool, default=True)
    """Build the sources index: every cited domain with its count and the articles citing it."""
    path = SitePath(default="sources")
    """Folder of the sources index page (`<path>/`). A page you write at `<path>/index.md` is kept."""
    jsonld = c.Type(bool, default=True)
    """Add schema.org `Article` JSON-LD (headline, dates, keywords, citations) to each article's `<head>`."""


class FiguresConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn image prompts (bare prompt paragraphs and `/// prompt | W:H` blocks) into numbered figures."""
    images = c.Type(str, default="assets/prompts")
    """Folder (in `docs_dir`) where the image of prompt N of article `x.md` is looked for, as
    `x-N.avif`, `.webp`, `.png`, `.jpg` or `.jpeg`, when the prompt names no `image` of its own."""
    prompts_json = c.Type(bool, default=True)
    """Write `prompts.json` at the site root: every prompt, its ratio, the image it expects, and
    whether that image exists."""
    generator = c.Optional(c.Type(str))
    """The image generator `jisik prompts --missing --run` runs for each missing image, as a command
    with placeholders: `python gen.py {prompt} {path}`. Never run by a build."""


class FeedsConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Write RSS 2.0 (`feed.xml`) and JSON Feed 1.1 (`feed.json`) for the site and for every tag
    (`<tags>/<slug>/feed.xml`), and link them from every page's `<head>`. Needs `site_url`."""
    length = Count(default=20, least=0)
    """How many of the newest articles each feed carries (0: all)."""
    full_content = c.Choice(("site", "all", "none"), default="site")
    """Which feeds carry each article's full HTML (`content:encoded`, `content_html`, absolute URLs,
    sources included) besides the plain-text summary: the site feed only (`site`, the default: tag
    feeds stay small), every feed (`all`), or none."""
    json = c.Type(bool, default=True)
    """Also write JSON Feed 1.1 files (`feed.json`) beside the RSS ones."""
    title = c.Optional(c.Type(str))
    """Title of the site feed (default: `site_name`)."""
    description = c.Optional(c.Type(str))
    """Description of the site feed (default: `site_description`, else "<site_name>의 새 글")."""


class HomeConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Add the list of articles, newest first, with date and summary, to the home page."""
    page = SitePath(default="index.md", page=True)
    """The home page, relative to `docs_dir`. It is generated when it does not exist (a `README.md` in its
    folder stands for `index.md`, as in MkDocs, and is kept)."""
    per_page = Count(default=20, least=0)
    """Articles on the home page; older ones continue on `page/2/`, `page/3/`… (0: all on one page)."""
    tags = Count(default=20, least=0)
    """How many of the most used tags (with their counts) the home page shows beside the newest
    articles (0: none)."""


class ArchiveConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Build the archive: every article, newest first, under year-and-month headings."""
    path = SitePath(default="archive")
    """Folder of the archive (`<path>/`, then `<path>/page/2/`…)."""
    per_page = Count(default=100, least=0)
    """Articles per archive page (0: one page)."""


class HeadConfig(base.Config):
    open_graph = c.Type(bool, default=True)
    """Add Open Graph and Twitter card `<meta>` (link previews in KakaoTalk, Naver, X, Facebook) to every
    page's `<head>`: title, description, URL, dates, tags and the first bound prompt image on articles,
    the site-level subset on other pages. Left out when Material's `social` plugin writes its own."""


class ReadingConfig(base.Config):
    byline = c.Type(bool, default=True)
    """Show the published date (and `updated`, when set) and the reading time under the article title."""
    characters_per_minute = Count(default=500, least=1)
    """Reading speed for the reading time (`n분`): characters (spaces not counted) read in a minute."""
    neighbours = c.Type(bool, default=True)
    """End every article with links to the previous (older) and next (newer) article by date."""


class WikilinksConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn `[[제목]]`, `[[제목|보이는 글]]` and `[[제목#소제목]]` into links to the article with that title
    (or alias, or file name); a name that reaches no article is shown as text marked 없는 글 and
    reported at its line."""
    backlinks = c.Type(bool, default=True)
    """End each article with the articles that link to it (by wikilink or Markdown link), newest first."""
    backlinks_heading = c.Type(str, default="이 글을 언급한 글")
    """Heading of the backlinks section (in the page's table of contents)."""
    redirects = c.Type(bool, default=True)
    """Write a small redirect page at each former path an article lists under `redirect_from:`."""
    preview = c.Type(bool, default=True)
    """Show the linked article's title, date and the start of its summary while a wikilink is hovered or
    focused (from data the page's first link to that article carries: no request; Escape hides it).
    Off: neither the script nor the data is in the pages."""


class JisikConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the whole plugin off (for a quick build of the plain pages)."""
    articles = c.SubConfig(ArticlesConfig)
    """Which pages are articles, and how their dates are read."""
    hashtags = c.SubConfig(HashtagsConfig)
    """Hashtag chips and tag pages."""
    related = c.SubConfig(RelatedConfig)
    """Related articles."""
    citations = c.SubConfig(CitationsConfig)
    """Sources: the 출처 section, the sources index, JSON-LD."""
    figures = c.SubConfig(FiguresConfig)
    """Image prompts as figures, their images, and `prompts.json`."""
    feeds = c.SubConfig(FeedsConfig)
    """RSS and JSON feeds for the site and every tag, with autodiscovery links."""
    home = c.SubConfig(HomeConfig)
    """The article list of the home page."""
    archive = c.SubConfig(ArchiveConfig)
    """The archive by year and month."""
    head = c.SubConfig(HeadConfig)
    """Page-head metadata for link previews."""
    reading = c.SubConfig(ReadingConfig)
    """What an article page shows around its text: date line, reading time, previous/next article."""
    wikilinks = c.SubConfig(WikilinksConfig)
    """Links between articles: wikilinks, backlinks, redirects from former paths."""
    search = c.SubConfig(SearchConfig)
    """Korean full-text search (Pagefind): the index, the search page and the header search box."""
