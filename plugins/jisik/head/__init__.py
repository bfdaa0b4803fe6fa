"""Page-head metadata: Open Graph and Twitter card `<meta>` for link previews (KakaoTalk, Naver, X,
Facebook). Independent of the other capabilities: it reads the article record and the bound images."""
