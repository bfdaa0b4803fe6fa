# Shared by scripts/serve and scripts/test: make .venv and install jisik into it when needed.
# Usage: source scripts/_venv.sh EXTRA   (EXTRA is "" or "[test]")
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NO_MKDOCS_2_WARNING=1 PIP_DISABLE_PIP_VERSION_CHECK=1
extra="${1:-}"
stamp=".venv/.installed${extra//[^a-z]/-}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "Installing jisik$extra into .venv …"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".$extra"
  touch "$stamp"
fi
# Pagefind 1.6 from npm (its binary ships inside the npm package): it splits a Korean index into small
# chunks, which PyPI's pagefind-bin 1.5.2 does not. Without npm, search still works with a degraded index.
pagefind_version=1.6.0
if [ ! -f ".venv/pagefind/.installed-$pagefind_version" ] && command -v npm >/dev/null; then
  echo "Installing Pagefind $pagefind_version from npm into .venv/pagefind …"
  if npm install --silent --no-audit --no-fund --prefix .venv/pagefind "pagefind@$pagefind_version"; then
    touch ".venv/pagefind/.installed-$pagefind_version"
  else
    echo "npm could not install Pagefind $pagefind_version: search runs PyPI's Pagefind 1.5.2 (degraded index)" >&2
  fi
fi
