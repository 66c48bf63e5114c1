# What the bash tests of the program over HTTP share (cli_serve_test.sh, cli_hostile_test.sh):
# a work directory, the server they start (its PID in `server`, stopped at exit), and failures
# counted by `fail` and summed up by `finish`.
# shellcheck shell=bash
work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Ends the test: status 0 with `success_message` when nothing failed.
finish() {
    [ $failures = 0 ] && echo "$1"
    exit $((failures > 0))
}
