#!/usr/bin/env bash
# `serve` and `list` over real HTTP on loopback: exports in every format hold exactly the
# sessions the filters select, each once, with and without injected failures; hostile requests
# get clean answers; SIGTERM stops the server.
# Exit 77 (skipped) when the program was built without libcurl (no list).
set -u
cli=$1 check=$2
# shellcheck source=cli_test_common.sh
source "$(dirname "$0")/cli_test_common.sh"

seed=11 sessions=600
filters=(session_kind=all "status=Approved,Declined" date_from=2026-01-20)
export DIDIT_API_KEY=serve-test-key

start_serve() {
    start_server "$cli" serve --seed $seed --sessions $sessions --api-key "$DIDIT_API_KEY" "$@"
    base=$(head -1 "$work/url")
    port=${base##*:}
    [ -n "$base" ] || { cat "$work/server.err"; exit 77; }
}

stop_serve() {
    kill -TERM $server
    for _ in $(seq 50); do kill -0 $server 2>/dev/null || break; sleep 0.1; done
    if kill -0 $server 2>/dev/null; then
        fail "serve still running 5 s after SIGTERM"
        kill -KILL $server
    fi
    wait $server
    local status=$?
    server=
    [ $status = 0 ] || fail "serve exited $status after SIGTERM"
    grep -q "^stopped after [0-9]* requests" "$work/server.err" || fail "serve did not say it stopped"
}

# The sessions serve says it created and deleted, a "KIND NUMBER" line each, in $work/changed.
record_changes() {
    sed -n 's/^\(created\|deleted\) \([a-z]*\) \([0-9 ]*\)$/\2 \3/p' "$work/server.err" |
        while read -r kind numbers; do for n in $numbers; do echo "$kind $n"; done; done >"$work/changed"
}

start_serve
# Usage errors stop before anything starts; the message names the culprit.
usage_error() { # the word the message must hold, then the arguments
    local word=$1 status
    shift
    "$cli" "$@" >/dev/null 2>"$work/usage.err"
    status=$?
    [ $status = 64 ] && grep -qF -- "$word" "$work/usage.err" ||
        fail "didit-sessions $*: exit $status, not 64: $(cat "$work/usage.err")"
}
usage_error "--port" serve --port 70000
usage_error "--rate-limited" serve --rate-limited 101
usage_error "--sessions" serve --sessions -1
usage_error "--api-key needs a value" serve --api-key
usage_error "--api-key" serve --api-key 'a b'
usage_error "unknown option --colour" serve --colour blue
usage_error "unknown option --colour" serve --colour
usage_error "--max-rows" list --max-rows x
usage_error "--format" list --format xml
usage_error "--read-timeout" list --read-timeout 0
usage_error "--page-timeout" list --page-timeout 3601
usage_error "limit" list limit
usage_error "unknown option --colour" list --colour
usage_error "--output needs a value" list --output
usage_error "only http and https" list --base-url ftp://example.com
usage_error "no path" list --base-url "$base/v3/sessions/"

"$cli" list --base-url "$base" --max-rows 1 --format ndjson --quiet >"$work/probe" 2>"$work/list.err"
case $? in
0) grep -q '^{"session_kind":' "$work/probe" || fail "list listed no row" ;;
69) echo "note: this build cannot list (no libcurl)"; exit 77 ;;
*) fail "probing list: $(cat "$work/list.err")" ;;
esac

# Every format; then the same listing through 429s, 5xx and dropped connections.
export_and_check() {
    local label=$1 format=$2
    local out="$work/$label.$format"
    "$cli" list "${filters[@]}" --base-url "$base" --format $format --output "$out" --quiet \
        2>"$work/list.err"
    local status=$?
    if [ $status != 0 ]; then
        fail "$label $format: list exited $status: $(cat "$work/list.err")"
        return
    fi
    "$check" $seed $sessions all Approved,Declined 2026-01-20 $format "$out" ||
        fail "$label $format: the export is not the expected rows"
}
for format in table csv ndjson; do export_and_check quiet $format; done
stop_serve

