#!/usr/bin/env bash
# Instructions per byte of each decoding case (those run once per listing), counted by valgrind's
# callgrind over the timed loop alone: each case runs one iteration (--benchmark_min_time=0), its
# costs zeroed as the loop starts (benchmark::State::StartKeepRunning) and dumped as it ends
# (FinishKeepRunning). Those two calls bracket every `for (auto _ : state)`, inlined or not; the
# function that holds the loop, didit_bench::run<...> in measure.hpp, does not always exist: the
# compiler inlines it into some cases (simdjson's into run_padded, nlohmann's into run_pages),
# leaving no symbol for --toggle-collect='void didit_bench::run<*' to match, so that those
# counted 0. A listing's bytes are the benchmark's own: bytes_per_second times CPU time.
# Under valgrind, simdjson's best kernel is at most haswell (valgrind has no AVX-512).
#   cmake -B DIR -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS=-g -DCMAKE_C_FLAGS=-g
#   cmake --build DIR --target didit-bench
#   bash bench/instructions.sh DIR [FILTER-REGEX]
# (-g is for reading the counts by source line, with callgrind_annotate; they do not need it.)
set -euo pipefail
bench=${1:?usage: bash bench/instructions.sh BUILD_DIR [FILTER-REGEX]}/bench/didit-bench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-36s %14s %10s %8s\n' case instructions bytes 'instr/B'
"$bench" --benchmark_list_tests --benchmark_filter="${2:-.}" | grep -E '/(kyc|kyb|all)$' |
    while read -r name; do
        rm -f "$work"/*
        if ! valgrind --tool=callgrind --callgrind-out-file="$work/costs" \
            --zero-before='benchmark::State::StartKeepRunning*' \
            --dump-before='benchmark::State::FinishKeepRunning*' \
            "$bench" --benchmark_filter="^$name\$" --benchmark_min_time=0 \
            --benchmark_out="$work/run.json" --benchmark_out_format=json \
            >"$work/log" 2>&1 || [[ ! -f $work/costs.1 ]]; then
            cat "$work/log" >&2
            echo "$name: no timed loop ran" >&2
            exit 1
        fi
        awk -v name="$name" -F'[:,]' '
            FILENAME ~ /costs/ && /^summary/ { instructions = $2 }
            /"iterations"/ { iterations = $2 }
            /"cpu_time"/ { ns = $2 }
            /"bytes_per_second"/ { rate = $2 }
            END {
                bytes = rate * ns / 1e9
                printf "%-36s %14d %10.0f %8.2f\n", name, instructions / iterations, bytes,
                    instructions / iterations / bytes
            }' "$work/costs.1" "$work/run.json"
    done
