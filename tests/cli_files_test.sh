#!/bin/sh
# The validate and decode subcommands end to end: exit status, stdout and stderr.
cli=$1
# shellcheck source=cli_test_common.sh
. "$(dirname "$0")/cli_test_common.sh"

# expect STATUS COMMAND... : runs the command, keeping stdout and stderr in $work/out, $work/err.
expect() {
    status=$1
    shift
    "$cli" "$@" >"$work/out" 2>"$work/err"
    actual=$?
    [ "$actual" = "$status" ] || fail "didit-sessions $* exited $actual, expected $status: $(cat "$work/err")"
}

contains() { # contains FILE TEXT
    grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks '$2': $(cat "$1")"
}

printf '{"a": [1,\n 2,, 3]}' >"$work/bad.json"
printf '  [1, {"b": null}]\n' >"$work/good.json"
printf '[1] x' >"$work/trailing.json"
printf '\042\377\042' >"$work/utf8.json"

expect 0 validate "$work/good.json"
[ -s "$work/out" ] && fail "validate printed on success: $(cat "$work/out")"
expect 1 validate "$work/bad.json"
[ "$(cat "$work/err")" = "$work/bad.json:2:4: expected a value" ] || fail "validate said: $(cat "$work/err")"
expect 1 validate "$work/trailing.json"
contains "$work/err" "$work/trailing.json:1:5: "
expect 1 validate "$work/utf8.json"
contains "$work/err" "$work/utf8.json:1:2: invalid UTF-8"
expect 66 validate "$work/missing.json"
expect 64 validate
expect 64 validate "$work/good.json" "$work/good.json"

# A page in the reference's prose shapes, a KYB row, and a row that does not decode.
cat >"$work/page.json" <<'JSON'
{"count": 3, "next": null, "previous": null, "results": [
  {"session_id": "...", "session_kind": "user", "session_number": 1024, "status": "APPROVED",
   "full_name": "John \"Johnny\" Doe, Jr.", "country": "GBR",
   "created_at": "2026-04-10T11:00:00+02:00", "features": "ID_VERIFICATION,LIVENESS",
   "phone_number": "+14155550123", "email_address": {"email": "jane@example.com", "is_verified": true}},
  {"session_kind": "business", "session_id": "8A1F63C2-1B9E-4F3A-9C41-2F6A1F0B7D52",
   "session_number": 42, "status": "In Review", "created_at": "2026-06-08T09:14:02.118450Z",
   "company_name": "Acme \u00c9tudes S.L. with a name far longer than the table's name column",
   "country": "ES"},
  {"session_kind": "user", "session_number": "7"}]}
JSON

expect 1 decode "$work/page.json" --format ndjson
[ "$(wc -l <"$work/out")" = 2 ] || fail "ndjson printed $(wc -l <"$work/out") lines"
contains "$work/out" '"status":"Approved"'
contains "$work/out" '"created_at":"2026-04-10T09:00:00.000000Z"'
contains "$work/out" '"features":[{"feature":"ID_VERIFICATION"},{"feature":"LIVENESS"}]'
contains "$work/out" '"phone_number":{"number":"+14155550123"}'
contains "$work/out" '"email_address":{"email":"jane@example.com","is_verified":true}'
contains "$work/out" '"session_id":"8a1f63c2-1b9e-4f3a-9c41-2f6a1f0b7d52"'
contains "$work/out" '"company_name":"Acme Études S.L.'
contains "$work/err" "$work/page.json:10:46: expected an integer (results[2].session_number)"
sed -n 1p "$work/out" >"$work/line"
"$cli" validate "$work/line" || fail "an NDJSON line is not valid JSON"

expect 1 decode "$work/page.json" --format csv
[ "$(wc -l <"$work/out")" = 3 ] || fail "csv printed $(wc -l <"$work/out") lines"
head -1 "$work/out" | grep -q '^session_kind,session_id,session_number,status,created_at,' || fail "csv header: $(head -1 "$work/out")"
contains "$work/out" '"John ""Johnny"" Doe, Jr."'
contains "$work/out" 'ID_VERIFICATION;LIVENESS'
[ "$(head -1 "$work/out" | od -c | grep -c '\\r')" = 1 ] || fail "csv records do not end in CRLF"

expect 1 decode "$work/page.json"
[ "$(wc -l <"$work/out")" = 3 ] || fail "table printed $(wc -l <"$work/out") lines"
contains "$work/out" 'CREATED (UTC)'
contains "$work/out" '2026-04-10 09:00:00'
contains "$work/out" 'Acme Études S.L. with a name far longer…'