start_serve --rate-limited 10 --server-errors 10 --dropped 10 --retry-after 0
export_and_check faults ndjson

# Not quiet, into a file: it says where it lists from and what it wrote, in plain lines (the
# count in place is for a terminal only).
"$cli" list --base-url "$base" --max-rows 3 --format ndjson --output "$work/three.ndjson" \
    2>"$work/list.err" || fail "three rows: $(cat "$work/list.err")"
[ "$(head -1 "$work/list.err")" = "listing from $base to $work/three.ndjson" ] ||
    fail "list does not say where it lists from: $(cat "$work/list.err")"
grep -q "^3 rows in [0-9]* pages\? to $work/three.ndjson\$" "$work/list.err" ||
    fail "no summary of three rows: $(cat "$work/list.err")"
tr -d '\r' <"$work/list.err" | cmp -s - "$work/list.err" ||
    fail "carriage returns in a log: $(od -c "$work/list.err")"

# A full disk is reported, with how many rows were written.
"$cli" list --base-url "$base" --output /dev/full 2>"$work/list.err"
status=$?
[ $status = 74 ] || fail "a full disk: list exited $status"
grep -q "^didit-sessions: writing to /dev/full failed after 0 rows" "$work/list.err" ||
    fail "a full disk: $(cat "$work/list.err")"

# A file that reaches its size limit part-way, in the middle of a row: the program is not killed
# by SIGXFSZ but sees a failed write; the row is cut off again, so the file holds whole rows
# only, as many as the message says.
(ulimit -f 8; exec "$cli" list --base-url "$base" --format ndjson \
    --output "$work/limited.ndjson") 2>"$work/list.err"
status=$?
written=$(sed -n 's/^didit-sessions: writing to .* failed after \([0-9]*\) rows: .*/\1/p' "$work/list.err")
if [ $status != 74 ] || [ -z "$written" ] || [ "$written" = 0 ] ||
    [ "$written" != "$(grep -c '^{.*}$' "$work/limited.ndjson")" ] ||
    [ "$(tail -c 1 "$work/limited.ndjson" | od -An -c | tr -d ' ')" != '\n' ] ||
    ! grep -q "limited.ndjson holds the $written rows written before, complete" "$work/list.err"; then
    fail "a size limit part-way: exit $status: $(cat "$work/list.err")"
fi

# A wrong key ends the listing with the server's answer, and names neither key.
DIDIT_API_KEY=not-the-key "$cli" list --base-url "$base" --quiet >/dev/null 2>"$work/list.err"
[ $? = 1 ] || fail "a wrong key: list should exit 1"
grep -q "permission" "$work/list.err" || fail "a wrong key: no reason given: $(cat "$work/list.err")"
grep -q "not-the-key\|$DIDIT_API_KEY" "$work/list.err" && fail "an error message shows a key"
stop_serve
injected=$(sed -n 's/^stopped after [0-9]* requests, \([0-9]*\) answered with an injected fault$/\1/p' "$work/server.err")
[ "${injected:-0}" -gt 0 ] || fail "no fault was injected: $(tail -1 "$work/server.err")"

# Sessions created and deleted while the client pages: each row still comes once, and every
# session that was there throughout comes.
start_serve --created 2 --deleted 1
"$cli" list "${filters[@]}" --base-url "$base" --format ndjson --quiet >"$work/changing.ndjson"
status=$?
stop_serve
[ $status = 0 ] || fail "a changing listing: list exited $status"
record_changes
grep -q '^deleted ' "$work/server.err" || fail "a changing listing: serve reports no deletion"
"$check" $seed $sessions all Approved,Declined 2026-01-20 ndjson "$work/changing.ndjson" \
    "$work/changed" || fail "a changing listing: not the rows it should be"

