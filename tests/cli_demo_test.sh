#!/bin/sh
# The demo subcommand: it runs offline, prints a table and a summary whose counts add up, and
# writes a plain log when its messages go to a file.
cli=$1
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
"$cli" demo >"$out" 2>"$err" || { echo "demo exited $?: $(cat "$err")"; exit 1; }
head -1 "$out" | grep -q '^KIND *NUMBER *STATUS' || { echo "no table header: $(head -1 "$out")"; exit 1; }
# Written to a file, not a terminal: no counting in place, and it says where it lists from.
if tr -d '\r' <"$err" | cmp -s - "$err"; then :; else echo "carriage returns in a log: $(cat "$err")"; exit 1; fi
grep -q '^listing from the emulator' "$err" || { echo "no word of the emulator: $(cat "$err")"; exit 1; }
listed=$(sed -n 's/^\([0-9]*\) rows in [0-9]* requests$/\1/p' "$err")
shown=$(grep -c '^user \|^business ' "$out")
more=$(sed -n 's/^\.\.\. and \([0-9]*\) more rows$/\1/p' "$out")
per_kind=$(sed -n '/^rows per kind:/,/^rows per status:/p' "$out" | awk 'NF == 2 && $2 ~ /^[0-9]+$/ {s += $2} END {print s}')
per_status=$(sed -n '/^rows per status:/,$p' "$out" | awk 'NF >= 2 && $NF ~ /^[0-9]+$/ {s += $NF} END {print s}')
echo "listed=$listed shown=$shown more=$more per_kind=$per_kind per_status=$per_status"
[ "$listed" -gt 1000 ] && [ $((shown + more)) = "$listed" ] && [ "$per_kind" = "$listed" ] &&
    [ "$per_status" = "$listed" ]
