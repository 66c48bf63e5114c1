#!/usr/bin/env bash
# Builds embedded/cortex_m4.cpp for a Cortex-M4 (Debian: gcc-arm-none-eabi and
# libstdc++-arm-none-eabi-newlib) and reports the library's part of .text: the size of .text
# with the library's calls less its size without them (-DBASELINE, the same inputs still read).
# That counts the library's code wherever the compiler put it, inlined into the caller or not,
# and what it pulls in from the C and C++ runtimes.
#
# Usage: build_cortex_m4.sh [--check] [OUTPUT_DIR]
#   --check     exit 1 when the library's part is over the budget (32768 bytes)
#   OUTPUT_DIR  where the two programs are written (default: a temporary directory)
set -euo pipefail

budget=32768
check=false
if [ "${1-}" = --check ]; then
    check=true
    shift
fi
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cortex_m4_common.sh
source "$here/cortex_m4_common.sh"
take_output_dir "$@"

flags=("${cortex_m4_flags[@]}" -I "$here/../include")
link=(--specs=nano.specs --specs=nosys.specs "-Wl,--gc-sections")

build() { arm-none-eabi-g++ "${flags[@]}" "$@" "${link[@]}"; }
build "$here/cortex_m4.cpp" -o "$out/cortex_m4.elf"
build -DBASELINE "$here/cortex_m4.cpp" -o "$out/cortex_m4_baseline.elf"

section() { arm-none-eabi-size -A "$1" | awk -v name="$2" '$1 == name { print $2 }'; }
text=$(section "$out/cortex_m4.elf" .text)
baseline_text=$(section "$out/cortex_m4_baseline.elf" .text)
rodata=$(section "$out/cortex_m4.elf" .rodata)
baseline_rodata=$(section "$out/cortex_m4_baseline.elf" .rodata)
library=$((text - baseline_text))

# Where it comes from: functions that only the full program has, by origin, each byte counted
# once (some runtime functions are aliases or entry points into one another).
breakdown() {
    arm-none-eabi-nm -S -C --defined-only "$out/cortex_m4_baseline.elf" |
        awk '$3 ~ /^[tTwW]$/ { $1 = $2 = $3 = ""; print substr($0, 4) }' | sort -u >"$out/baseline.symbols"
    arm-none-eabi-nm -S -C --defined-only "$out/cortex_m4.elf" | awk '$3 ~ /^[tTwW]$/' |
        while read -r address size _ name; do
            grep -qxF -- "$name" "$out/baseline.symbols" && continue
            case $name in
            *didit::*) origin="didit:: functions" ;;
            *query_and_page*) origin="inlined into the program's function" ;;
            *fast_float* | *from_chars* | *std::*) origin="libstdc++" ;;
            __aeabi_* | __*df3 | __*df2 | __*di*) origin="libgcc (soft double, 64-bit division)" ;;
            *) origin="newlib" ;;
            esac
            printf '%d\t%d\t%s\n' $((16#$address & ~1)) $((16#$size)) "$origin"
        done | sort -n | awk -F'\t' '
            { start = $1 > end ? $1 : end; if ($1 + $2 > start) sum[$3] += $1 + $2 - start
              if ($1 + $2 > end) end = $1 + $2 }
            END { for (o in sum) printf "  %7d  %s\n", sum[o], o }' | sort -rn
}

echo "Cortex-M4, -Os: .text $text bytes, $baseline_text without the library;" \
    ".rodata $rodata bytes, $baseline_rodata without it"
echo "by function:"
breakdown
echo "library .rodata: $((rodata - baseline_rodata)) bytes"
echo "library .text: $library bytes"
if ((library <= budget)); then
    echo "within $budget"
else
    echo "over $budget by $((library - budget)) bytes"
    if $check; then exit 1; fi
fi
