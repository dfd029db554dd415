#!/usr/bin/env bash
# Load benchmark of Rapport's public pages against a bare actix-web handler
# serving the same bytes (examples/bare_server.rs): the ceiling on this
# machine. Each server runs with one worker pinned to one core, wrk on
# another; Rapport and the bare handler alternate, page by page.
#
#   benches/load/run.sh                  # this tree
#   benches/load/run.sh --rev 677ead6    # another revision's server, same bare handler
#
# Environment (all optional):
#   DURATION=10s  ROUNDS=2  CONNECTIONS="64 256"  JOBS=30 (generated jobs)
#   SERVER_CPU=0  LOAD_CPU=1
#   RAPPORT_BIN=path       measure this binary instead of building one
#   BARE_BIN=path          use this bare handler instead of building it
#   LOADER_BIN=path        use this examples/load_candidates instead of building it
#   CANDIDATES=3000        candidates with an open round of questions, made
#                          before the server starts, for the submit scenario
#                          (each run takes the rows after the last run's):
#                          requests beyond them re-submit a round already
#                          submitted (a cheaper answer), so keep it above
#                          submissions/s x DURATION x runs
#   POSTS=0                leave out the apply and submit scenarios
#   EXTRA_TARGETS="name|path|wrk-lua-script ..."   more scenarios; the script
#                          may be empty for a GET of the path
#   KEEP=1                 keep the working folder (database, pages, logs)
#   ONLY="apply submit"    measure only these scenarios (names as printed)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-"64 256"}
JOBS=${JOBS:-30}
SERVER_CPU=${SERVER_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
EXTRA_TARGETS=${EXTRA_TARGETS:-}
CANDIDATES=${CANDIDATES:-3000}
POSTS=${POSTS:-1}
REV=""
while [ $# -gt 0 ]; do
    case "$1" in
        --rev) REV="$2"; shift 2 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

say() { echo "== $*" >&2; }

# --- tools -------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    say "installing wrk from Debian's packages"
    if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
for tool in curl taskset; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

WORK=$(mktemp -d /tmp/rapport-load.XXXXXX)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else say "kept $WORK"; fi
}
trap cleanup EXIT

# --- build -------------------------------------------------------------
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
if [ -n "${BARE_BIN:-}" ]; then
    BARE="$BARE_BIN"
else
    say "building the bare handler"
    (cd "$ROOT" && cargo build --release --quiet --example bare_server)
    BARE="$CARGO_TARGET_DIR/release/examples/bare_server"
fi
if [ "$POSTS" = 1 ] && [ -n "${LOADER_BIN:-}" ]; then
    LOADER="$LOADER_BIN"
elif [ "$POSTS" = 1 ]; then
    say "building the candidate loader"
    (cd "$ROOT" && cargo build --release --quiet --example load_candidates)
    LOADER="$CARGO_TARGET_DIR/release/examples/load_candidates"
fi
if [ -n "${RAPPORT_BIN:-}" ]; then
    BIN="$RAPPORT_BIN"
elif [ -n "$REV" ]; then
    say "building rapport at $REV"
    git -C "$ROOT" archive --format=tar "$REV" | (mkdir -p "$WORK/src-$REV" && tar -x -C "$WORK/src-$REV")
    (cd "$WORK/src-$REV" && cargo build --release --quiet --bin rapport)
    cp "$CARGO_TARGET_DIR/release/rapport" "$WORK/rapport-$REV"
    BIN="$WORK/rapport-$REV"
    # Leave the target folder with this tree's binary again.
    (cd "$ROOT" && touch src/main.rs && cargo build --release --quiet --bin rapport)
else
    say "building rapport"
    (cd "$ROOT" && cargo build --release --quiet --bin rapport)
    BIN="$CARGO_TARGET_DIR/release/rapport"
fi