expect 1 decode "$work/bad.json"
[ "$(cat "$work/err")" = "$work/bad.json:2:4: expected a value (a[2])" ] || fail "decode said: $(cat "$work/err")"
printf '{"count": 1, "next": null, "results": []}' >"$work/short.json"
expect 1 decode "$work/short.json"
[ "$(cat "$work/err")" = "$work/short.json:1:1: missing member 'previous'" ] || fail "decode said: $(cat "$work/err")"
expect 64 decode "$work/page.json" --format xml
expect 64 decode
expect 66 decode "$work/missing.json"

# Inputs that cannot be read exit 66 and say why: a directory, a FIFO (refused, not waited on
# for a writer) and, unless this runs as root, a file without read permission.
mkdir "$work/folder"
mkfifo "$work/fifo"
cp "$work/good.json" "$work/private.json"
chmod 000 "$work/private.json"
for command in validate decode; do
    expect 66 $command "$work/folder"
    contains "$work/err" "cannot read $work/folder: a directory"
    expect 66 $command "$work/fifo"
    contains "$work/err" "cannot read $work/fifo: not a regular file"
    if [ "$(id -u)" != 0 ]; then
        expect 66 $command "$work/private.json"
        contains "$work/err" "cannot read $work/private.json: Permission denied"
    fi
done

# Terminal controls in a row (issue 16): ESC, BEL, DEL, U+009B and U+202E in the name; TAB, CR
# and LF in vendor_data. The table is for people: escaped wherever it goes. CSV and NDJSON are
# data: exact in a file, escaped on a terminal (NDJSON with JSON's escapes, still valid).
printf '{"count": 1, "next": null, "previous": null, "results": [{"session_kind": "user",
 "session_id": "x", "session_number": 1, "status": "Approved", "created_at": "2026-04-10T11:00:00Z",
 "vendor_data": "v\\t\\r\\n", "full_name": "\\u001b]0;x\\u0007B\177C\302\233D\342\200\256E"}]}' \
    >"$work/escapes.json"
shown_name='\x1b]0;x\x07B\x7fC\u{009b}D\u{202e}E'
expect 0 decode "$work/escapes.json"
contains "$work/out" "$shown_name"
raw_controls "$work/out" && fail "the table holds raw controls: $(od -c "$work/out")"
expect 0 decode "$work/escapes.json" --format csv
sed 1d "$work/out" >"$work/record"
printf 'user,x,1,Approved,2026-04-10T11:00:00.000000Z,"v\t\r\n",\033]0;x\007B\177C\302\233D\342\200\256E,,,,,,\r\n' |
    cmp -s - "$work/record" || fail "csv in a file is not exact: $(od -c "$work/record")"
expect 0 decode "$work/escapes.json" --format ndjson
printf '{"session_kind":"user","session_id":"x","session_number":1,"full_name":"\\u001b]0;x\\u0007B\177C\302\233D\342\200\256E","status":"Approved","vendor_data":"v\\t\\r\\n","created_at":"2026-04-10T11:00:00.000000Z"}\n' |
    cmp -s - "$work/out" || fail "ndjson in a file is not exact: $(od -c "$work/out")"

# on_terminal ARGS...: decode with stdout on a pseudo-terminal (script(1), util-linux), into
# $work/out without the CR the terminal adds before each LF.
on_terminal() {
    script -qec "'$cli' decode $*" /dev/null </dev/null | tr -d '\r' >"$work/out"
}
if script -qec true /dev/null </dev/null >/dev/null 2>&1; then
    on_terminal "'$work/escapes.json'"
    contains "$work/out" "$shown_name"
    raw_controls "$work/out" && fail "the table on a terminal holds raw controls: $(od -c "$work/out")"
    on_terminal "'$work/escapes.json'" --format csv
    contains "$work/out" "2026-04-10T11:00:00.000000Z,v\\x09\\x0d\\x0a,$shown_name,"
    raw_controls "$work/out" && fail "csv on a terminal holds raw controls: $(od -c "$work/out")"
    on_terminal "'$work/escapes.json'" --format ndjson
    contains "$work/out" '"full_name":"\u001b]0;x\u0007B\u007fC\u009bD\u202eE"'
    raw_controls "$work/out" && fail "ndjson on a terminal holds raw controls: $(od -c "$work/out")"
    "$cli" validate "$work/out" || fail "ndjson on a terminal is not JSON: $(cat "$work/out")"
else
    echo "note: script(1) cannot run here: the checks on a terminal are skipped"
fi

# Keys of the file quoted in an error's path are escaped too.
printf '{"\342\200\256\177\302\233": [1,,]}' >"$work/key.json"
expect 1 decode "$work/key.json"
contains "$work/err" '(["\u{202e}\x7f\u{009b}"][1])'
raw_controls "$work/err" && fail "an error holds raw controls: $(od -c "$work/err")"

finish "all validate and decode checks passed"
