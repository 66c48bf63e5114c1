#!/usr/bin/env bash
# Tests the library on a Cortex-M4: reports and checks its code size (build_cortex_m4.sh
# --check), then builds the device test program (device_tests/ on board/, for QEMU's
# mps2-an386 board) and runs it under qemu-system-arm with semihosting. The program prints each
# group's results and peak stack, and exits 1 when a check fails. Fails when the size is over
# budget, the program does not build, a check fails, or the run does not end within 120 s.
#
# Needs the Debian packages gcc-arm-none-eabi, libstdc++-arm-none-eabi-newlib and qemu-system-arm.
#
# Usage: run_cortex_m4_tests.sh [OUTPUT_DIR]
#   OUTPUT_DIR  where the programs and the run's output are written (default: a temporary
#               directory)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source-path=SCRIPTDIR source=cortex_m4_common.sh
source "$here/cortex_m4_common.sh"
take_output_dir "$@"

bash "$here/build_cortex_m4.sh" --check "$out/size"
echo

flags=("${cortex_m4_flags[@]}" -I "$here/../include")
# newlib with semihosting (rdimon); the board's own start-up code instead of newlib's crt0.
link=(--specs=rdimon.specs -nostartfiles -T "$here/board/mps2_an386.ld" "-Wl,--gc-sections")

sources=("$here"/board/*.cpp "$here"/device_tests/*.cpp)
objects=()
mkdir -p "$out/objects"
for source in "${sources[@]}"; do
    objects+=("$out/objects/$(basename "$(dirname "$source")")-$(basename "${source%.cpp}").o")
done

# Two compilers at once (each file includes the library, and compiles slowly), each taking
# every other file.
compile_every_other() {
    for ((i = $1; i < ${#sources[@]}; i += 2)); do
        arm-none-eabi-g++ "${flags[@]}" -c "${sources[i]}" -o "${objects[i]}" || return 1
    done
}
compile_every_other 0 &
first=$!
compile_every_other 1 &
second=$!
compiled=true
wait "$first" || compiled=false
wait "$second" || compiled=false
if ! $compiled; then
    echo "the device test program does not compile" >&2
    exit 1
fi
program=$out/device_tests.elf
arm-none-eabi-g++ "${flags[@]}" "${objects[@]}" "${link[@]}" -o "$program"
arm-none-eabi-size -A "$program" | awk '
    $1 == ".text" || $1 == ".rodata" || $1 == ".data" || $1 == ".bss" || $1 == ".stack" {
        parts = parts sep $1 " " $2; sep = ", " }
    END { print "device test program: " parts " bytes" }'
echo

# The program's exit status comes back through semihosting as qemu's own. Its last line is
# checked too, so that a program that stops early with status 0 does not pass.
status=0
timeout 120 qemu-system-arm -M mps2-an386 -semihosting-config enable=on,target=native \
    -nographic -monitor none -serial none -kernel "$program" | tee "$out/device_tests.out" ||
    status=$?
if ((status == 124)); then
    echo "the device test program did not finish within 120 s" >&2
    exit 1
fi
if ((status != 0)); then
    echo "the device test program failed (exit status $status)" >&2
    exit 1
fi
if ! tail -n 1 "$out/device_tests.out" | grep -qE '^[0-9]+ passed, 0 failed$'; then
    echo "the device test program exited 0 without its final line: N passed, 0 failed" >&2
    exit 1
fi
