#!/usr/bin/env bash
# Every check `make test` (and CI) runs: ruff, the import layers (.importlinter), the API Design
# Rules linter on openapi.yaml, the whole pytest suite on SQLite, then the suite again on a
# throwaway PostgreSQL cluster in /tmp that is removed afterwards. Both runs include schemathesis
# against the API (tests/test_schemathesis.py), on both databases because a server error can be
# one database's. Two parts run once, to stay inside the 10-minute CI budget: the browser tests on SQLite (they drive the same
# views and services the rest of the suite runs on PostgreSQL too) and the access matrix on
# PostgreSQL, the production database (who may do what does not depend on the database; it is
# the slowest part, ~4,800 requests). Without PostgreSQL (outside CI) the matrix runs on SQLite.
# Arguments go to pytest, e.g. scripts/test.sh regie/demo -x
# Exit status: non-zero when any part fails. Without PostgreSQL the second run is skipped
# with a message, except in CI (CI=true), where that is a failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/bin:$PATH"

resultaat=0
zeg() { printf '\n==> %s\n' "$*"; }
pytest_args=(-q -n 2) # two workers: pytest-xdist, two cores

zeg "ruff check"
uv run ruff check . || resultaat=1

zeg "lagen van de code (import-linter, .importlinter)"
uv run lint-imports --no-cache || resultaat=1

# Logius' Spectral ruleset, copied into the repository (api-design-rules/SOURCE.md); spectral-cli
# comes from package.json. The committed openapi.yaml is what a client reads, and a test checks
# that it matches the code, so linting that file lints the API.
zeg "API Design Rules (spectral) op openapi.yaml"
npx --no-install spectral lint -r api-design-rules/linter.yaml openapi.yaml || resultaat=1

zeg "pytest op SQLite (zonder de toegangsmatrix)"
env -u REGIE_DATABASE_URL uv run pytest "${pytest_args[@]}" -m "not matrix" "$@" || resultaat=1

postgres_mislukt() {
    if [ "${CI:-}" = "true" ]; then
        echo "PostgreSQL kon niet starten, en in CI is dat een fout: $1" >&2
        exit 1
    fi
    echo "PostgreSQL-tests overgeslagen: $1"
    zeg "toegangsmatrix op SQLite"
    env -u REGIE_DATABASE_URL uv run pytest "${pytest_args[@]}" -m matrix "$@" || resultaat=1
    exit "$resultaat"
}

bindir=""
for kandidaat in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$kandidaat/initdb" ]; then
        bindir=$kandidaat
        break
    fi
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
    bindir=$(dirname "$(command -v initdb)")
fi
[ -n "$bindir" ] || postgres_mislukt "initdb niet gevonden (installeer het pakket postgresql)."

# PostgreSQL refuses to run as root: then the cluster belongs to the user postgres.
als=()
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || postgres_mislukt "de gebruiker postgres bestaat niet."
    als=(runuser -u postgres --)
fi

pgdir=$(mktemp -d /tmp/regie-pg.XXXXXX)
[ ${#als[@]} -eq 0 ] || chown postgres: "$pgdir"
stop_postgres() {
    ${als[@]+"${als[@]}"} "$bindir/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$pgdir"
}
trap stop_postgres EXIT

zeg "PostgreSQL starten ($bindir, socket in $pgdir)"
${als[@]+"${als[@]}"} "$bindir/initdb" -D "$pgdir/data" -U postgres --auth=trust --no-locale -E UTF8 \
    >"$pgdir/initdb.log" 2>&1 || postgres_mislukt "initdb mislukte: $(tail -n 3 "$pgdir/initdb.log")"
# Only a unix socket in the private directory: no TCP port, so no clash with another server.
cat >>"$pgdir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$pgdir'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
${als[@]+"${als[@]}"} "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 start >/dev/null ||
    postgres_mislukt "pg_ctl start mislukte: $(tail -n 3 "$pgdir/server.log" 2>/dev/null)"
"$bindir/createdb" -h "$pgdir" -p 5432 -U postgres regie ||
    postgres_mislukt "createdb mislukte."

zeg "pytest op PostgreSQL (zonder de browsertests)"
REGIE_DATABASE_URL="postgres://postgres@${pgdir//\//%2F}:5432/regie" \
    uv run pytest "${pytest_args[@]}" -m "not browser" "$@" || resultaat=1

if [ "$resultaat" -eq 0 ]; then
    zeg "Alles geslaagd (ruff, API Design Rules, SQLite, PostgreSQL)."
else
    zeg "Er is iets mislukt: zie hierboven."
fi
exit "$resultaat"
