# What the shell tests of the program share (cli_files_test.sh, cli_serve_test.sh,
# cli_hostile_test.sh): a work directory, the server they start (its PID in `server`, stopped at
# exit; started by `start_server`), and failures counted by `fail` and summed up by `finish`. POSIX sh: cli_files_test.sh
# runs under sh.
# shellcheck shell=sh
work=$(mktemp -d)
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
failures=0

# Starts a server, the command given, that prints its URL as its first line, and waits up to
# ten seconds for that line in $work/url (or for the server to exit). Its messages go to
# $work/server.err.
start_server() {
    rm -f "$work/url" # the last server's URL must not be read as this one's
    "$@" >"$work/url" 2>"$work/server.err" &
    server=$!
    waited=0
    while [ $waited -lt 100 ] && [ ! -s "$work/url" ] && kill -0 "$server" 2>/dev/null; do
        sleep 0.1
        waited=$((waited + 1))
    done
}

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# Ends the test: status 0 with `success_message` when nothing failed.
finish() {
    [ $failures = 0 ] && echo "$1"
    exit $((failures > 0))
}

# Whether FILE holds a raw ESC, BEL, DEL, TAB, CR, U+009B or U+202E, which drive a terminal.
raw_controls() {
    LC_ALL=C grep -qF -e "$(printf '\033')" -e "$(printf '\007')" -e "$(printf '\177')" \
        -e "$(printf '\t')" -e "$(printf '\r')" -e "$(printf '\302\233')" \
        -e "$(printf '\342\200\256')" "$1"
}
