#!/usr/bin/env bash
# Instructions per submission on the server, counted by callgrind: unlike
# requests per second, the count is the same from run to run whatever else
# the machine is doing, so two builds compare on a shared machine.
#
#   benches/load/instructions.sh BINARY [BINARY...]
#
# Prepares a database with benches/load/run.sh (KEEP=1, a one-second submit
# run), then for each binary: starts it under valgrind on a copy of that
# database, warms it up, counts instructions over 20 seconds of submissions
# (16 connections) and divides by the rounds stored meanwhile.
# Needs valgrind, wrk and sqlite3 (Debian's packages); BARE_BIN and
# LOADER_BIN as for run.sh.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BINARY [BINARY...]" >&2; exit 2; }
for tool in valgrind callgrind_control wrk sqlite3; do
    command -v "$tool" >/dev/null || { echo "$tool is needed (apt-get install valgrind wrk sqlite3)" >&2; exit 1; }
done

log=$(mktemp)
KEEP=1 RAPPORT_BIN="$1" ONLY=submit DURATION=1s ROUNDS=1 CONNECTIONS=64 CANDIDATES=20000 JOBS=2 \
    bash "$ROOT/benches/load/run.sh" >"$log" 2>&1
PREPARED=$(sed -n 's/^== kept //p' "$log")
[ -d "$PREPARED" ] || { cat "$log" >&2; exit 1; }

PORT=18090
for bin in "$@"; do
    work=$(mktemp -d /tmp/rapport-instructions.XXXXXX)
    cp -r "$PREPARED/." "$work"
    sed -i "s#$PREPARED#$work#g" "$work/submit.lua"
    echo 2000 >"$work/submit.used"
    DATABASE_URL="sqlite://$work/rapport.db" RAPPORT_LISTEN="127.0.0.1:$PORT" \
        RAPPORT_BASE_URL="http://127.0.0.1:$PORT" RAPPORT_MAIL_DIR="$work/mail" \
        RAPPORT_UPLOAD_DIR="$work/uploads" RAPPORT_QUESTIONNAIRE_DIR="$ROOT/questionnaires" \
        RAPPORT_WORKERS=1 valgrind --tool=callgrind --instr-atstart=no \
        --callgrind-out-file="$work/callgrind.out" "$bin" serve >"$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 300); do
        curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        sleep 0.5
    done
    # Statements prepared, questionnaires and dictionaries loaded.
    wrk -t1 -c8 -d5s -s "$work/submit.lua" "http://127.0.0.1:$PORT/candidate/submit" >/dev/null
    stored() { sqlite3 "$work/rapport.db" "select count(*) from screenings where status = 'submitted'"; }
    before=$(stored)
    callgrind_control -i on "$pid" >/dev/null 2>&1
    wrk -t1 -c16 -d20s -s "$work/submit.lua" "http://127.0.0.1:$PORT/candidate/submit" >/dev/null
    callgrind_control -i off "$pid" >/dev/null 2>&1
    after=$(stored)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    total=$(grep '^totals:' "$work/callgrind.out" | tail -1 | awk '{print $2}')
    echo "$bin: $((after - before)) rounds stored, $total instructions, $((total / (after - before))) per submission ($work/callgrind.out)"
done
rm -rf "$PREPARED" "$log"
