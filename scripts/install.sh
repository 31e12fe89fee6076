#!/usr/bin/env bash
# Installs what Regie needs and skips what is already there.
#   scripts/install.sh run    Python packages (uv), front-end assets, WeasyPrint's libraries
#   scripts/install.sh test   the same, plus Debian's chromium and PostgreSQL for the tests
# System packages come from apt, only when missing (checked with dpkg -s); sudo only when not root.
set -euo pipefail
cd "$(dirname "$0")/.."
doel=${1:-run}
export PATH="$HOME/.local/bin:$PATH"

zeg() { printf '==> %s\n' "$*"; }

apt_installeer() {
    local ontbreekt=() pakket sudo=""
    if ! command -v dpkg >/dev/null 2>&1; then
        echo "Let op: geen Debian of Ubuntu. Zorg zelf voor: $*" >&2
        return 0
    fi
    for pakket in "$@"; do
        dpkg -s "$pakket" >/dev/null 2>&1 || ontbreekt+=("$pakket")
    done
    [ ${#ontbreekt[@]} -eq 0 ] && return 0
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    zeg "apt-get install ${ontbreekt[*]}"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${ontbreekt[@]}"
}

# Python: uv, then the locked packages (with the dev group: tests, ruff).
if ! command -v uv >/dev/null 2>&1; then
    python3 -m pip --version >/dev/null 2>&1 || apt_installeer python3-pip
    zeg "pip install uv"
    python3 -m pip install --user --quiet uv 2>/dev/null ||
        python3 -m pip install --user --quiet --break-system-packages uv
fi
uv sync --quiet

# WeasyPrint (PDF letters) needs Pango.
apt_installeer libpango-1.0-0 libpangoft2-1.0-0

# Front-end: NL Design System CSS, htmx and axe-core from npm, copied into regie/static/vendor.
command -v npm >/dev/null 2>&1 || apt_installeer nodejs npm
if [ ! -f node_modules/.package-lock.json ] ||
    [ package.json -nt node_modules/.package-lock.json ] ||
    { [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    if [ -f package-lock.json ]; then
        zeg "npm ci"
        npm ci --no-audit --no-fund --loglevel=error
    else
        zeg "npm install"
        npm install --no-audit --no-fund --loglevel=error
    fi
fi
node scripts/vendor-assets.mjs >/dev/null

if [ "$doel" = "test" ]; then
    # Browser tests drive Debian's chromium; the suite also runs on a throwaway PostgreSQL.
    apt_installeer chromium postgresql
fi
