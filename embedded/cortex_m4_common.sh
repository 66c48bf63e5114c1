# What the Cortex-M4 scripts in this directory share (build_cortex_m4.sh and
# run_cortex_m4_tests.sh source it).
# shellcheck shell=bash disable=SC2034 # (the variables are used by the scripts that source this)

# The compiler flags of every Cortex-M4 build: the core and its single-precision FPU, code for
# size, no exceptions or RTTI, and the warnings of the project's other builds, as errors.
cortex_m4_flags=(-std=c++20 -mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16 -Os
                 -fno-exceptions -fno-rtti -ffunction-sections -fdata-sections
                 -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror)

# Sets `out` to the output directory the script was given (made if needed), or to a temporary
# one removed when the script exits.
take_output_dir() {
    if [ $# -gt 0 ]; then
        out=$1
        mkdir -p "$out"
    else
        out=$(mktemp -d)
        trap 'rm -rf "$out"' EXIT
    fi
}