# --- data --------------------------------------------------------------
PORT=18080
BARE_PORT=18081
BASE="http://127.0.0.1:$PORT"
export DATABASE_URL="sqlite://$WORK/rapport.db"
export RAPPORT_LISTEN="127.0.0.1:$PORT"
export RAPPORT_BASE_URL="$BASE"
export RAPPORT_MAIL_DIR="$WORK/mail"
export RAPPORT_UPLOAD_DIR="$WORK/uploads"
export RAPPORT_QUESTIONNAIRE_DIR="$ROOT/questionnaires"
export RAPPORT_WORKERS=1
say "loading the demo"
"$BIN" migrate >/dev/null 2>&1
"$BIN" demo >"$WORK/demo.txt" 2>&1
printf 'load benchmark password' | "$BIN" user add --email bench@example.com --name Bench \
    --role owner --password-stdin >/dev/null 2>&1

if [ "$POSTS" = 1 ]; then
    say "opening $CANDIDATES candidate sessions with questions to submit"
    SCREEN_SLUG=$("$LOADER" "$DATABASE_URL" "$RAPPORT_QUESTIONNAIRE_DIR" "$CANDIDATES" "$WORK/candidates.tsv")
fi

taskset -c "$SERVER_CPU" "$BIN" serve >"$WORK/rapport.log" 2>&1 &
RAPPORT_PID=$!
PIDS+=("$RAPPORT_PID")
for _ in $(seq 100); do
    curl -fs "$BASE/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done

