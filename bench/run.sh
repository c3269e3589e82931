#!/usr/bin/env bash
# Load benchmark of the dev host on a fresh SQLite store: builds Release, seeds a campaign of codes, customers,
# products and validation rules, drives each scenario with wrk over loopback, and prints one table.
# A benchmark, not a test.
#   bench/run.sh [codes] [seconds per scenario] [connections]
#   BENCH_MILLION=1 bench/run.sh ...   also times the generation of 1,000,000 codes (several minutes)
#   WARMUP=30 (default) seconds of unmeasured load before each scenario
#   HALF=0 skips the runs at half the maximum load
#   FLOOR=0 skips redeem-floor: the same store then served by bench/Voucherify.Floor, validate plus the least a
#           redemption writes (see bench/README.md), the most any redeem could reach here
#   SCENARIOS="redeem-limited ..." measures only the scenarios named (default: all)
#   HALF_TARGET=1500 runs the half-load runs at that rate instead of half of what each scenario reached, so two builds
#           or settings compared run at the same rate (bench/README.md, "Comparing two builds")
#   HOST_ARGS="--Voucherify:ChangeFeed:PollInterval=01:00:00" extra arguments of the dev host (settings to compare)
#   PACE_FIXED=1 the half-load runs' connections wait exactly PACE_MS after each answer, in step, as before the
#           twenty-sixth session (default: waits drawn at random with that mean; bench/wrk/common.lua)
set -euo pipefail

codes=${1:-100000}
seconds=${2:-10}
connections=${3:-32}
warmup=${WARMUP:-30}
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port=7181
base="http://127.0.0.1:$port"
auth=(-H "X-App-Id: dev-app-id" -H "X-App-Token: dev-app-token" -H "Content-Type: application/json")
export WRK_DIR="$root/bench/wrk"

command -v wrk >/dev/null || { echo "wrk is missing: sudo apt-get install -y wrk"; exit 1; }
# Another host on the port would answer in place of the one started here, on a store already seeded.
! curl -s -o /dev/null "$base/health" || { echo "something already listens on $base: stop it first"; exit 1; }

dotnet build "$root/functions/Voucherify.DevHost" -c Release -nologo -v quiet >/dev/null
[ "${FLOOR:-1}" = 1 ] && dotnet build "$root/bench/Voucherify.Floor" -c Release -nologo -v quiet >/dev/null
start_host() { # project, then its extra arguments
  local project=$1; shift
  dotnet "$root/$project/bin/Release/net10.0/${project##*/}.dll" \
    --urls "$base" --Voucherify:SqlitePath="$work/bench.db" "$@" >>"$work/host.log" 2>&1 &
  host=$!
  until curl -sf "$base/health" >/dev/null; do sleep 0.2; done
}
trap 'kill $host 2>/dev/null || true; rm -rf "$work"' EXIT
# shellcheck disable=SC2086 # the arguments are split on purpose
start_host functions/Voucherify.DevHost ${HOST_ARGS:-}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$host/stat"; }
# Waits (up to 120 s) until the host has used under 5% of a core for a second: the change feed has caught up with
# what the last phase wrote, so its work is charged to that phase and not to the next one.
settle() {
  local i before
  for i in $(seq 1 120); do
    before=$(cpu_ticks); sleep 1
    [ $(( $(cpu_ticks) - before )) -lt 5 ] && return 0
  done
  echo "  (the host was still busy after 120 s)" >&2
}
ticks_per_second=$(getconf CLK_TCK)
# Microseconds that every task of the machine was stalled on I/O at once (Linux PSI, "full"); 0 where not exposed. A
# device that stalls now and then (seen on VMs) shows here, so a p99.9 of hundreds of ms can be told from the host's own.
io_stall_us() {
  if [ -r /proc/pressure/io ]; then awk '/^full/ { sub("total=", "", $5); print $5; found = 1 } END { if (!found) print 0 }' /proc/pressure/io; else echo 0; fi
}

# Read requests the store's block device served (0 where it cannot be found). The store fits in memory, so a read
# means the kernel dropped a page the host still used; a WAL frame (4,096 + 24 bytes) never fills whole blocks, so a
# commit that writes into a dropped block waits for it to be read first (fifteenth session: the stalls of hundreds of ms
# on the bench VM, whose DAMON scheme pages out file pages it finds idle, were such reads).
store_device=$(basename "$(readlink -f "$(df --output=source "$work" 2>/dev/null | tail -1)")")
disk_reads() { if [ -r "/sys/class/block/$store_device/stat" ]; then awk '{print $1}' "/sys/class/block/$store_device/stat"; else echo 0; fi; }
# The machine's I/O counters before a measured run, and what the run added to them as the table's fields.
io_marks() { echo "$(io_stall_us) $(disk_reads)"; }
io_since() { # marks
  local stalled reads; read -r stalled reads <<<"$1"
  echo "io_ms=$(( ($(io_stall_us) - stalled) / 1000 )) reads=$(( $(disk_reads) - reads ))"
}

