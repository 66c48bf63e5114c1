#!/bin/sh
# Usage: compile_blocks.sh COMPILER README INCLUDE_DIR
# Compiles every C++ block of the README as written: each block's #include lines and the
# structs it defines at the start of a line go first, after tests/readme/prelude.hpp, and its
# other lines become the body of a function. A block preceded by the line
# `<!-- continues the block above -->` is compiled together with the blocks before it.
set -u
compiler=$1
readme=$2
include=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Splits the README into work/N.cpp, one file per compiled unit.
awk -v work="$work" '
    /^<!-- continues the block above -->$/ { continues = 1; next }
    /^```cpp$/ {
        if (!continues) { unit++; start[unit] = NR }
        continues = 0; inside = 1; next
    }
    inside && /^```$/ { inside = 0; in_struct = 0; next }
    inside && /^#include/ { heads[unit] = heads[unit] $0 "\n"; next }
    inside && /^struct / { in_struct = !/};$/ ; heads[unit] = heads[unit] $0 "\n"; next }
    inside && in_struct { heads[unit] = heads[unit] $0 "\n"; if ($0 ~ /^};/) in_struct = 0; next }
    inside { bodies[unit] = bodies[unit] "    " $0 "\n"; next }
    NF { continues = 0 }
    END {
        for (u = 1; u <= unit; u++) {
            file = work "/" u ".cpp"
            printf "// README.md, the block at line %d\n#include \"prelude.hpp\"\n%s\nint readme_block() {\n%s    return 0;\n}\n", start[u], heads[u], bodies[u] > file
            close(file)
        }
    }' "$readme"
# Every C++ block is one of those: none written with another fence escapes the check.
if grep -Eq '^ *```(c\+\+|cxx|cc|C)$' "$readme"; then
    echo "$readme has a C++ block fenced otherwise than with \`\`\`cpp"
    exit 1
fi
failed=0
for unit in "$work"/*.cpp; do
    if "$compiler" -std=c++20 -fsyntax-only -Wall -Wextra -Wno-unused -I"$here" -I"$include" "$unit" 2>"$unit.log"; then
        echo "ok: $(head -1 "$unit" | cut -c4-)"
    else
        echo "FAILED: $(head -1 "$unit" | cut -c4-)"
        cat "$unit" "$unit.log"
        failed=1
    fi
done
[ -e "$work/1.cpp" ] || { echo "no C++ block found in $readme"; exit 1; }
exit $failed