JAR="$WORK/cookies"
token() { curl -s -b "$JAR" -c "$JAR" "$BASE$1" | grep -o 'name="csrf_token" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "csrf_token=$(token /login)" \
    --data-urlencode "email=bench@example.com" --data-urlencode "password=load benchmark password" "$BASE/login"
say "generating $JOBS published jobs"
SECTION=$(printf 'You answer **emails** and chats from people who sell on our platform. %.0s' $(seq 8))
for i in $(seq "$JOBS"); do
    # A session's writes to the API carry the page's CSRF token.
    id=$(curl -s -b "$JAR" -c "$JAR" -H 'content-type: application/json' \
        -H "X-CSRF-Token: $(token /admin/jobs/new)" "$BASE/api/v1/admin/jobs" -d "{
      \"title\": \"Support Specialist $i\", \"workplace\": \"remote\", \"remote_regions\": \"Europe\",
      \"employment_type\": \"full_time\", \"salary_min\": \"40000\", \"salary_max\": \"48000\",
      \"salary_currency\": \"EUR\", \"salary_period\": \"year\",
      \"languages\": [\"en\", \"fr\"], \"fluencies\": [\"native\", \"professional\"],
      \"channels\": [\"email\", \"live_chat\"], \"tools\": \"Help Scout, Shopify\",
      \"tier1\": \"70\", \"tier2\": \"20\", \"tier3\": \"10\",
      \"typical_day\": \"$SECTION\", \"technical\": \"- Read logs\\n- Reproduce bugs\\n- Write [docs](https://example.com)\",
      \"looking_for\": \"Kind and curious people.\", \"company_culture\": \"A small team.\",
      \"how_to_apply\": \"Apply with the form.\", \"pass_mark\": \"50\", \"decision_rule\": \"unanimous\"
    }" | grep -o '"id":"[^"]*"' | head -1 | sed 's/"id":"//;s/"$//')
    curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "csrf_token=$(token /admin/jobs/new)" \
        --data-urlencode "confirm=yes" "$BASE/admin/jobs/$id/publish"
done
SLUG=$(curl -s "$BASE/api/v1/jobs" | grep -o '"slug":"[^"]*"' | tail -1 | sed 's/"slug":"//;s/"$//')
OPEN=$(curl -s "$BASE/api/v1/jobs" | grep -o '"slug":"' | wc -l)
say "$OPEN open jobs; measuring /jobs/$SLUG among the pages"

# name|path|script
TARGETS=(
    "board|/jobs|"
    "job page|/jobs/$SLUG|"
    "feed|/jobs.atom|"
    "api list|/api/v1/jobs|"
    "api job|/api/v1/jobs/$SLUG|"
)
if [ "$POSTS" = 1 ]; then
    # One browser's CSRF nonce and form token serve every POST.
    FORM_TOKEN=$(token "/jobs/$SCREEN_SLUG/apply")
    NONCE=$(awk '$6 == "rapport_csrf" { v = $7 } END { print v }' "$JAR")
    # Applying: a multipart form like the browser's, a new address each time.
    cat >"$WORK/apply.lua" <<LUA
local n, run = 0, tostring(os.time()) .. "-" .. tostring(math.random(1, 1000000000))
local boundary = "----rapportload"
local function field(name, value)
  return "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"" .. name .. "\"\r\n\r\n" .. value .. "\r\n"
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.headers["Cookie"] = "rapport_csrf=$NONCE"
request = function()
  n = n + 1
  local body = field("csrf_token", "$FORM_TOKEN") .. field("name", "Load Applicant " .. n)
    .. field("email", "apply-" .. run .. "-" .. n .. "@example.com")
    .. field("languages", "en") .. field("fluencies", "fluent")
    .. field("location", "Lisbon, Portugal")
    .. field("cover_letter", "I read every ticket twice and answer it once; I like people and puzzles.")
    .. field("consent", "yes") .. "--" .. boundary .. "--\r\n"
  return wrk.format(nil, nil, nil, body)
end
LUA
    # Submitting: each request is another candidate's open round (see CANDIDATES).
    cat >"$WORK/submit.lua" <<LUA
local rows = {}
for line in io.lines("$WORK/candidates.tsv") do
  local cookie, body = line:match("([^\t]*)\t(.*)")
  rows[#rows + 1] = { cookie, body }
end
-- Each run starts after the rows earlier runs used (plus one per
-- connection for requests still in flight when they stopped).
local offset = 0
local used = io.open("$WORK/submit.used")
if used then offset = tonumber(used:read("*l")) or 0; used:close() end
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  i = i + 1
  local row = rows[((offset + i - 1) % #rows) + 1]
  return wrk.format(nil, nil, { ["Cookie"] = "rapport_candidate=" .. row[1] .. "; rapport_csrf=$NONCE",
    ["Content-Type"] = "application/x-www-form-urlencoded" }, row[2] .. "&csrf_token=$FORM_TOKEN")
end
done = function(summary)
  local f = io.open("$WORK/submit.used", "w")
  f:write(tostring(offset + summary.requests + 256))
  f:close()
end
LUA
    TARGETS+=("apply|/jobs/$SCREEN_SLUG/apply|$WORK/apply.lua" "submit|/candidate/submit|$WORK/submit.lua")
fi
for extra in $EXTRA_TARGETS; do TARGETS+=("$extra"); done
if [ -n "${ONLY:-}" ]; then
    chosen=()
    for target in "${TARGETS[@]}"; do
        IFS='|' read -r name _ <<<"$target"
        for wanted in $ONLY; do
            [ "${name// /_}" = "$wanted" ] && chosen+=("$target")
        done
    done
    TARGETS=("${chosen[@]}")
fi

# --- the same bytes for the bare handler ---------------------------------
: >"$WORK/manifest"
n=0
for target in "${TARGETS[@]}"; do
    IFS='|' read -r _ path script <<<"$target"
    [ -n "$script" ] && continue
    n=$((n + 1))
    type=$(curl -s -o "$WORK/page-$n" -w '%{content_type}' "$BASE$path")
    printf '%s\t%s\t%s\n' "$path" "$WORK/page-$n" "$type" >>"$WORK/manifest"
done
taskset -c "$SERVER_CPU" "$BARE" "127.0.0.1:$BARE_PORT" "$WORK/manifest" >"$WORK/bare.log" 2>&1 &
BARE_PID=$!
PIDS+=("$BARE_PID")
for _ in $(seq 50); do
    curl -fs -o /dev/null "http://127.0.0.1:$BARE_PORT/jobs" && break
    sleep 0.2
done

# --- measuring ---------------------------------------------------------
MAX_THREADS="$WORK/max-threads"
echo 0 >"$MAX_THREADS"
sample_threads() {
    while kill -0 "$RAPPORT_PID" 2>/dev/null; do
        t=$(awk '/^Threads:/ {print $2}' "/proc/$RAPPORT_PID/status" 2>/dev/null || echo 0)
        [ "${t:-0}" -gt "$(cat "$MAX_THREADS")" ] && echo "$t" >"$MAX_THREADS"
        sleep 0.25
    done
}
sample_threads &
PIDS+=($!)

# Prints "requests/s p50_ms p99_ms errors" for one wrk run.
measure() {
    local url=$1 conns=$2 script=$3 out
    local args=(-t1 -c"$conns" -d"$DURATION" --latency)
    [ -n "$script" ] && args+=(-s "$script")
    out=$(taskset -c "$LOAD_CPU" wrk "${args[@]}" "$url" 2>&1)
    echo "$out" >>"$WORK/wrk.log"
    echo "$out" | awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/) return substr(v, 1, length(v) - 1) * 1000
            return v
        }
        /^ *50%/ { p50 = ms($2) }
        /^ *99%/ { p99 = ms($2) }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx/ { err = $NF }
        /Socket errors/ { err = err "+sock" }
        END { printf "%.0f %.2f %.2f %s\n", rps, p50, p99, (err == "" ? 0 : err) }'
}

printf '\n%-10s %5s %5s | %9s %7s %7s | %9s %7s %7s | %6s %s\n' \
    page conns round "rapport/s" "p50 ms" "p99 ms" "bare/s" "p50 ms" "p99 ms" ratio errors
for target in "${TARGETS[@]}"; do
    IFS='|' read -r name path script <<<"$target"
    for conns in $CONNECTIONS; do
        for round in $(seq "$ROUNDS"); do
            read -r r_rps r_p50 r_p99 r_err <<<"$(measure "$BASE$path" "$conns" "$script")"
            if [ -n "$script" ]; then
                b_rps=0 b_p50=0 b_p99=0 ratio="-"
            else
                read -r b_rps b_p50 b_p99 _ <<<"$(measure "http://127.0.0.1:$BARE_PORT$path" "$conns" "")"
                ratio=$(awk -v a="$r_rps" -v b="$b_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
            fi
            printf '%-10s %5s %5s | %9s %7s %7s | %9s %7s %7s | %6s %s\n' \
                "${name// /_}" "$conns" "$round" "$r_rps" "$r_p50" "$r_p99" "$b_rps" "$b_p50" "$b_p99" "$ratio" "$r_err"
        done
    done
done

echo
echo "rapport peak memory (VmHWM): $(awk '/^VmHWM:/ {print $2, $3}' "/proc/$RAPPORT_PID/status")"
echo "rapport threads: $(awk '/^Threads:/ {print $2}' "/proc/$RAPPORT_PID/status") now, $(cat "$MAX_THREADS") at most"
# CPU time is steadier than requests/s on a shared machine: divided by the
# requests served it gives each request's cost on the server's core.
awk -v hz="$(getconf CLK_TCK)" '{ printf "rapport CPU time: user %.2f s + system %.2f s\n", $14 / hz, $15 / hz }' "/proc/$RAPPORT_PID/stat"
echo "bare handler peak memory (VmHWM): $(awk '/^VmHWM:/ {print $2, $3}' "/proc/$BARE_PID/status")"
if [ "$POSTS" = 1 ]; then
    echo "applications stored: $(sqlite3 "$WORK/rapport.db" 'select count(*) from applications' 2>/dev/null || echo '?')"
    echo "rounds submitted: $(sqlite3 "$WORK/rapport.db" "select count(*) from screenings where status = 'submitted'" 2>/dev/null || echo '?') of $CANDIDATES prepared (requests beyond them re-submitted one)"
fi
echo "load on the machine (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg)"