field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }

echo "Seeding: a campaign of $codes codes, an unlimited and a limited voucher"
started=$(date +%s.%N)
action=$(curl -s "${auth[@]}" "$base/v1/campaigns" -d "{\"name\":\"Bench\",\"vouchers_count\":$codes,
  \"voucher\":{\"type\":\"DISCOUNT_VOUCHER\",\"discount\":{\"type\":\"PERCENT\",\"percent_off\":10,\"amount_limit\":5000},
  \"code_config\":{\"length\":10}}}" | field async_action_id)
if [ -n "$action" ]; then
  until curl -s "${auth[@]}" "$base/v1/async-actions/$action" | grep -q '"status":"DONE"'; do sleep 0.5; done
fi
generation=$(echo "$(date +%s.%N) - $started" | bc)
curl -s "${auth[@]}" "$base/v1/vouchers" -d '{"code":"BENCH-UNLIMITED","type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":1000}}' >/dev/null
curl -s "${auth[@]}" "$base/v1/vouchers" -d '{"code":"BENCH-LIMITED","type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":1000},"redemption":{"quantity":100000000}}' >/dev/null
# Routes that land later (customers, products, validation rules) are seeded when the host serves them.
post_status() { curl -s -o /dev/null -w '%{http_code}' "${auth[@]}" "$base$1" -d "$2"; }
# A route this build does not serve is skipped; any other refusal stops the run, since the seed it was to make would be
# missing from every measurement after it (the rule's assignment was refused unnoticed until the twenty-second session).
served() {
  local status; status=$(post_status "$1" "$2")
  case $status in
    2??) ;;
    404|405) echo "  $1 answers $status: not served by this build, skipped"; return 1;;
    *) echo "  $1 answered $status to $2: seeding failed" >&2; exit 1;;
  esac
}
if served /v1/customers '{"source_id":"bench-customer-0","name":"Bench Customer 0","email":"c0@bench.example"}'; then
  seq 1 999 | xargs -P4 -I{} curl -s -o /dev/null "${auth[@]}" "$base/v1/customers" \
    -d '{"source_id":"bench-customer-{}","name":"Bench Customer {}","email":"c{}@bench.example","metadata":{"tier":"gold"}}'
  echo "  1,000 customers"
fi
if served /v1/products '{"source_id":"prod_0","name":"Product 0","price":1000}'; then
  seq 1 199 | xargs -P4 -I{} curl -s -o /dev/null "${auth[@]}" "$base/v1/products" \
    -d '{"source_id":"prod_{}","name":"Product {}","price":{}00,"metadata":{"category":"bench"}}'
  echo "  200 products"
fi
rule='{"name":"Bench rules","rules":{"1":{"name":"order.amount","conditions":{"$more_than":[1000]}},"2":{"name":"order.amount","conditions":{"$less_than":[10000000]}},"3":{"name":"order.items.count","conditions":{"$more_than_or_equal":[1]}},"4":{"name":"customer.metadata","property":"tier","conditions":{"$is_not":["banned"]}},"logic":"1 and 2 and 3 and 4"}}'
reply=$(curl -s -w '\n%{http_code}' "${auth[@]}" "$base/v1/validation-rules" -d "$rule")
if [[ $(tail -1 <<<"$reply") =~ ^(404|405)$ ]]; then
  echo "  /v1/validation-rules answers $(tail -1 <<<"$reply"): not served by this build, skipped"
else
  rule_id=$(head -1 <<<"$reply" | field id)
  campaign_id=$(curl -s "${auth[@]}" "$base/v1/campaigns/Bench" | field id)
  served "/v1/validation-rules/$rule_id/assignments" "{\"related_object_type\":\"campaign\",\"related_object_id\":\"$campaign_id\"}" && echo "  validation rule with 4 conditions on the campaign"
fi

echo "Waiting for the change feed to catch up with the seeding"
settle

export CODES_FILE="$work/codes.txt"
# Up to 2,000 codes; a smaller campaign's pages run out first (grep finds nothing on an empty page, which is no error).
for page in $(seq 1 20); do
  curl -s "${auth[@]}" "$base/v1/vouchers?campaign=Bench&limit=100&page=$page" | { grep -o '"code":"[^"]*"' || true; } | cut -d'"' -f4
