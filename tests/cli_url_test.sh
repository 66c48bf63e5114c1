#!/bin/sh
# The url subcommand end to end: exit status, stdout and stderr.
cli=$1
failures=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

expect() { # expect STATUS STDOUT STDERR -- ARGS...
    status=$1 stdout=$2 stderr=$3
    shift 4
    "$cli" "$@" >"$out" 2>"$err"
    actual=$?
    if [ "$actual" != "$status" ] || [ "$(cat "$out")" != "$stdout" ] || { [ -n "$stderr" ] && [ "$(cat "$err")" != "$stderr" ]; }; then
        echo "FAILED: didit-sessions $*"
        echo "  status $actual (expected $status)"
        echo "  stdout: $(cat "$out")"
        echo "  expected: $stdout"
        echo "  stderr: $(cat "$err")"
        failures=$((failures + 1))
    fi
}

expect 0 'https://verification.didit.me/v3/sessions/?limit=20&status=Approved%2CIn+Review' '' -- \
    url 'status=Approved,In Review' limit=20
expect 0 'https://verification.didit.me/v3/sessions/' '' -- url
expect 0 'http://127.0.0.1:9/v3/sessions/?session_kind=business' '' -- \
    url --base-url http://127.0.0.1:9 session_kind=BUSINESS
expect 0 'https://verification.didit.me/v3/sessions/?status=APPROVED' \
    'warning: status: `APPROVED` matches no session: statuses are case-sensitive display names; use `Approved`' -- \
    url status=APPROVED
expect 2 '{"date_from":["Enter a valid date."]}' '' -- url date_from=2026-04-01T00:00:00Z
expect 64 '' '' -- url limit
expect 64 '' '' -- bogus
expect 64 '' '' --

if [ "$failures" -ne 0 ]; then
    echo "$failures failed"
    exit 1
fi
echo "cli url: all passed"
