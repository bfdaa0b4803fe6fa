"""Lists of articles over numbered pages (paging.py), shared by tag pages, the home page and the archive."""