done >"$CODES_FILE"
# validate.lua's order (order.json) must pass the seeded rules, and an order under their minimum must not: a scenario
# that measured answers of another kind (a refusal, or rules never evaluated) would say nothing about validate.
order="\"order\":$(cat "$WRK_DIR/order.json")"
check_validate() { # order, what the answer must contain
  local reply; reply=$(curl -s "${auth[@]}" "$base/v1/vouchers/$(head -1 "$CODES_FILE")/validate" -d "{\"customer\":{\"source_id\":\"bench-customer-1\"},$1}")
  grep -q "$2" <<<"$reply" || { echo "validate answered $reply where $2 was expected: the seed is not what the scenarios assume" >&2; exit 1; }
}
check_validate "$order" '"valid":true'
[ -z "${rule_id:-}" ] || check_validate '"order":{"amount":500,"items":[{"source_id":"prod_1","quantity":1,"price":500}]}' '"key":"order_rules_violated"'

# Each scenario: a warm-up run (JIT tiering, connection and statement caches) that is not counted, a measured run,
# then the wait for the change feed to catch up. cpu_ms is the host's CPU (user + sys) over the measured run and that
# catch-up, per measured request: the cost of a request including the background work it causes.
run() { # name script
  local name=$1 script=$2 before result
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$WRK_DIR/$script" "$base" >/dev/null 2>&1
  settle
  before=$(cpu_ticks)
  local marks io; marks=$(io_marks)
  result=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$WRK_DIR/$script" "$base" 2>&1 | grep '^RESULT')
  io=$(io_since "$marks")
  settle
  local requests=${result##*requests=}
  echo "$result cpu_ms=$(echo "scale=3; ($(cpu_ticks) - $before) * 1000 / $ticks_per_second / $requests" | bc) $io" | sed "s/^RESULT/$name/"
}

# Latency at half the maximum load: each connection waits PACE_MS on average after every answer, so the rate is about
# connections / (PACE_MS + latency). A short probe finds the connections that give half the rate the scenario reached
# flat out; the measured run uses them. Its cpu_ms is left out: it is the same work as at full load.
pace_ms=10
rps_of() { sed 's/.*rps=\([0-9.]*\).*/\1/'; }
half() { # name script full_rps
  local name=$1 script=$2 target probe
  target=${HALF_TARGET:-$(echo "$3 / 2" | bc)}
  local conns=$(( (target * pace_ms + 999) / 1000 )); [ "$conns" -lt 2 ] && conns=2
  probe=$(PACE_MS=$pace_ms wrk -t2 -c"$conns" -d5s -s "$WRK_DIR/$script" "$base" 2>&1 | grep '^RESULT' | rps_of)
  conns=$(echo "c = $conns * $target / $probe + 0.5; scale=0; c / 1" | bc -l); [ "$conns" -lt 2 ] && conns=2
  settle
  local marks line; marks=$(io_marks)
  line=$(PACE_MS=$pace_ms wrk -t2 -c"$conns" -d"${seconds}s" -s "$WRK_DIR/$script" "$base" 2>&1 | grep '^RESULT' | sed "s/^RESULT/$name target=$target/")
  echo "$line $(io_since "$marks")"
  settle
}

results="$work/results.txt"
halves="$work/halves.txt"
: >"$halves"
wanted() { [ -z "${SCENARIOS:-}" ] || [[ " $SCENARIOS " == *" $1 "* ]]; } # scenario name: SCENARIOS, if set, lists it
measure() { # name script, with CODE passed through
  wanted "$1" || return 0
  local line; line=$(run "$1" "$2"); echo "$line" >>"$results"
  if [ "${HALF:-1}" = 1 ] && [[ "$1" != health* ]]; then
    half "$1" "$2" "$(rps_of <<<"$line")" >>"$halves"
  fi
}
: >"$results"
measure health health.lua
measure validate validate.lua
CODE=BENCH-UNLIMITED measure redeem-unlimited redeem.lua
CODE=BENCH-LIMITED measure redeem-limited redeem.lua
measure get-voucher get.lua
measure list-redemptions list.lua
# The ceiling again, after the rest: one 10 s run of /health moved by ~±15% between runs on the same VM (48,000-71,000
# req/s), and a low one lifted every ratio of its run. The higher of the two is the ceiling.
measure health-end health.lua

# Validate against a ceiling measured just before it, in back-to-back pairs: the host's speed drifts by ±20% over
# minutes on this VM (AT and AU, one build, gave validate 0.62 and 0.37 of the ceiling), so a ratio of two runs
# minutes apart says more about the drift than about validate. PAIRS=0 skips them.
pairs="$work/pairs.txt"
: >"$pairs"
if [ "${PAIRS:-3}" -gt 0 ] && wanted validate; then
  for pair in $(seq 1 "${PAIRS:-3}"); do
    ceiling_rps=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$WRK_DIR/health.lua" "$base" 2>&1 | grep '^RESULT' | rps_of)
    validate_rps=$(wrk -t2 -c"$connections" -d"${seconds}s" -s "$WRK_DIR/validate.lua" "$base" 2>&1 | grep '^RESULT' | rps_of)
    echo "$pair $ceiling_rps $validate_rps" >>"$pairs"
  done
fi

peak=$(grep VmHWM /proc/$host/status | awk '{print $2}')
if [ "${BENCH_MILLION:-0}" = 1 ]; then
  started=$(date +%s.%N)
  action=$(curl -s "${auth[@]}" "$base/v1/campaigns" -d '{"name":"Million","vouchers_count":1000000,
    "voucher":{"type":"DISCOUNT_VOUCHER","discount":{"type":"AMOUNT","amount_off":100},"code_config":{"length":12}}}' | field async_action_id)
  until curl -s "${auth[@]}" "$base/v1/async-actions/$action" | grep -q '"status":"\(DONE\|FAILED\)"'; do sleep 1; done
  million=$(echo "$(date +%s.%N) - $started" | bc)
fi

# Last, as it replaces the host: the same store and codes, served by the floor host.
if [ "${FLOOR:-1}" = 1 ]; then
  kill $host; wait $host 2>/dev/null || true
  start_host bench/Voucherify.Floor --Floor:Path="$work/floor.db"
  measure redeem-floor floor.lua
fi

ceiling=$(awk '$1 ~ /^health/ { split($2, a, "="); if (a[2] + 0 > c + 0) c = a[2] } END { print c }' "$results")
printf '\n%-18s %10s %9s %9s %9s %7s %9s %8s %8s %6s\n' scenario "req/s" "p50 ms" "p99 ms" "p99.9 ms" errors "x ceiling" "cpu ms" "io stall" reads
awk -v ceiling="$ceiling" '{
  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "%-18s %10.0f %9.2f %9.2f %9.2f %7d %9.2f %8.3f %8d %6d\n", $1, v["rps"], v["p50"], v["p99"], v["p999"], v["errors"], (ceiling > 0 ? v["rps"] / ceiling : 0), v["cpu_ms"], v["io_ms"], v["reads"]
}' "$results"
if [ -s "$halves" ]; then
  if [ "${PACE_FIXED:-0}" = 1 ]; then pacing="waiting %d ms after every answer, in step"; else pacing="waiting a random time after every answer, %d ms on average"; fi
  printf "\nAt half the maximum load (wrk -t2, each connection $pacing):\n" "$pace_ms"
  printf '%-18s %10s %10s %9s %9s %9s %7s %8s %6s\n' scenario "target/s" "req/s" "p50 ms" "p99 ms" "p99.9 ms" errors "io stall" reads
  awk '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    printf "%-18s %10.0f %10.0f %9.2f %9.2f %9.2f %7d %8d %6d\n", $1, v["target"], v["rps"], v["p50"], v["p99"], v["p999"], v["errors"], v["io_ms"], v["reads"]
  }' "$halves"
