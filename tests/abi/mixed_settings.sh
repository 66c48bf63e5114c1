#!/bin/sh
# Usage: mixed_settings.sh COMPILER INCLUDE_DIR [RUNNER...]
# Two translation units that pass a query between them link and run when built with the same
# settings, and fail to link, naming the function, when one has a different list capacity (a
# query's layout differs) instead of reading each other's objects wrongly.
# RUNNER: the command that runs the compiler's programs here (a cross build's emulator), if any.
# LDFLAGS: the build's link flags (a cross build's -static), if any.
set -u
compiler=$1
include=$2
shift 2
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() { # output
    out=$1
    # shellcheck disable=SC2086 # LDFLAGS holds several flags
    "$compiler" -std=c++20 -I"$include" ${LDFLAGS-} "$here/provider.cpp" "$here/user.cpp" -o "$work/$out" 2>"$work/$out.log"
}
if ! build same || ! "$@" "$work/same"; then
    echo "with the same settings the two translation units must link and run:"
    cat "$work/same.log"
    exit 1
fi
# Only the provider is built with other settings: compile each unit on its own, then link.
"$compiler" -std=c++20 -I"$include" -DDIDIT_SESSIONS_MAX_LIST_ITEMS=8 -c "$here/provider.cpp" -o "$work/provider.o" &&
    "$compiler" -std=c++20 -I"$include" -c "$here/user.cpp" -o "$work/user.o" || exit 1
if "$compiler" "$work/provider.o" "$work/user.o" -o "$work/mixed" 2>"$work/mixed.log"; then
    echo "translation units with different list capacities linked, but they must not"
    exit 1
fi
if ! grep -q "statuses_of" "$work/mixed.log"; then
    echo "the link failed for another reason:"
    cat "$work/mixed.log"
    exit 1
fi
echo "mixed settings: the link fails on statuses_of, as it must"
