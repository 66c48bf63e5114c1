#!/usr/bin/env bash
# What using the library costs in compile time, against RapidJSON, simdjson and nlohmann/json,
# all in one run:
# - each header alone, g++ -O0 -fsyntax-only: this library's layers (query.hpp, json.hpp,
#   rows.hpp, client/client.hpp) and sessions.hpp, header-only and with
#   DIDIT_SESSIONS_SEPARATE_COMPILATION=1, and each peer's main header; reported as the time
#   over an empty translation unit;
# - the probe, a small function that decodes a page and reads one field of each row
#   (bench/compile_probe/), compiled with g++ -O2 -c: seconds and peak memory; this library's
#   also separately compiled, with the file that includes <didit/src.hpp>, compiled once per
#   program, beside it.
# A peer that is not installed is skipped. Each compile runs RUNS times (default 5); medians.
#   bash bench/include_cost.sh [RUNS]
set -euo pipefail
runs=${1:-5}
here="$(cd "$(dirname "$0")" && pwd)"
include_dir="$here/../include"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compile=(g++ -std=c++20 -I"$include_dir")

# The median wall time (s) and peak memory (MB) of compiling with "$@", over RUNS runs.
median_of() {
    for _ in $(seq "$runs"); do
        "$here/peak_memory.py" "$@"
    done | sort -n | awk '{ t[NR] = $1; m[NR] = $2 } END { i = int((NR + 1) / 2); printf "%.2f %d\n", t[i], m[i] }'
}

compiles() { "${compile[@]}" -fsyntax-only "$@" >/dev/null 2>&1; }

: >"$work/empty.cpp"
read -r empty _ < <(median_of "${compile[@]}" -O0 -fsyntax-only "$work/empty.cpp")
separate=-DDIDIT_SESSIONS_SEPARATE_COMPILATION=1

# A header's time over the empty file: a label, the header, then any extra flags.
header_row() {
    local label=$1 header=$2 seconds
    shift 2
    echo "#include <$header>" >"$work/header.cpp"
    if ! compiles "$@" "$work/header.cpp"; then
        printf '%-40s %12s\n' "$label" 'not found'
        return
    fi
    read -r seconds _ < <(median_of "${compile[@]}" "$@" -O0 -fsyntax-only "$work/header.cpp")
    printf '%-40s %10.2f s\n' "$label" "$(awk -v a="$seconds" -v b="$empty" 'BEGIN { print a - b }')"
}

printf '%-40s %12s\n' 'header (g++ -O0 -fsyntax-only)' 'over empty'
for header in didit/sessions.hpp didit/query.hpp didit/json.hpp didit/rows.hpp \
    didit/client/client.hpp rapidjson/document.h simdjson.h nlohmann/json.hpp; do
    header_row "$header" "$header"
done
header_row 'didit/sessions.hpp, separately compiled' didit/sessions.hpp "$separate"
header_row 'didit/rows.hpp, separately compiled' didit/rows.hpp "$separate"

# A compile's time and memory at -O2: a label, the source, then any extra flags.
probe_row() {
    local label=$1 source=$2 seconds megabytes
    shift 2
    if ! compiles "$@" "$source"; then
        printf '%-40s %12s\n' "$label" 'not found'
        return
    fi
    read -r seconds megabytes < <(median_of "${compile[@]}" "$@" -O2 -c "$source" -o "$work/probe.o")
    printf '%-40s %10.2f s %7d MB\n' "$label" "$seconds" "$megabytes"
}

printf '\n%-40s %12s %10s\n' 'probe (g++ -O2 -c)' 'time' 'memory'
for probe in "$here"/compile_probe/*.cpp; do
    probe_row "$(basename "$probe")" "$probe"
done
probe_row 'didit.cpp, separately compiled' "$here/compile_probe/didit.cpp" "$separate"
echo '#include <didit/src.hpp>' >"$work/src.cpp"
probe_row '<didit/src.hpp>, once per program' "$work/src.cpp" "$separate"
