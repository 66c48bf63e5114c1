#!/usr/bin/env bash
# Mutation testing: puts one small bug at a time into the source (the list in mutations.tsv:
# name, file, text, replacement, tab-separated), rebuilds the test programs and runs them. Each
# mutation must make a test fail; one that survives is a bug the suite lets through, and gets a
# test.
#
#   tests/mutations/run.sh BUILD_DIR [--all | --pick N | NAME...]
#
# BUILD_DIR is a configured native build of this checkout (the dev preset's). Files are mutated
# in place and restored on exit, so they must hold no uncommitted change. --pick N runs N
# mutations chosen by the checkout's commit: CI runs a different handful each time.
set -u
cd "$(dirname "$0")/../.." || exit 2
list=tests/mutations/mutations.tsv
build=${1:?usage: run.sh BUILD_DIR [--all | --pick N | NAME...]}
shift
programs=("$build/tests/didit-tests" "$build/tests/didit-allocation-tests")
work=$(mktemp -d)
trap 'restore; rm -rf "$work"' EXIT
mutated_file=
restore() {
    if [ -n "$mutated_file" ]; then cp "$work/original" "$mutated_file"; fi
    mutated_file=
}

mapfile -t all < <(grep -v '^#' "$list" | grep .)
chosen=()
case "${1:---all}" in
--all) chosen=("${all[@]}") ;;
--pick)
    count=${2:?--pick needs a number}
    start=$((16#$(git rev-parse --short=7 HEAD) % ${#all[@]}))
    for ((k = 0; k < count && k < ${#all[@]}; ++k)); do
        chosen+=("${all[(start + k) % ${#all[@]}]}")
    done
    ;;
*)
    for name in "$@"; do
        line=$(printf '%s\n' "${all[@]}" | grep -m1 "^$name"$'\t') || {
            echo "no mutation named $name"
            exit 2
        }
        chosen+=("$line")
    done
    ;;
esac

build_and_test() { # the log file; fails when a program fails or hangs, or a test's
    # compile-time check (static_assert, a constant expression) fails: 4; another build error: 3
    if ! cmake --build "$build" --target didit-tests didit-allocation-tests >"$1" 2>&1; then
        grep -q 'static assertion failed\|static_assert\|not a constant expression' "$1" && return 4
        return 3
    fi
    for program in "${programs[@]}"; do
        timeout 600 "$program" --abort >>"$1" 2>&1 || return 1
    done
}

build_and_test "$work/baseline.log" || {
    echo "the unmutated source does not build and pass:"
    tail -20 "$work/baseline.log"
    exit 2
}

caught=0 survived=()
for line in "${chosen[@]}"; do
    IFS=$'\t' read -r name file from to <<<"$line"
    git diff --quiet -- "$file" || { echo "$file has uncommitted changes"; exit 2; }
    text=$(cat "$file"; printf x)
    text=${text%x}
    rest=${text#*"$from"}
    if [ "$rest" = "$text" ] || [[ $rest == *"$from"* ]]; then
        echo "$name: its text is not in $file exactly once"
        exit 2
    fi
    cp "$file" "$work/original"
    mutated_file=$file
    printf '%s' "${text/"$from"/"$to"}" >"$file"
    started=$SECONDS
    build_and_test "$work/$name.log"
    status=$?
    restore
    case $status in
    0) survived+=("$name") result="SURVIVED" ;;
    3)
        echo "$name: the mutated source does not build:"
        grep -m5 error "$work/$name.log"
        exit 2
        ;;
    4) caught=$((caught + 1)) result="caught (compile time)" ;;
    *) caught=$((caught + 1)) result="caught" ;;
    esac
    printf '%-40s %-21s %3ds  (%s)\n' "$name" "$result" $((SECONDS - started)) "$file"
done
echo "$caught of ${#chosen[@]} mutations caught"
if ((${#survived[@]})); then
    echo "survived: ${survived[*]}"
    exit 1
fi