fi
if [ -s "$pairs" ]; then
  printf '\nValidate against /health measured just before it (%s s each, back to back):\n' "$seconds"
  awk '{ printf "pair %d: health %.0f req/s, validate %.0f req/s, x ceiling %.2f\n", $1, $2, $3, $3 / $2 }' "$pairs"
  awk '{ print $3 / $2 }' "$pairs" | sort -n | awk '{ r[NR] = $1 } END { printf "median x ceiling over the pairs: %.2f\n", r[int((NR + 1) / 2)] }'
fi

echo
echo "generation of $codes codes: ${generation}s"
[ -n "${million:-}" ] && echo "generation of 1,000,000 codes: ${million}s"
echo "peak host memory (VmHWM): $((peak / 1024)) MiB"
echo "machine: $(nproc) cores, $(grep MemTotal /proc/meminfo | awk '{print int($2/1048576)}') GiB; wrk -t2 -c$connections -d${seconds}s after ${warmup}s of warm-up, on the same machine"
echo "reads: read requests the store's device ($store_device) served during the run"
echo "io stall: ms of the run in which every task of the machine waited for I/O (PSI full); DAMON reclaim: $(cat /sys/kernel/mm/damon/admin/kdamonds/*/state 2>/dev/null | sort -u | tr '\n' ' ' || true)"
