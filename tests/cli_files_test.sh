#!/bin/sh
# The validate and decode subcommands end to end: exit status, stdout and stderr.
cli=$1
failures=0
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

fail() {
    echo "FAILED: $*"
    failures=$((failures + 1))
}

# expect STATUS COMMAND... : runs the command, keeping stdout and stderr in $dir/out, $dir/err.
expect() {
    status=$1
    shift
    "$cli" "$@" >"$dir/out" 2>"$dir/err"
    actual=$?
    [ "$actual" = "$status" ] || fail "didit-sessions $* exited $actual, expected $status: $(cat "$dir/err")"
}

contains() { # contains FILE TEXT
    grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks '$2': $(cat "$1")"
}

printf '{"a": [1,\n 2,, 3]}' >"$dir/bad.json"
printf '  [1, {"b": null}]\n' >"$dir/good.json"
printf '[1] x' >"$dir/trailing.json"
printf '\042\377\042' >"$dir/utf8.json"

expect 0 validate "$dir/good.json"
[ -s "$dir/out" ] && fail "validate printed on success: $(cat "$dir/out")"
expect 1 validate "$dir/bad.json"
[ "$(cat "$dir/err")" = "$dir/bad.json:2:4: expected a value" ] || fail "validate said: $(cat "$dir/err")"
expect 1 validate "$dir/trailing.json"
contains "$dir/err" "$dir/trailing.json:1:5: "
expect 1 validate "$dir/utf8.json"
contains "$dir/err" "$dir/utf8.json:1:2: invalid UTF-8"
expect 66 validate "$dir/missing.json"
expect 64 validate
expect 64 validate "$dir/good.json" "$dir/good.json"

# A page in the reference's prose shapes, a KYB row, and a row that does not decode.
cat >"$dir/page.json" <<'JSON'
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

expect 1 decode "$dir/page.json" --format ndjson
[ "$(wc -l <"$dir/out")" = 2 ] || fail "ndjson printed $(wc -l <"$dir/out") lines"
contains "$dir/out" '"status":"Approved"'
contains "$dir/out" '"created_at":"2026-04-10T09:00:00.000000Z"'
contains "$dir/out" '"features":[{"feature":"ID_VERIFICATION"},{"feature":"LIVENESS"}]'
contains "$dir/out" '"phone_number":{"number":"+14155550123"}'
contains "$dir/out" '"email_address":{"email":"jane@example.com","is_verified":true}'
contains "$dir/out" '"session_id":"8a1f63c2-1b9e-4f3a-9c41-2f6a1f0b7d52"'
contains "$dir/out" '"company_name":"Acme Études S.L.'
contains "$dir/err" "$dir/page.json:10:46: expected an integer (results[2].session_number)"
sed -n 1p "$dir/out" >"$dir/line"
"$cli" validate "$dir/line" || fail "an NDJSON line is not valid JSON"

expect 1 decode "$dir/page.json" --format csv
[ "$(wc -l <"$dir/out")" = 3 ] || fail "csv printed $(wc -l <"$dir/out") lines"
head -1 "$dir/out" | grep -q '^session_kind,session_id,session_number,status,created_at,' || fail "csv header: $(head -1 "$dir/out")"
contains "$dir/out" '"John ""Johnny"" Doe, Jr."'
contains "$dir/out" 'ID_VERIFICATION;LIVENESS'
[ "$(head -1 "$dir/out" | od -c | grep -c '\\r')" = 1 ] || fail "csv records do not end in CRLF"

expect 1 decode "$dir/page.json"
[ "$(wc -l <"$dir/out")" = 3 ] || fail "table printed $(wc -l <"$dir/out") lines"
contains "$dir/out" 'CREATED (UTC)'
contains "$dir/out" '2026-04-10 09:00:00'
contains "$dir/out" 'Acme Études S.L. with a name far longer…'

expect 1 decode "$dir/bad.json"
[ "$(cat "$dir/err")" = "$dir/bad.json:2:4: expected a value (a[2])" ] || fail "decode said: $(cat "$dir/err")"
printf '{"count": 1, "next": null, "results": []}' >"$dir/short.json"
expect 1 decode "$dir/short.json"
[ "$(cat "$dir/err")" = "$dir/short.json:1:1: missing member 'previous'" ] || fail "decode said: $(cat "$dir/err")"
expect 64 decode "$dir/page.json" --format xml
expect 64 decode
expect 66 decode "$dir/missing.json"

# Inputs that cannot be read exit 66 and say why: a directory, a FIFO (refused, not waited on
# for a writer) and, unless this runs as root, a file without read permission.
mkdir "$dir/folder"
mkfifo "$dir/fifo"
cp "$dir/good.json" "$dir/private.json"
chmod 000 "$dir/private.json"
for command in validate decode; do
    expect 66 $command "$dir/folder"
    contains "$dir/err" "cannot read $dir/folder: a directory"
    expect 66 $command "$dir/fifo"
    contains "$dir/err" "cannot read $dir/fifo: not a regular file"
    if [ "$(id -u)" != 0 ]; then
        expect 66 $command "$dir/private.json"
        contains "$dir/err" "cannot read $dir/private.json: Permission denied"
    fi
done

[ "$failures" = 0 ] && echo "all validate and decode checks passed"
[ "$failures" = 0 ]
