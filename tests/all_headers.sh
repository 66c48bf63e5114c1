#!/bin/sh
# Usage: all_headers.sh INCLUDE_DIR [separate]
# Prints a translation unit that includes every public header, to build with settings the
# library promises to support (-fno-exceptions -fno-rtti). <didit/src.hpp> is left out unless
# "separate" is given, for a build with DIDIT_SESSIONS_SEPARATE_COMPILATION=1.
cd "$1" || exit 1
find didit -name '*.hpp' | LC_ALL=C sort | {
    if [ "${2-}" = separate ]; then cat; else grep -vx 'didit/src.hpp'; fi
} | sed 's|.*|#include <&>|'
echo 'int main() {}'
