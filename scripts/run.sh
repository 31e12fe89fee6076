#!/usr/bin/env bash
# `make run`: start the DUO simulator and a task worker in the background, then Regie in the
# foreground. Ctrl+C stops all three. Expects `make install`, migrate and the demo data done.
#   DUO_SIMULATOR_PORT (8001), DUO_SIMULATOR_STATE (var/duo-simulator.json),
#   DUO_SIMULATOR_DEMO_INTERVAL (60: a DUO event every minute; 0 = none), REGIE_PORT (8000)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/bin:$PATH"
export REGIE_DEMO=1

poort_simulator=${DUO_SIMULATOR_PORT:-8001}
poort_regie=${REGIE_PORT:-8000}
export REGIE_DUO_BASE_URL=${REGIE_DUO_BASE_URL:-http://127.0.0.1:$poort_simulator/v1}
export REGIE_NOTIFICATIE_URL=${REGIE_NOTIFICATIE_URL:-http://127.0.0.1:$poort_regie/duo/v1/notificaties}
python=$(uv run --no-sync python -c 'import sys; print(sys.executable)')

kinderen=()
stop() {
    trap - EXIT INT TERM
    for pid in "${kinderen[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${kinderen[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
}
trap stop EXIT
trap 'exit 130' INT TERM

"$python" -m duo_simulator --port "$poort_simulator" --state "${DUO_SIMULATOR_STATE:-var/duo-simulator.json}" \
    --demo-interval "${DUO_SIMULATOR_DEMO_INTERVAL:-60}" --quiet &
kinderen+=($!)
"$python" manage.py db_worker --queue-name '*' --no-reload --interval 1 &
kinderen+=($!)

# the simulator reads DUO's specifications at start (a few seconds)
for _ in $(seq 1 300); do
    if "$python" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$poort_simulator/_simulator/', timeout=1)" 2>/dev/null; then
        break
    fi
    if ! kill -0 "${kinderen[0]}" 2>/dev/null; then
        echo "De DUO-simulator start niet (is poort $poort_simulator bezet?)." >&2
        exit 1
    fi
    sleep 0.2
done

echo "DUO-simulator op http://127.0.0.1:$poort_simulator/v1 (beheer: http://127.0.0.1:$poort_simulator/_simulator/)."
echo "Regie start op http://127.0.0.1:$poort_regie/ (stoppen met Ctrl+C)."
"$python" manage.py runserver "127.0.0.1:$poort_regie"
