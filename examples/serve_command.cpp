// serve: the emulator over HTTP/1.1 on the loopback interface, so that a client in any language
// can be tested against it. loopback_server does the HTTP; this file adapts its requests to the
// emulator's and stops it on SIGINT or SIGTERM.

#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include <didit/testing/emulator.hpp>
#include <didit/testing/generate.hpp>

#include "commands.hpp"
#include "loopback_server.hpp"
#include "option_number.hpp"

namespace didit_cli {

namespace {

struct serve_options {
    int port = 0;
    std::uint64_t seed = 1;
    std::size_t sessions = 1000; // of each kind
    std::string_view api_key = "emulator-key";
    didit::testing::faults faults{};
};

int read_options(std::span<char*> args, serve_options& options) {
    for (std::size_t i = 0; i < args.size(); i += 2) {
        const std::string_view arg = args[i];
        const bool has_value = i + 1 < args.size();
        const std::string_view value = has_value ? std::string_view(args[i + 1]) : "";
        auto& f = options.faults;
        // Sets `out` when the value is a number in [low, high].
        const auto read_number = [value](auto& out, std::remove_reference_t<decltype(out)> low,
                                         std::remove_reference_t<decltype(out)> high) {
            const auto number = number_in(value, low, high);
            if (number) out = *number;
            return number.has_value();
        };
        bool read = false;
        if (arg == "--port")
            read = read_number(options.port, 0, 65535);
        else if (arg == "--seed")
            read = read_number(options.seed, 0, UINT64_MAX);
        else if (arg == "--sessions")
            read = read_number(options.sessions, 0, 1'000'000);
        else if (arg == "--api-key")
            read = (options.api_key = value, didit::api_key::make(value).has_value());
        else if (arg == "--rate-limited")
            read = read_number(f.rate_limited_percent, 0, 100);
        else if (arg == "--server-errors")
            read = read_number(f.server_error_percent, 0, 100);
        else if (arg == "--dropped")
            read = read_number(f.transport_failure_percent, 0, 100);
        else if (arg == "--outage-after")
            read = read_number(f.outage_after_requests, 0, SIZE_MAX);
        else if (arg == "--retry-after")
            read = read_number(f.retry_after_seconds, 0, 86'400);
        else if (arg == "--created")
            read = read_number(f.created_between_requests, 0, 1000);
        else if (arg == "--deleted")
            read = read_number(f.deleted_between_requests, 0, 1000);
        else
            return usage_error("unknown option " + std::string(arg));
        if (!has_value) return usage_error(std::string(arg) + " needs a value");
        if (!read)
            return usage_error("bad value for " + std::string(arg) + ": '" + std::string(value) +
                               "'");
    }
    return exit_ok;
}

// "user 601 602", the session numbers of one kind that a listing may or may not hold.
void print_changed(std::string_view what, std::string_view kind,
                   const std::vector<std::int64_t>& numbers) {
    if (numbers.empty()) return;
    std::fprintf(stderr, "%.*s %.*s", int(what.size()), what.data(), int(kind.size()), kind.data());
    for (const auto number : numbers)
        std::fprintf(stderr, " %lld", static_cast<long long>(number));
    std::fputc('\n', stderr);
}

// Hands requests to the emulator and its answers back.
class emulator_front {
public:
    emulator_front(didit::testing::emulator emulator, int port)
        : emulator_(std::move(emulator))
        , hosts_{"127.0.0.1:" + std::to_string(port), "localhost:" + std::to_string(port)} {}

    http_answer answer(const request_head& request) {
        // Links are written for the host the client asked for; like the server, refuse a host
        // it does not serve instead of writing links to it.
        const auto host = didit::find_header(request.fields, "Host").value_or("");
        // A target must be a path: `@evil.example/...` would make the links' host foreign.
        if ((host != hosts_[0] && host != hosts_[1]) || !request.target.starts_with('/'))
            return {400, {{"Content-Type", "text/html"}}, "Bad Request (400)"};
        const std::string url = "http://" + std::string(host) + std::string(request.target);
        auto answer = emulator_({request.method, url, request.fields});
        // Headers that promise a body, then nothing: the client sees the connection drop.
        if (!answer) return {200, {{"Content-Type", "application/json"}}, "", true};
        return {answer->code, std::move(answer->headers), std::move(answer->text)};
    }

    // What was asked and what changed, on stderr.
    void report(bool signalled) const {
        const auto& store = emulator_.sessions();
        std::fprintf(stderr, "stopped%s after %zu requests, %zu answered with an injected fault\n",
                     signalled ? "" : " on its own", store.requests, store.injected);
        print_changed("created", "user", store.changes.created_kyc);
        print_changed("created", "business", store.changes.created_kyb);
        print_changed("deleted", "user", store.changes.deleted_kyc);
        print_changed("deleted", "business", store.changes.deleted_kyb);
    }

private:
    didit::testing::emulator emulator_;
    std::string hosts_[2];
};

// SIGINT and SIGTERM write to a pipe that the server watches (the self-pipe trick): the stop
// wakes its poll() however busy or idle it is.
int stop_pipe[2] = {-1, -1};

extern "C" void on_stop_signal(int) {
    const int saved = errno;
    const char byte = 0;
    [[maybe_unused]] const auto written = write(stop_pipe[1], &byte, 1);
    errno = saved;
}

} // namespace

int serve_command(std::span<char*> args) {
    serve_options options;
    if (const int status = read_options(args, options); status != exit_ok) return status;

    errno = 0;
    auto server = loopback_server::listen(options.port);
    if (!server) {
        std::fprintf(stderr, "didit-sessions: cannot listen on 127.0.0.1:%d: %s\n", options.port,
                     std::strerror(errno));
        return exit_unavailable;
    }
    if (pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        std::fprintf(stderr, "didit-sessions: cannot make a pipe: %s\n", std::strerror(errno));
        return exit_failed;
    }
    struct sigaction on_stop {};
    on_stop.sa_handler = on_stop_signal;
    sigaction(SIGINT, &on_stop, nullptr);
    sigaction(SIGTERM, &on_stop, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a client that hangs up is an error on its socket only

    didit::testing::emulator emulator{std::string(options.api_key)};
    didit::testing::session_generator generate(options.seed);
    emulator.sessions().kyc = generate.kyc(options.sessions);
    emulator.sessions().kyb = generate.kyb(options.sessions);
    emulator.inject(options.faults);
    emulator_front front(std::move(emulator), server->port());

    std::printf("http://127.0.0.1:%d\n", server->port());
    std::fflush(stdout);
    std::fprintf(stderr,
                 "serving %zu KYC and %zu KYB sessions at http://127.0.0.1:%d/v3/sessions/ "
                 "(x-api-key: %.*s) until SIGINT or SIGTERM\n",
                 options.sessions, options.sessions, server->port(), int(options.api_key.size()),
                 options.api_key.data());

    const auto summary = server->run(
        [&front](const request_head& request) { return front.answer(request); }, stop_pipe[0]);
    front.report(summary.has_value());
    if (!summary) {
        std::fprintf(stderr, "didit-sessions: serving failed: %s\n", std::strerror(errno));
        return exit_failed;
    }
    if (summary->cut_off != 0)
        std::fprintf(stderr, "%zu connections cut off in the middle of a request or answer\n",
                     summary->cut_off);
    return exit_ok;
}

} // namespace didit_cli
