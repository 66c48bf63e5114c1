#!/bin/sh
# Usage: all_headers.sh INCLUDE_DIR [separate]
# Prints a translation unit that includes every public header, to build with settings the
# library promises to support (-fno-exceptions -fno-rtti). With "separate", for a build with
# DIDIT_SESSIONS_SEPARATE_COMPILATION=1, <didit/src.hpp> stands for the implementation headers
# it alone includes then; without it, <didit/src.hpp> is left out.
cd "$1" || exit 1
find didit -name '*.hpp' | LC_ALL=C sort | {
    if [ "${2-}" = separate ]; then grep -v '^didit/rows/impl/'; else grep -vx 'didit/src.hpp'; fi
} | sed 's|.*|#include <&>|'
echo 'int main() {}'