# A listing that grows by two pages a request (20 sessions of either kind before each, pages of
# 10): the rows are still right, in no more requests than the README's bound for the traversal,
# 64 + 4 * ceil(rows / (limit - 1)).
growing=(session_kind=user "status=Approved,Declined" date_from=2026-01-20 limit=10)
start_serve --created 20
"$cli" list "${growing[@]}" --base-url "$base" --format ndjson --quiet >"$work/growing.ndjson"
status=$?
stop_serve
[ $status = 0 ] || fail "a fast-growing listing: list exited $status"
record_changes
"$check" $seed $sessions user Approved,Declined 2026-01-20 ndjson "$work/growing.ndjson" \
    "$work/changed" || fail "a fast-growing listing: not the rows it should be"
rows=$(wc -l <"$work/growing.ndjson")
requests=$(sed -n 's/^stopped after \([0-9]*\) requests.*/\1/p' "$work/server.err")
bound=$((64 + 4 * ((rows + 8) / 9)))
[ "${requests:-0}" -gt 0 ] && [ "$requests" -le $bound ] ||
    fail "a fast-growing listing: $requests requests for $rows rows (at most $bound)"

# A server that goes away part-way: the rows written before stay, complete, and the message
# says how many and where it stopped.
start_serve --outage-after 3
"$cli" list --base-url "$base" --format ndjson --output "$work/partial.ndjson" 2>"$work/list.err"
status=$?
[ $status = 1 ] || fail "an outage: list exited $status"
written=$(sed -n 's/^didit-sessions: stopped after \([0-9]*\) rows and 3 pages: .*/\1/p' "$work/list.err")
lines=$(wc -l <"$work/partial.ndjson")
if [ -z "$written" ] || [ "$written" = 0 ] || [ "$written" != "$lines" ]; then
    fail "an outage: '$written' rows reported, $lines in the file: $(cat "$work/list.err")"
fi
grep -q "while requesting $base/v3/sessions/?limit=100&offset=" "$work/list.err" ||
    fail "an outage: the failed URL is not named: $(cat "$work/list.err")"
grep -q "partial.ndjson holds the $written rows written before, complete" "$work/list.err" ||
    fail "an outage: the file is not mentioned: $(cat "$work/list.err")"
grep -qv '^{.*}$' "$work/partial.ndjson" && fail "an outage: an incomplete row in the file"
duplicates=$(grep -o '"session_number":[0-9]*' "$work/partial.ndjson" | sort | uniq -d)
[ -z "$duplicates" ] || fail "an outage: rows written twice: $duplicates"
stop_serve

# TLS: list refuses a server whose certificate nobody vouches for, before sending anything. (Needs the openssl program; skipped without it.)
if command -v openssl >/dev/null; then
    openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1 \
        -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
    for _ in 1 2 3 4 5; do
        tls_port=$((20000 + RANDOM % 40000))
        openssl s_server -quiet -www -accept $tls_port -cert "$work/cert.pem" \
            -key "$work/key.pem" </dev/null >/dev/null 2>&1 &
        tls_server=$!
        for _ in $(seq 50); do
            (exec 5<>"/dev/tcp/127.0.0.1/$tls_port") 2>/dev/null && break
            kill -0 $tls_server 2>/dev/null || break
            sleep 0.1
        done
        kill -0 $tls_server 2>/dev/null && break
    done
    "$cli" list --base-url "https://127.0.0.1:$tls_port" --quiet >/dev/null 2>"$work/list.err"
    status=$?
    [ $status = 1 ] && grep -qi "certificate" "$work/list.err" ||
        fail "an untrusted certificate: exit $status, $(cat "$work/list.err")"
    kill $tls_server
    wait $tls_server 2>/dev/null
else
    echo "note: no openssl program, the TLS check is skipped"
fi

