#!/usr/bin/env bash
# Benchmark of `krakenlint probe` against `curl --ntlm` on loopback.
#
#   scripts/bench-probe.sh [TARGETS] [SERVERS] [CONCURRENCY]     (defaults: 100 4 16)
#
# Starts SERVERS processes of Tests/NTLMProbeTests/Servers/ntlm_server.py (pyspnego does the NTLM work),
# writes a configuration with TARGETS auth/ntlm backends spread over them, then prints:
#   1. the prober over all targets with --concurrency CONCURRENCY, and a sequential loop of curl --ntlm over
#      the same URLs: total times and the ratio;
#   2. one target, repeated: the median time of one prober run and of one curl run, and the prober's own
#      handshake time (elapsed_ms) against curl's time_total.
# Uses the release build (swift build -c release --product krakenlint); KRAKENLINT=path overrides the binary.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=${1:-100}
server_count=${2:-4}
concurrency=${3:-16}
repeats=${REPEATS:-15}
binary=${KRAKENLINT:-.build/release/krakenlint}

python3 -c 'import spnego' 2>/dev/null || { echo "bench-probe: python3 with pyspnego is required" >&2; exit 2; }
curl -V | grep -q NTLM || { echo "bench-probe: this curl has no NTLM support" >&2; exit 2; }
if [ ! -x "$binary" ]; then
    echo "== building the release binary"
    swift build -c release --product krakenlint
fi

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT

printf 'TESTDOM:alice:S3cret!pw\n' > "$work/users"
user='TESTDOM\alice'
password='S3cret!pw'

ports=()
for index in $(seq 1 "$server_count"); do
    NTLM_USER_FILE="$work/users" LM_COMPAT_LEVEL=5 python3 Tests/NTLMProbeTests/Servers/ntlm_server.py \
        --listen "s$index:ntlm" --lifetime 900 > "$work/ready$index" 2> "$work/server$index.log" &
    pids+=($!)
done
for index in $(seq 1 "$server_count"); do
    for _ in $(seq 1 300); do
        grep -qx READY "$work/ready$index" 2>/dev/null && break
        sleep 0.1
    done
    ports+=("$(awk '$1=="READY" && NF==3 {print $3}' "$work/ready$index")")
done

now_ms() { date +%s%3N; }
median() { sort -n | awk '{v[NR]=$1} END {if (NR % 2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }

# The configuration: one backend per target, hosts round-robin over the servers.
{
    echo '{"version": 3, "endpoints": [{"endpoint": "/bench/{id}", "backend": ['
    for index in $(seq 0 $((targets - 1))); do
        port=${ports[$((index % server_count))]}
        separator=$([ "$index" -lt $((targets - 1)) ] && echo "," || echo "")
        printf '  {"url_pattern": "/bench/%d", "host": ["http://127.0.0.1:%s"], "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\alice", "password": "%s"}}}%s\n' \
            "$index" "$port" "$password" "$separator"
    done
    echo ']}]}'
} > "$work/bench.json"
{
    echo '{"version": 3, "endpoints": [{"endpoint": "/one", "backend": ['
    printf '  {"url_pattern": "/one", "host": ["http://127.0.0.1:%s"], "extra_config": {"auth/ntlm": {"user": "TESTDOM\\\\alice", "password": "%s"}}}\n' \
        "${ports[0]}" "$password"
    echo ']}]}'
} > "$work/one.json"

echo "== machine: $(uname -sm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== peers: $(curl -V | head -1 | cut -d' ' -f1-2), pyspnego $(python3 -c 'import importlib.metadata as m; print(m.version("pyspnego"))'), $server_count server processes"

# Warm-up: one handshake per server, so no first-request cost lands in the figures.
for port in "${ports[@]}"; do
    curl -s -o /dev/null --ntlm -u "$user:$password" "http://127.0.0.1:$port/warm"
done

echo
echo "== $targets targets"
start=$(now_ms)
set +e
"$binary" probe --concurrency "$concurrency" --timeout 60 --deadline 600 --format json "$work/bench.json" > "$work/probe.json"
probe_status=$?
set -e
probe_total=$(( $(now_ms) - start ))
# Counted in "targets" only: each finding repeats its target's outcome in its properties.
probe_ok=$(python3 -c 'import json, sys; print(sum(t["outcome"] == "authenticated" for t in json.load(open(sys.argv[1]))["targets"]))' "$work/probe.json")

start=$(now_ms)
curl_ok=0
for index in $(seq 0 $((targets - 1))); do
    port=${ports[$((index % server_count))]}
    code=$(curl -s -o /dev/null -w '%{http_code}' --ntlm -u "$user:$password" "http://127.0.0.1:$port/bench/$index")
    [ "$code" = 200 ] && curl_ok=$((curl_ok + 1))
done
curl_total=$(( $(now_ms) - start ))

printf '  krakenlint probe --concurrency %-3s %6d ms  (%d/%d authenticated, exit %d)\n' \
    "$concurrency" "$probe_total" "$probe_ok" "$targets" "$probe_status"
printf '  curl --ntlm, sequential loop     %6d ms  (%d/%d status 200)\n' "$curl_total" "$curl_ok" "$targets"
awk -v c="$curl_total" -v p="$probe_total" 'BEGIN { printf "  ratio curl / probe               %6.2fx\n", c / p }'

echo
echo "== one target, $repeats runs each (medians)"
probe_runs=()
handshakes=()
for _ in $(seq 1 "$repeats"); do
    start=$(now_ms)
    "$binary" probe --format json "$work/one.json" > "$work/one-result.json"
    probe_runs+=($(( $(now_ms) - start )))
    handshakes+=("$(awk -F': ' '/"elapsed_ms"/ {gsub(",", "", $2); print $2; exit}' "$work/one-result.json")")
done
curl_runs=()
curl_times=()
for _ in $(seq 1 "$repeats"); do
    start=$(now_ms)
    seconds=$(curl -s -o /dev/null -w '%{time_total}' --ntlm -u "$user:$password" "http://127.0.0.1:${ports[0]}/one")
    curl_runs+=($(( $(now_ms) - start )))
    curl_times+=("$(awk -v s="$seconds" 'BEGIN { printf "%d", s * 1000 }')")
done
probe_median=$(printf '%s\n' "${probe_runs[@]}" | median)
curl_median=$(printf '%s\n' "${curl_runs[@]}" | median)
handshake_median=$(printf '%s\n' "${handshakes[@]}" | median)
curl_time_median=$(printf '%s\n' "${curl_times[@]}" | median)
printf '  process, start to exit:  krakenlint probe %4d ms   curl %4d ms   overhead %+d ms\n' \
    "$probe_median" "$curl_median" $((probe_median - curl_median))
printf '  handshake only:          krakenlint %4d ms (elapsed_ms)   curl %4d ms (time_total)   overhead %+d ms\n' \
    "$handshake_median" "$curl_time_median" $((handshake_median - curl_time_median))
