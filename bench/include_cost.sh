#!/usr/bin/env bash
# The compile-time cost of including the library: how much longer g++ -O0 -fsyntax-only takes
# on a translation unit holding only `#include <didit/sessions.hpp>` than on an empty one. Each
# is compiled RUNS times (default 10); the medians are compared.
#   bash bench/include_cost.sh [RUNS]
set -euo pipefail
runs=${1:-10}
include_dir="$(cd "$(dirname "$0")/../include" && pwd)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/empty.cpp"
echo '#include <didit/sessions.hpp>' >"$work/sessions.cpp"

median_seconds() { # the median wall time of compiling $1, in seconds
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        g++ -std=c++20 -O0 -fsyntax-only -I"$include_dir" "$1"
        end=$(date +%s%N)
        echo $(((end - start) / 1000))
    done | sort -n | awk '{ t[NR] = $1 } END { printf "%.3f", t[int((NR + 1) / 2)] / 1e6 }'
}

empty=$(median_seconds "$work/empty.cpp")
sessions=$(median_seconds "$work/sessions.cpp")
echo "empty translation unit: ${empty} s; with <didit/sessions.hpp>: ${sessions} s;" \
    "the include costs $(awk -v a="$sessions" -v b="$empty" 'BEGIN { printf "%.3f", a - b }') s" \
    "(g++ -O0 -fsyntax-only, median of $runs)"