# Hostile and malformed requests, straight over a socket.
start_serve
status_of() { # a raw request: prints the status code of the answer, or "none"
    exec 3<>"/dev/tcp/127.0.0.1/$port" || { echo none; return; }
    printf '%b' "$1" >&3 2>/dev/null
    # The status line and headers, then as much body as Content-Length says: no waiting for
    # the server to close a connection it may keep alive.
    local line length=0
    : >"$work/answer"
    while IFS= read -r -t 10 line <&3; do
        line=${line%$'\r'}
        echo "$line" >>"$work/answer"
        [ -z "$line" ] && break
        case ${line,,} in content-length:*) length=${line#*:} length=${length// /} ;; esac
    done
    [ "$length" -gt 0 ] && timeout 10 head -c "$length" <&3 >>"$work/answer"
    exec 3<&-
    sed -n '1s/^HTTP\/1\.1 \([0-9]*\).*/\1/p' "$work/answer" | grep . || echo none
}
expect_status() { # what, the status expected, the request; within 3 seconds
    local what=$1 expected=$2 got started=$SECONDS
    got=$(status_of "$3")
    [ "$got" = "$expected" ] || fail "$what: expected $expected, got $got"
    ((SECONDS - started <= 3)) || fail "$what: the answer took $((SECONDS - started)) s"
}
head="Host: 127.0.0.1:$port\r\nConnection: close\r\nx-api-key: $DIDIT_API_KEY\r\n"
expect_status "a listing" 200 "GET /v3/sessions/?limit=2 HTTP/1.1\r\n$head\r\n"
expect_status "a garbage request line" 400 "GARBAGE\r\n\r\n"
expect_status "an unknown HTTP version" 505 "GET /v3/sessions/ HTTP/7.1\r\n$head\r\n"
expect_status "no Host" 400 "GET /v3/sessions/ HTTP/1.1\r\nx-api-key: $DIDIT_API_KEY\r\n\r\n"
expect_status "a CR inside a header" 400 "GET /v3/sessions/ HTTP/1.1\r\n${head}X-A: a\rb\r\n\r\n"
expect_status "a 100 KB header" 431 "GET /v3/sessions/ HTTP/1.1\r\n${head}X-Big: $(head -c 100000 /dev/zero | tr '\0' a)\r\n\r\n"
expect_status "a 20 KB URL" 414 "GET /v3/sessions/?q=$(head -c 20000 /dev/zero | tr '\0' a) HTTP/1.1\r\n$head\r\n"
expect_status "a body on GET" 200 "GET /v3/sessions/?limit=1 HTTP/1.1\r\n${head}Content-Length: 5\r\n\r\nhello"
expect_status "a length and a transfer coding" 400 "POST /v3/sessions/ HTTP/1.1\r\n${head}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
# Every method but GET and HEAD gets 405 from its head alone, with or without a body (a
# request that has none and says nothing of one is not waited on).
for method in POST PUT PATCH DELETE OPTIONS TRACE CONNECT BREW; do
    expect_status "$method without a body" 405 "$method /v3/sessions/ HTTP/1.1\r\n$head\r\n"
    grep -q "{\"detail\":\"Method \\\\\"$method\\\\\" not allowed.\"}" "$work/answer" ||
        fail "$method: $(cat "$work/answer")"
    expect_status "$method with a body" 405 "$method /v3/sessions/ HTTP/1.1\r\n${head}Content-Length: 100000\r\n\r\n$(head -c 100000 /dev/zero | tr '\0' a)"
done
expect_status "HEAD" 200 "HEAD /v3/sessions/?limit=1 HTTP/1.1\r\n$head\r\n"
expect_status "a wrong key" 403 "GET /v3/sessions/ HTTP/1.1\r\nHost: 127.0.0.1:$port\r\nConnection: close\r\nx-api-key: wrong\r\n\r\n"
grep -q '{"detail":"You do not have permission to perform this action."}' "$work/answer" ||
    fail "a wrong key: $(cat "$work/answer")"
expect_status "no trailing slash" 301 "GET /v3/sessions?limit=1 HTTP/1.1\r\n$head\r\n"
grep -qi '^Location: /v3/sessions/?limit=1' "$work/answer" || fail "no trailing slash: $(cat "$work/answer")"
expect_status "a bad query" 400 "GET /v3/sessions/?date_from=yesterday HTTP/1.1\r\n$head\r\n"
grep -q '{"date_from":\["Enter a valid date."\]}' "$work/answer" || fail "a bad query: $(cat "$work/answer")"
expect_status "a target that is not a path" 400 "GET @evil.example/v3/sessions/ HTTP/1.1\r\n$head\r\n"
expect_status "a foreign Host" 400 "GET /v3/sessions/ HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\n\r\n"

