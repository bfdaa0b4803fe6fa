"""Benchmark: a jisik site against a bare MkDocs + Material site over the same articles.

    .venv/bin/python scripts/benchmark.py --articles 1000 --runs 3
    .venv/bin/python scripts/benchmark.py --articles 1000 5000 --runs 3 --serve

With --search: search on a Korean corpus with a realistic vocabulary (scripts/korean_corpus.py), Pagefind
next to Material's lunr: index sizes, build and analysis times, bytes and time per cold query in Chromium.

    .venv/bin/python scripts/benchmark.py --search --articles 1000 5000

Generates N seed-style articles (the real article's body, titles, dates, 8–10 tags each from a
vocabulary of N/10 tags with a few very common ones, prompts and 출처 lines), then builds
  * bare:  Material, the same Markdown extensions and search, articles out of the nav;
  * jisik: the same plus the jisik plugin (tag pages, feeds, citations, figures, related, archive),
alternating bare/jisik runs, each build in a fresh process. Reports the median build-time ratio, the
peak-memory ratio (max RSS), the mean article-page-size ratio and the per-article cost; with --serve
also the edit-to-reload time of `mkdocs serve --dirty` for a one-article edit (article and tag page).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "docs" / "articles" / "2026-11-27-ai-burnout.md"
COMMON_TAGS = ["AI", "IT트렌드", "테크이슈", "기술혁신"]

RUNNER = r"""
import json, resource, sys, time, os
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
import logging
logging.disable(logging.INFO)
from mkdocs.config import load_config
from mkdocs.commands.build import build
start = time.perf_counter()
config = load_config(sys.argv[1])
build(config)
elapsed = time.perf_counter() - start
print(json.dumps({"seconds": elapsed, "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def seed_body() -> str:
    """The real article's body without its title and its own hashtag line (each article gets its own)."""
    text = SEED.read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    body = re.sub(r"^# .*$", "", body, count=1, flags=re.M)
    hashtags = re.compile(r"^#[^#\s]\S*(?:[ \t]+#[^#\s]\S*)*[ \t]*$", re.M)
    return hashtags.sub("", body).strip()


def generate(docs: Path, n: int, rng: random.Random) -> list[Path]:
    body = seed_body()
    vocabulary = [f"주제{i}" for i in range(max(20, n // 10))]
    (docs / "articles").mkdir(parents=True)
    paths = []
    for i in range(n):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2020 + i // (28 * 12)
        tags = rng.sample(COMMON_TAGS, 2) + rng.sample(vocabulary, rng.randint(6, 8))
        text = (
            f"---\ndate: {year}-{month:02d}-{day:02d}\n---\n\n"
            f"# 글 {i}: AI 번아웃 거물 인재들이 이탈하는 이유 {i}\n\n{body}\n\n"
            + " ".join(f"#{t}" for t in tags)
            + "\n"
        )
        path = docs / "articles" / f"a{i:05d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    (docs / "index.md").write_text("# 지식\n\n벤치마크 사이트입니다.\n", encoding="utf-8")
    return paths


CAPABILITIES = ["hashtags", "related", "citations", "figures", "feeds", "home", "archive", "search"]


def config_text(jisik: bool, without: str | None = None) -> str:
    plugin = f"  - jisik:\n      {without}:\n        enabled: false\n" if without else "  - jisik\n"
    # bare: Material's search (lunr); jisik: jisik's own search (Pagefind), as this repository's mkdocs.yml
    plugins = plugin if jisik else "  - search:\n      lang: ko\n"
    nav = "" if jisik else "nav:\n  - index.md\n"  # bare: articles out of the nav, as jisik does
    return f"""site_name: 벤치마크
site_url: https://example.org/kb/
theme:
  name: material
  language: ko
  font: false
{nav}markdown_extensions:
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify {{kwds: {{case: lower}}}}
  - attr_list
  - admonition
  - pymdownx.superfences
plugins:
{plugins}"""


def make_site(base: Path, n: int, jisik: bool) -> Path:
    site = base / ("jisik" if jisik else "bare")
    generate(site / "docs", n, random.Random(20261127))
    (site / "mkdocs.yml").write_text(config_text(jisik), encoding="utf-8")
    return site


VALGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]


def instructions_once(site: Path) -> float:
    """Instructions the build executes, counted by valgrind (Debian's `valgrind`): unlike seconds, the
    same in every run on any machine, so small differences show through a noisy machine's drift."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    result = subprocess.run(
        [*VALGRIND, sys.executable, "-c", RUNNER, str(site / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=True,
        cwd=site,
        env=dict(os.environ, PYTHONHASHSEED="0"),
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", result.stderr)
    if found is None:
        raise RuntimeError(f"no instruction count from valgrind:\n{result.stderr[-2000:]}")
    return float(found.group(1).replace(",", ""))


def build_once(site: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, str(site / "mkdocs.yml")],
        capture_output=True,
        text=True,
        check=True,
        cwd=site,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def page_size(site: Path) -> float:
    pages = list((site / "site" / "articles").glob("*/index.html"))
    return statistics.mean(p.stat().st_size for p in pages)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def serve_edit(site: Path) -> float:
    """Seconds from saving a one-article edit to both its page and its new tag page showing it."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    server = subprocess.Popen(
        [mkdocs, "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/kb/"
    try:
        deadline = time.time() + 600
        while fetch(base) is None:
            if time.time() > deadline or server.poll() is not None:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.5)
        article = site / "docs" / "articles" / "a00007.md"
        text = article.read_text(encoding="utf-8")
        marker = "편집확인"
        tag_url = base + "tags/" + urllib.parse.quote(marker) + "/"
        time.sleep(1.5)  # let the watcher settle after the first build
        start = time.perf_counter()
        article.write_text(
            text.replace("# 글 7:", "# 글 7 (고침):").rstrip("\n") + f" #{marker}\n", encoding="utf-8"
        )
        while True:
            page = fetch(base + "articles/a00007/")
            tag_page = fetch(tag_url)
            if page and "글 7 (고침)" in page and tag_page and "글 7 (고침)" in tag_page:
                return time.perf_counter() - start
            if time.perf_counter() - start > 120:
                raise RuntimeError("the edit never showed")
            time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=30)


def breakdown(n: int, runs: int, instructions: bool = False) -> dict[str, float]:
    """Median build time (or instruction count) of the jisik site with each capability turned off in
    turn, over the same articles."""
    base = Path(tempfile.mkdtemp(prefix=f"jisik-breakdown-{n}-"))
    try:
        sites = {"bare": make_site(base, n, False), "jisik": make_site(base, n, True)}
        for name in CAPABILITIES:
            site = base / f"without-{name}"
            shutil.copytree(sites["jisik"] / "docs", site / "docs")
            (site / "mkdocs.yml").write_text(config_text(True, name), encoding="utf-8")
            sites[f"without {name}"] = site
        times: dict[str, list[float]] = {name: [] for name in sites}
        for _ in range(1 if instructions else runs):
            for name, site in sites.items():
                times[name].append(instructions_once(site) if instructions else build_once(site)["seconds"])
        return {name: statistics.median(values) for name, values in times.items()}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run(n: int, runs: int, serve: bool, instructions: bool = False) -> dict[str, float]:
    base = Path(tempfile.mkdtemp(prefix=f"jisik-bench-{n}-"))
    try:
        bare, jisik = make_site(base, n, False), make_site(base, n, True)
        times: dict[str, list[float]] = {"bare": [], "jisik": []}
        memory: dict[str, list[float]] = {"bare": [], "jisik": []}
        for _ in range(runs):
            for name, site in (("bare", bare), ("jisik", jisik)):
                result = build_once(site)
                times[name].append(result["seconds"])
                memory[name].append(result["max_rss_kb"])
        out = {
            "articles": n,
            "bare_s": statistics.median(times["bare"]),
            "jisik_s": statistics.median(times["jisik"]),
            "bare_rss_mb": max(memory["bare"]) / 1024,
            "jisik_rss_mb": max(memory["jisik"]) / 1024,
            "bare_page_kb": page_size(bare) / 1024,
            "jisik_page_kb": page_size(jisik) / 1024,
            "pages_bare": sum(1 for _ in (bare / "site").rglob("*.html")),
            "pages_jisik": sum(1 for _ in (jisik / "site").rglob("*.html")),
        }
        out["time_ratio"] = out["jisik_s"] / out["bare_s"]
        out["memory_ratio"] = out["jisik_rss_mb"] / out["bare_rss_mb"]
        out["page_ratio"] = out["jisik_page_kb"] / out["bare_page_kb"]
        out["jisik_ms_per_article"] = 1000 * out["jisik_s"] / n
        if instructions:
            out["instructions_ratio"] = instructions_once(jisik) / instructions_once(bare)
        if serve:
            out["serve_dirty_edit_s"] = serve_edit(jisik)
        return out
    finally:
        shutil.rmtree(base, ignore_errors=True)


SEARCH_QUERIES = [
    "번아웃",
    "번아웃의",
    "밸리",
    "떠나다",
    "인재유출",
    "OpenAI",
    "3가지",
    "경제",
    "인공지능 기술",
    "ㅂㅇㅇ",
]
"""Queries of the search benchmark; 경제 is in nearly every generated article (the most frequent noun)."""


def search_site(base: Path, n: int, engine: str) -> Path:
    """The real article plus n generated ones (korean_corpus: a realistic vocabulary), searched by
    Material's lunr (`lunr`) or by jisik's Pagefind (`pagefind`)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from korean_corpus import generate as generate_korean

    site = base / engine
    generate_korean(site / "docs", n)
    shutil.copy(SEED, site / "docs" / "articles" / SEED.name)
    (site / "docs" / "index.md").write_text("# 지식\n\n벤치마크 사이트입니다.\n", encoding="utf-8")
    plugins = "  - search:\n      lang: ko\n  - jisik:\n      search: {enabled: false}\n"
    if engine == "pagefind":
        plugins = "  - jisik\n"
    text = config_text(True).split("plugins:\n")[0] + "plugins:\n" + plugins
    (site / "mkdocs.yml").write_text(text.replace("https://example.org/kb/", "http://127.0.0.1/kb/"), "utf-8")
    return site


def _build_logged(site: Path) -> tuple[float, str]:
    start = time.perf_counter()
    answer = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build"],
        cwd=site,
        capture_output=True,
        text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        check=True,
    )
    return time.perf_counter() - start, answer.stderr


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _cold_queries(site_dir: Path, queries: list[str]) -> list[tuple[str, int, float, int]]:
    """(query, bytes, seconds to first results, results) for each query, each in a fresh browser context:
    every byte the query costs beyond the search page (Python's http.server: no compression)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright

    from support.server import serve

    out = []
    with serve(site_dir, 0, "/kb/") as root, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            page.goto(root + "search/")
            page.wait_for_load_state("networkidle")
            finished: list = []
            page.on("requestfinished", lambda request, into=finished: into.append(request))
            start = time.perf_counter()
            page.locator("#jisik-search-input").fill(query)
            page.locator("#jisik-search-input").press("Enter")
            page.wait_for_selector("[data-jisik-search][data-state=done]", timeout=60_000)
            seconds = time.perf_counter() - start
            sizes = [r.sizes() for r in finished]
            cost = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes)
            out.append((query, cost, seconds, page.locator(".jisik-search__results li").count()))
            context.close()
        browser.close()
    return out


def search_benchmark(n: int) -> dict[str, object]:
    import gzip

    base = Path(tempfile.mkdtemp(prefix=f"jisik-search-{n}-"))
    try:
        lunr, pagefind = search_site(base, n, "lunr"), search_site(base, n, "pagefind")
        lunr_s, _ = _build_logged(lunr)
        index = (lunr / "site" / "search" / "search_index.json").read_bytes()
        cold_s, cold_log = _build_logged(pagefind)
        warm_s, warm_log = _build_logged(pagefind)
        bundle = pagefind / "site" / "pagefind"
        chunks = [p.stat().st_size for p in (bundle / "index").glob("*")]
        queries = _cold_queries(pagefind / "site", SEARCH_QUERIES)
        costs = [q[1] for q in queries]

        def line(log: str) -> str:
            return next((x.split("jisik: ", 1)[1] for x in log.splitlines() if "search: indexed" in x), "")

        return {
            "articles": n,
            "lunr_build_s": lunr_s,
            "lunr_index_kb": len(index) / 1024,
            "lunr_index_gzip_kb": len(gzip.compress(index)) / 1024,
            "pagefind_build_cold_s": cold_s,
            "pagefind_build_warm_s": warm_s,
            "search_cold": line(cold_log),
            "search_warm": line(warm_log),
            "bundle_kb": _folder_bytes(bundle) / 1024,
            "largest_chunk_kb": max(chunks) / 1024,
            "chunks": len(chunks),
            "query_kb_median": statistics.median(costs) / 1024,
            "query_kb_max": max(costs) / 1024,
            "first_results_s_median": statistics.median(q[2] for q in queries),
            "first_results_s_max": max(q[2] for q in queries),
            "queries": queries,
            "load": os.getloadavg(),
        }
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--serve", action="store_true", help="also time a one-article edit under serve --dirty"
    )
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions each build executes (valgrind; slow, but the same every run)",
    )
    parser.add_argument(
        "--breakdown", action="store_true", help="instead: the cost with each capability turned off"
    )
    parser.add_argument(
        "--search",
        action="store_true",
        help="instead: search on a Korean corpus, Pagefind (jisik) next to Material's lunr",
    )
    args = parser.parse_args()
    if args.search:
        for n in args.articles:
            r = search_benchmark(n)
            if args.json:
                print(json.dumps(r, indent=2, ensure_ascii=False))
                continue
            print(f"## {n:,} generated articles + the real one (load average {r['load']})")
            print(
                f"- lunr: search_index.json {r['lunr_index_kb']:,.0f} KB ({r['lunr_index_gzip_kb']:,.0f} KB "
                f"gzipped), downloaded whole on a reader's first page view; build {r['lunr_build_s']:.1f} s"
            )
            print(
                f"- Pagefind: bundle {r['bundle_kb']:,.0f} KB in {r['chunks']} index chunks (largest "
                f"{r['largest_chunk_kb']:.0f} KB); build {r['pagefind_build_cold_s']:.1f} s cold, "
                f"{r['pagefind_build_warm_s']:.1f} s with the word cache"
            )
            print(f"  - cold cache: {r['search_cold']}")
            print(f"  - warm cache: {r['search_warm']}")
            print(
                f"- bytes per cold query: median {r['query_kb_median']:.0f} KB, "
                f"max {r['query_kb_max']:.0f} KB; first results median "
                f"{r['first_results_s_median']:.2f} s, max {r['first_results_s_max']:.2f} s"
            )
            for query, cost, seconds, count in r["queries"]:  # type: ignore[attr-defined]
                print(f"  - {query}: {cost / 1024:.0f} KB, {seconds:.2f} s, {count} results shown")
        return 0
    if args.breakdown:
        unit = "instructions" if args.instructions else "median build"
        for n in args.articles:
            costs = breakdown(n, args.runs, args.instructions)
            full, bare = costs["jisik"], costs["bare"]
            print(f"| {n:,} articles | {unit} | ratio to bare | share of jisik's extra cost |")
            print("|---|---|---|---|")
            for name, cost in costs.items():
                extra = name.startswith("without") and full > bare
                share = (full - cost) / (full - bare) if extra else None
                shown = f"{cost / 1e9:.2f} G" if args.instructions else f"{cost:.1f} s"
                cell = f"{share:.0%}" if share is not None else "–"
                print(f"| {name} | {shown} | {cost / bare:.2f}× | {cell} |")
        return 0
    results = [run(n, args.runs, args.serve, args.instructions) for n in args.articles]
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    print(
        "| articles | bare build | jisik build | time ratio | peak memory (bare → jisik) | memory ratio "
        "| article page (bare → jisik) | page ratio | jisik ms/article | pages (bare → jisik) "
        "| serve --dirty edit | instructions ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        serve_cell = f"{r['serve_dirty_edit_s']:.2f} s" if "serve_dirty_edit_s" in r else "–"
        count_cell = f"{r['instructions_ratio']:.2f}×" if "instructions_ratio" in r else "–"
        print(
            f"| {r['articles']:,} | {r['bare_s']:.1f} s | {r['jisik_s']:.1f} s | {r['time_ratio']:.2f}× "
            f"| {r['bare_rss_mb']:.0f} → {r['jisik_rss_mb']:.0f} MB | {r['memory_ratio']:.2f}× "
            f"| {r['bare_page_kb']:.1f} → {r['jisik_page_kb']:.1f} KB | {r['page_ratio']:.2f}× "
            f"| {r['jisik_ms_per_article']:.1f} | {r['pages_bare']:,} → {r['pages_jisik']:,} | {serve_cell} "
            f"| {count_cell} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
