#!/bin/sh
# Usage: bad_access_test.sh PROGRAM SOURCE
# PROGRAM (bad_access_program.cpp, SOURCE) reads the value of a page that lacks `results`. With
# no handler set, it must write on stderr where it read it and why the page failed, then abort.
program=$1
source=$2
read_line=$(grep -n 'page.value()' "$source" | cut -d: -f1)
stderr=$("$program" 2>&1 >/dev/null)
status=$?
if [ "$status" -ne 134 ]; then
    echo "expected the program to abort (exit status 134), got $status; stderr: $stderr"
    exit 1
fi
expected="didit-sessions: .*bad_access_program\.cpp:$read_line (in main): value() on a result that holds an error (missing_field): 1:1: missing member \`results\`\$"
if ! printf '%s\n' "$stderr" | grep -qx -- "$expected"; then
    printf 'stderr does not match\n  %s\nit is:\n  %s\n' "$expected" "$stderr"
    exit 1
fi
echo "aborted with: $stderr"