# Request bodies cost serve no memory whatever their size or encoding: gzip bombs (10 MB of
# zeros each, which would inflate to far more if decoded), chunked and plain, sent in full.
head -c 10000000 /dev/zero | gzip -9 >"$work/bomb.gz"
for i in $(seq 8); do
    for encoding in "Content-Length: $(stat -c %s "$work/bomb.gz")" "Transfer-Encoding: gzip, chunked"; do
        { printf "POST /v3/sessions/ HTTP/1.1\r\n${head}Content-Encoding: gzip\r\n%s\r\n\r\n" "$encoding"
          cat "$work/bomb.gz"; } 2>/dev/null >"/dev/tcp/127.0.0.1/$port"
    done
done
peak_kb=$(sed -n 's/^VmHWM:[^0-9]*\([0-9]*\) kB$/\1/p' "/proc/$server/status" 2>/dev/null)
if [ -n "$peak_kb" ] && ((peak_kb > 100000)); then
    fail "request bodies: serve's memory peaked at $peak_kb kB"
fi

# Keep-alive answers come without a delayed-ACK stall (40 ms each when an answer is written in
# pieces without TCP_NODELAY): 200 requests on one connection take well under the 8 s they
# would take then.
urls=()
for i in $(seq 200); do urls+=("$base/v3/sessions/?limit=1&offset=$i" -o /dev/null); done
started=$(date +%s%N)
connections=$(curl -s -H "x-api-key: $DIDIT_API_KEY" -w '%{num_connects}\n' "${urls[@]}" |
    awk '{ sum += $1 } END { print sum }')
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
[ "$connections" = 1 ] || fail "keep-alive: 200 requests took $connections connections"
((elapsed_ms < 4000)) || fail "keep-alive: 200 requests took $elapsed_ms ms"

# Clients that trickle a request, more of them than there are cores and threads anywhere, do
# not delay anyone else; each gets 408 and loses its connection once the request timeout (5 s)
# has passed since its first byte.
slow=()
for _ in $(seq 150); do
    exec {connection}<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET /v3/sessions/ HTTP/1.1\r\nHost: 127.0.0' >&$connection
    slow+=($connection)
done
expect_status "a listing among slow clients" 200 "GET /v3/sessions/?limit=2 HTTP/1.1\r\n$head\r\n"
for _ in 1 2 3 4 5 6 7 8; do
    "$cli" list --base-url "$base" --max-rows 150 --quiet >/dev/null 2>>"$work/concurrent.err" &
done
concurrent_failures=0
for job in $(jobs -p); do
    [ "$job" = "$server" ] && continue
    wait "$job" || concurrent_failures=$((concurrent_failures + 1))
done
[ $concurrent_failures = 0 ] || fail "$concurrent_failures concurrent listings failed: $(cat "$work/concurrent.err")"
for connection in "${slow[@]}"; do
    answer=$(timeout 10 head -c 12 <&$connection)
    [ "$answer" = "HTTP/1.1 408" ] || fail "a slow client got '$answer', not a 408"
    exec {connection}<&-
done
expect_status "a listing after all that" 200 "GET /v3/sessions/?limit=2 HTTP/1.1\r\n$head\r\n"

# A client in the middle of a request does not keep serve from stopping: it is cut off, and
# serve says so.
(printf 'GET /v3/sessions/ HTTP/1.1\r\n'; while sleep 1; do printf 'X-Slow: yes\r\n'; done) \
    >"/dev/tcp/127.0.0.1/$port" 2>/dev/null &
trickler=$!
sleep 1
stop_serve
grep -q "^1 connections cut off in the middle of a request or answer" "$work/server.err" ||
    fail "serve did not say it cut a connection off: $(cat "$work/server.err")"
kill $trickler 2>/dev/null
wait $trickler 2>/dev/null

finish "all serve checks passed"
