#!/bin/sh
# Usage: all_headers.sh INCLUDE_DIR
# Prints a translation unit that includes every public header, to build with settings the
# library promises to support (-fno-exceptions -fno-rtti).
cd "$1" || exit 1
find didit -name '*.hpp' | LC_ALL=C sort | sed 's|.*|#include <&>|'
echo 'int main() {}'
