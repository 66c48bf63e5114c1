#!/bin/sh
# Usage: expect_error.sh COMPILER -IINCLUDE_DIR SOURCE
# Passes when SOURCE fails to compile and its first error says why: the text of its
# "// expect-error:" line is on that error's line or in the notes that follow it (clang gives
# the reason a constant evaluation failed in a note). SOURCE must compile when DIDIT_VALID_TWIN
# is defined, so that it cannot fail for another reason.
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
first_error=$(printf '%s\n' "$output" | awk '/: error: / { if (seen) exit; seen = 1 } seen')
if ! printf '%s\n' "$first_error" | grep -qF -- "$expected"; then
    printf '%s: the first error does not say "%s":\n%s\n' "$source" "$expected" "$output"
    exit 1
fi
echo "$source: rejected, and the first error says: $expected"
