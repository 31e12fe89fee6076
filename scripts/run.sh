#!/usr/bin/env bash
# `make run`: start the DUO simulator and a task worker in the background, then Regie in the
# foreground. Ctrl+C stops all three. Expects `make install`, migrate and the demo data done.
# The worker writes a line per task: those go to a log file (new on every start), so the
# terminal keeps the log-ins and addresses readable.
#   DUO_SIMULATOR_PORT (8001), DUO_SIMULATOR_STATE (var/duo-simulator.json),
#   DUO_SIMULATOR_DEMO_INTERVAL (60: a DUO event every minute; 0 = none), REGIE_PORT (8000),
#   REGIE_WORKER_LOG (var/log/worker.log)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/bin:$PATH"
export REGIE_DEMO=1

poort_simulator=${DUO_SIMULATOR_PORT:-8001}
poort_regie=${REGIE_PORT:-8000}
worker_log=${REGIE_WORKER_LOG:-var/log/worker.log}
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
mkdir -p "$(dirname "$worker_log")"
"$python" manage.py db_worker --queue-name '*' --no-reload --interval 1 >"$worker_log" 2>&1 &
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

if ! kill -0 "${kinderen[1]}" 2>/dev/null; then
    echo "De taken-worker start niet. Het einde van $worker_log:" >&2
    tail -n 20 "$worker_log" >&2
    exit 1
fi

echo "DUO-simulator op http://127.0.0.1:$poort_simulator/v1 (beheer: http://127.0.0.1:$poort_simulator/_simulator/)."
echo "De taken-worker draait op de achtergrond; wat hij doet staat in $worker_log."
echo "Regie start op http://127.0.0.1:$poort_regie/ (stoppen met Ctrl+C)."
"$python" manage.py runserver "127.0.0.1:$poort_regie"
