"""Page-head metadata: feed autodiscovery links, schema.org JSON-LD, and Open Graph and Twitter card
`<meta>` for link previews (KakaoTalk, Naver, X, Facebook). Independent of the other capabilities: it
reads the article record, the bound images and the cited sources from the site-wide context."""

from .capability import Head

__all__ = ["Head"]
