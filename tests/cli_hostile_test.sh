#!/usr/bin/env bash
# `list` against hostile servers on loopback (tests/hostile/hostile_server.cpp, one scenario
# each): no row is lost without a word, and no response, however large, endless, compressed or
# slow, takes more than its limits of memory and time.
# Exit 77 (skipped) when the program was built without libcurl (no list).
set -u
cli=$1 hostile_server=$2
# shellcheck source=cli_test_common.sh
source "$(dirname "$0")/cli_test_common.sh"
export DIDIT_API_KEY=hostile-test-key

# At most 2 GiB of address space, so that a response read without bound ends the program
# rather than the machine. Only for a program of this machine's own without AddressSanitizer:
# ASan's shadow memory needs far more, and so does an emulator (a cross build's wrapper script),
# which reserves the target's whole address space.
address_space_kib=unlimited
if [ "$(head -c 4 "$cli")" = "$(printf '\177ELF')" ] && ! grep -qa __asan_init "$cli"; then
    address_space_kib=$((2 * 1024 * 1024))
fi

# Lists from a fresh server of the scenario, with the options given; sets `status` and
# `seconds`, and leaves the output and messages in $work/out and $work/err.
list_from() {
    local scenario=$1 start
    shift
    start_server "$hostile_server" "$scenario"
    start=$SECONDS
    (ulimit -v $address_space_kib; exec timeout 60 "$cli" list --base-url "$(head -1 "$work/url")" \
        --quiet "$@") >"$work/out" 2>"$work/err"
    status=$?
    seconds=$((SECONDS - start))
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    server=
}

expect() { # scenario, expected status, a phrase stderr must hold, the longest it may take (s)
    local scenario=$1 expected=$2 phrase=$3 longest=$4
    [ "$status" = "$expected" ] && grep -qF -- "$phrase" "$work/err" && [ "$seconds" -le "$longest" ] ||
        fail "$scenario: exit $status (expected $expected) after ${seconds}s (at most ${longest}s): $(head -c 500 "$work/err")"
}

list_from unknown-kind limit=20
if [ $status = 69 ]; then
    echo "note: this build cannot list (no libcurl)"
    exit 77
fi
# Rows of a kind the program does not know: listed in their place, and reported.
expect unknown-kind 0 "1 row of a session_kind this program does not know" 30
[ "$(grep -c '^ *[a-z]* *[0-9]' "$work/out")" = 50 ] || fail "unknown-kind: not 50 rows: $(cat "$work/out")"
grep -q '^robot  *44 ' "$work/out" || fail "unknown-kind: row 44 not shown with its kind and number"

list_from no-kind limit=20 --format ndjson
expect no-kind 0 "50 rows of a session_kind this program does not know" 30
[ "$(grep -c '"session_number":' "$work/out")" = 50 ] || fail "no-kind: not 50 rows written whole"

# Rows the client cannot place: the listing stops and says where.
list_from repeated-number limit=20
expect repeated-number 1 "not numbered below the row before it" 30
grep -qF "(at results[11])" "$work/err" || fail "repeated-number: the row is not named"

# Responses past the size limits: refused while they arrive, not retried.
list_from endless-body
expect endless-body 1 "body is larger than the limit" 30
list_from huge-length
expect huge-length 1 "body is larger than the limit" 30
list_from endless-headers
expect endless-headers 1 "headers are larger than the limit" 30

# A compressed body is not inflated (1 GiB would be past the address space above): its bytes,
# as sent, are not JSON.
list_from gzip-bomb
expect gzip-bomb 1 "expected a value" 30

# A body dripped within the read timeout still cannot outlast the page's deadline.
list_from drip --read-timeout 2 --page-timeout 3
expect drip 1 "past the deadline" 10

# Text from the server reaches stderr escaped (issue 16): a redirect whose Location holds ESC,
# BEL, DEL, U+009B, U+202E and a byte that is not UTF-8, and a 403 whose detail holds DEL,
# U+009B and U+202E.
list_from escape-location
expect escape-location 1 'a URL cannot contain this character: /v3/sessions/?x=\x1b]0;pwned\x07\x1b[2J\x7f\u{009b}\u{202e}\xff' 30
raw_controls "$work/err" && fail "escape-location: raw controls on stderr: $(od -c "$work/err")"
list_from escape-detail
expect escape-detail 1 'the API key was refused (403): key \x7f\u{009b}\u{202e} refused' 30
raw_controls "$work/err" && fail "escape-detail: raw controls on stderr: $(od -c "$work/err")"

finish "hostile servers: every scenario handled"
