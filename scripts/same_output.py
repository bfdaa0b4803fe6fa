"""Is the output of this working tree byte-identical to git revision REV's?

    .venv/bin/python scripts/same_output.py main

Builds three sites twice, once with the plugin of REV (a `git archive` of it on `PYTHONPATH`, which
comes before the editable install) and once with the working tree's, and compares every output file:

- the repository's own site (`mkdocs.yml`, `docs/`, `overrides/`), copied outside the repository;
- a generated corpus of ~200 articles (scripts/benchmark.py's generator), jisik's search on;
- the same corpus with jisik's search off and Material's search plugin on.

Every build runs with the same `SOURCE_DATE_EPOCH`, `PYTHONHASHSEED` and `SITE_URL`, in a folder of the
same path, so nothing needs to be ignored: every file is compared, `sitemap.xml.gz` and jisik's
Pagefind index (`pagefind/`) included (two builds of the same tree give the same bytes there too).
Prints the differing files with the first lines of their diff, and exits 1 if there are any.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark import config_text, generate  # noqa: E402

IGNORED: tuple[str, ...] = ()
"""Output paths (or folder prefixes) left out of the comparison: none."""
ARTICLES = 200


def checkout(rev: str, target: Path) -> Path:
    """The plugin's source at `rev` (its `plugins/` folder, which holds the `jisik` package)."""
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "plugins"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target / "plugins"


def sites(base: Path) -> dict[str, Path]:
    repo = base / "repo"
    repo.mkdir(parents=True)
    for name in ("docs", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    made = {"repo": repo}
    for name, search in (("corpus-search", True), ("corpus-material-search", False)):
        site = base / name
        generate(site / "docs", ARTICLES, random.Random(20261127))
        text = config_text(True)
        if not search:
            text = text.replace(
                "  - jisik\n", "  - search:\n      lang: ko\n  - jisik:\n      search: {enabled: false}\n"
            )
        (site / "mkdocs.yml").write_text(text, encoding="utf-8")
        made[name] = site
    return made


def build(site: Path, out: Path, pythonpath: str | None) -> None:
    env = dict(
        os.environ, SOURCE_DATE_EPOCH="1764460800", PYTHONHASHSEED="0", SITE_URL="https://example.org/kb/"
    )
    env.pop("PYTHONPATH", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    answer = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if answer.returncode != 0:
        raise SystemExit(f"build of {site} failed:\n{answer.stderr[-3000:]}")


def files(folder: Path) -> dict[str, bytes]:
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not any(rel == i or rel.startswith(i) for i in IGNORED):
            out[rel] = path.read_bytes()
    return out


def compare(name: str, before: dict[str, bytes], after: dict[str, bytes], lines: int) -> int:
    differing = 0
    for rel in sorted(before.keys() | after.keys()):
        old, new = before.get(rel), after.get(rel)
        if old == new:
            continue
        differing += 1
        if old is None or new is None:
            print(f"{name}: {rel}: only in {'the working tree' if old is None else 'REV'}")
            continue
        print(f"{name}: {rel}: differs")
        if rel.endswith(".json"):
            paths = sorted(set(_json_diff(json.loads(old), json.loads(new), "")))
            keys = sorted({p.rsplit("/", 1)[-1] for p in paths})
            print(f"    {len(paths)} JSON values differ, under the keys {keys}: {paths[:lines]}")
            continue
        diff = difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(),
            new.decode("utf-8", "replace").splitlines(),
            lineterm="",
            n=0,
        )
        for line in list(diff)[2 : 2 + lines]:
            print(f"    {line[:300]}")
    print(f"{name}: {len(before.keys() | after.keys())} files, {differing} differ")
    return differing


def _json_diff(old: object, new: object, path: str) -> list[str]:
    """The paths (`docs/3/tags`) of the JSON values that differ."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [p for k in old.keys() | new.keys() for p in _json_diff(old.get(k), new.get(k), f"{path}/{k}")]
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [
            p for n, (a, b) in enumerate(zip(old, new, strict=True)) for p in _json_diff(a, b, f"{path}/{n}")
        ]
    return [] if old == new else [path]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("rev", help="the git revision to compare with (e.g. main)")
    parser.add_argument("--lines", type=int, default=8, help="diff lines shown per differing file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jisik-same-") as temp:
        base = Path(temp)
        old_code = checkout(args.rev, base / "old")
        made = sites(base / "sites")
        total = 0
        for name, site in made.items():
            build(site, base / "out" / name / "site", str(old_code))
            before = base / "out" / name / "before"
            (base / "out" / name / "site").rename(before)
            build(site, base / "out" / name / "site", str(ROOT / "plugins"))
            total += compare(name, files(before), files(base / "out" / name / "site"), args.lines)
    print("identical" if total == 0 else f"{total} files differ")
    return 0 if total == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
