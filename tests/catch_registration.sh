#!/bin/sh
# Whether every Catch2 test case is a CTest test of its own, under its exact name. A name that
# catch_discover_tests cannot carry (one holding ';' becomes two tests that match no case) would
# leave its case unrun; so would a program whose discovery failed.
# Usage: catch_registration.sh CTEST BUILD_DIR PROGRAM...
set -u
ctest=$1 build=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for program in "$@"; do
    "$program" --list-test-names-only
done | sort >"$work/defined"
"$ctest" --test-dir "$build" -N -L '^catch$' | sed -n 's/^ *Test *#[0-9]*: //p' | sort >"$work/registered"
if [ ! -s "$work/defined" ]; then
    echo "the test programs list no test case"
    exit 1
fi
if ! diff "$work/defined" "$work/registered" >"$work/difference"; then
    echo "test cases defined (<) and CTest tests (>) differ:"
    cat "$work/difference"
    exit 1
fi
echo "$(wc -l <"$work/defined") test cases, each a CTest test"
