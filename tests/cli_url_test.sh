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
    if [ "$actual" != "$status" ] || [ "$(cat "$out")" != "$stdout" ] || [ "$(cat "$err")" != "$stderr" ]; then
        echo "FAILED: didit-sessions $*"
        echo "  status $actual (expected $status)"
        echo "  stdout: $(cat "$out")"
        echo "  expected: $stdout"
        echo "  stderr: $(cat "$err")"
        echo "  expected: $stderr"
        failures=$((failures + 1))
    fi
}

expect 0 'https://verification.didit.me/v3/sessions/?limit=20&status=Approved%2CIn+Review' '' -- \
    url 'status=Approved,In Review' limit=20
expect 0 'https://verification.didit.me/v3/sessions/' '' -- url
expect 0 'http://127.0.0.1:9/v3/sessions/?session_kind=business' '' -- \
    url --base-url http://127.0.0.1:9 session_kind=BUSINESS
# --base-url is held to what `list` accepts: an http or https origin, nothing more.
expect 0 'HTTP://Example.COM:8080/v3/sessions/' '' -- url --base-url HTTP://Example.COM:8080
refused() { # refused BASE_URL REASON: exit 64, the reason on stderr, nothing on stdout
    expect 64 '' "didit-sessions: --base-url: $2
(didit-sessions --help lists the commands)" -- url --base-url "$1" limit=1
}
refused 'javascript:alert(1)' 'only http and https URLs can be requested: javascript:alert(1)'
refused 'ftp://example.com' 'only http and https URLs can be requested: ftp://example.com'
refused '/v3/sessions/' 'only http and https URLs can be requested: /v3/sessions/'
refused '' 'only http and https URLs can be requested'
refused 'https://user:secret@example.com' \
    'a URL to request cannot carry credentials: https://user:secret@example.com'
refused 'https://example.com/v3/' 'the base URL must be an origin, with no path: https://example.com/v3/'
refused 'https://example.com?x=1' 'the base URL must be an origin, with no path: https://example.com?x=1'
refused 'https://example.com:70000' "a URL's port is above 65535: https://example.com:70000"
expect 64 '' 'didit-sessions: --base-url: a URL cannot contain this character: http://a\x0d\x0aX-Injected: 1
(didit-sessions --help lists the commands)' -- url --base-url "$(printf 'http://a\r\nX-Injected: 1')"
expect 0 'https://verification.didit.me/v3/sessions/?status=APPROVED' \
    'warning: status: `APPROVED` matches no session: statuses are case-sensitive display names; use `Approved`' -- \
    url status=APPROVED
expect 2 '{"date_from":["Enter a valid date."]}' '' -- url date_from=2026-04-01T00:00:00Z
# Unknown names are the user's text: quoted, with control bytes shown, one warning a line.
expect 0 'https://verification.didit.me/v3/sessions/?status=Approved' \
    'warning: `stauts`: not a parameter of this endpoint; the server ignores it (did you mean `status`?)' -- \
    url stauts=Approved status=Approved
expect 0 'https://verification.didit.me/v3/sessions/' \
    'warning: `col\x0aour`: not a parameter of this endpoint; the server ignores it
warning: `a b`: not a parameter of this endpoint; the server ignores it
warning: ``: not a parameter of this endpoint; the server ignores it' -- \
    url "$(printf 'col\nour=red')" 'a b=1' =x

# More warnings than the library keeps: each kept one on its line, then one note that counts
# the rest, in the singular for one.
too_many() { # too_many COUNT: runs with COUNT unknown parameters, sets `shown` and `note`
    count=$1 i=0
    set --
    while [ "$i" -lt "$count" ]; do set -- "$@" x=1; i=$((i + 1)); done
    "$cli" url "$@" >"$out" 2>"$err"
    shown=$(grep -c '^warning: `x`: not a parameter of this endpoint; the server ignores it$' "$err")
    note=$(tail -n 1 "$err")
    if [ "$(wc -l <"$err")" -ne $((shown + 1)) ]; then
        echo "FAILED: $count unknown parameters: a line that is neither a warning nor the note"
        cat "$err"
        failures=$((failures + 1))
    fi
}
too_many 100
if [ "$shown" -eq 0 ] || [ "$note" != "note: $((100 - shown)) more warnings not shown" ]; then
    echo "FAILED: 100 unknown parameters, $shown shown: last line '$note'"
    failures=$((failures + 1))
fi
too_many $((shown + 1))
if [ "$note" != 'note: 1 more warning not shown' ]; then
    echo "FAILED: one warning more than are kept: last line '$note'"
    failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures failed"
    exit 1
fi
echo "cli url: all passed"
