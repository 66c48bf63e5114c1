#!/bin/sh
# Usage: expect_error.sh COMPILER -IINCLUDE_DIR SOURCE
# Passes when SOURCE fails to compile with the error its "// expect-error:" line names, and
# compiles when DIDIT_VALID_TWIN is defined, so that it cannot fail for another reason.
compiler=$1
include=$2
source=$3
expected=$(sed -n 's|^// expect-error: ||p' "$source")
if [ -z "$expected" ]; then
    echo "$source has no '// expect-error:' line"
    exit 2
fi
if ! "$compiler" -std=c++20 -fsyntax-only "$include" -DDIDIT_VALID_TWIN "$source"; then
    echo "the valid twin of $source does not compile"
    exit 1
fi
if output=$("$compiler" -std=c++20 -fsyntax-only "$include" "$source" 2>&1); then
    echo "$source compiled, but it must not"
    exit 1
fi
if ! printf '%s\n' "$output" | grep -q -- "$expected"; then
    printf '%s failed for another reason than %s:\n%s\n' "$source" "$expected" "$output"
    exit 1
fi
echo "$source: rejected with $expected"
