#!/bin/sh
# Usage: all_headers.sh INCLUDE_DIR [separate]
# Prints a translation unit that includes every public header but the optional transports, to
# build with settings the library promises to support (-fno-exceptions -fno-rtti). With
# "separate", for a build with DIDIT_SESSIONS_SEPARATE_COMPILATION=1, <didit/src.hpp> stands
# for the implementation headers it alone includes then; without it, <didit/src.hpp> is left
# out.
cd "$1" || exit 1
# The transports of didit/transport/ need their HTTP libraries; the program builds them.
find didit -name '*.hpp' | LC_ALL=C sort | grep -v '^didit/transport/' | {
    if [ "${2-}" = separate ]; then grep -v '^didit/rows/impl/'; else grep -vx 'didit/src.hpp'; fi
} | sed 's|.*|#include <&>|'
echo 'int main() {}'
