#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60), two at a time, starting from the seed
# corpora (and, for the JSON targets, the JSONTestSuite files), and fails on any finding. The
# JSON targets run twice: as built, and as *_scalar, their scans kept to 64-bit words.
#   cmake --preset fuzz && cmake --build --preset fuzz
#   bash tests/fuzz/run.sh build/fuzz [SECONDS] [TARGET...]
# Each target's corpus grows in BUILD/fuzz-corpus/TARGET between runs; a finding is left in
# BUILD/fuzz-findings/TARGET/ and its log printed. Once fixed, add the input to the target's
# seed folder in tests/fuzz/corpus/, so that every later run replays it first.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$1" && pwd)
seconds=${2:-60}
shift $(($# < 2 ? $# : 2))
targets=("$@")
[ ${#targets[@]} -gt 0 ] ||
    targets=(reader differential page query url client reader_scalar differential_scalar page_scalar)
suite=${DIDIT_JSON_TEST_SUITE_DIR:-$here/../../../shared/conformance/JSONTestSuite/test_parsing}

run_one() {
    local target=$1 seeds dict max_len
    case $target in
    reader* | differential* | page*) seeds=("$here/corpus/json") dict=$here/json.dict max_len=16384
        [ -d "$suite" ] && seeds+=("$suite") ;;
    query) seeds=("$here/corpus/query") dict=$here/query.dict max_len=1024 ;;
    url) seeds=("$here/corpus/url") dict="" max_len=1024 ;;
    client) seeds=("$here/corpus/client" "$here/corpus/json") dict=$here/json.dict max_len=16384 ;;
    esac
    local corpus=$build/fuzz-corpus/$target findings=$build/fuzz-findings/$target
    mkdir -p "$corpus" "$findings"
    local log=$findings/log.txt
    if "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -max_len="$max_len" \
        ${dict:+-dict="$dict"} -artifact_prefix="$findings/" -print_final_stats=1 \
        "$corpus" "${seeds[@]}" >"$log" 2>&1; then
        echo "fuzz_$target: no finding in ${seconds} s ($(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$') runs)"
    else
        echo "fuzz_$target: FINDING (see $findings)"
        tail -n 40 "$log"
        return 1
    fi
}
export -f run_one
export here build seconds suite
printf '%s\n' "${targets[@]}" | xargs -P 2 -I{} bash -c 'run_one {}'
