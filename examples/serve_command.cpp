// serve: the emulator over HTTP/1.1 on the loopback interface, so that a client in any language
// can be tested against it. cpp-httplib does the HTTP: request parsing, limits, timeouts and a
// pool of connection threads; this file only adapts its requests to the emulator's.

#include "commands.hpp"
#include "option_number.hpp"

#if defined(DIDIT_CLI_WITH_HTTPLIB)

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <httplib.h>
#include <mutex>
#include <pthread.h>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <didit/client/request.hpp>
#include <didit/detail/text.hpp>
#include <didit/testing/emulator.hpp>
#include <didit/testing/generate.hpp>

namespace didit_cli {

namespace {

constexpr std::size_t connection_threads = 64;

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

// Hands cpp-httplib's requests to the emulator, one at a time (the emulator is not
// thread-safe), and its answers back.
class emulator_front {
public:
    emulator_front(didit::testing::emulator emulator, int port)
        : emulator_(std::move(emulator))
        , hosts_{"127.0.0.1:" + std::to_string(port), "localhost:" + std::to_string(port)} {}

    void answer(const httplib::Request& request, httplib::Response& response) {
        // Links are written for the host the client asked for; like the server, refuse a host
        // it does not serve instead of writing links to it.
        const std::string host = request.get_header_value("Host");
        // A target must be a path: `@evil.example/...` would make the links' host foreign.
        if ((host != hosts_[0] && host != hosts_[1]) || !request.target.starts_with('/')) {
            response.status = 400;
            response.set_content("Bad Request (400)", "text/html");
            return;
        }
        const std::string url = "http://" + host + request.target;
        std::vector<didit::http_header> headers;
        for (const auto& [name, value] : request.headers)
            headers.push_back({name, value});
        const didit::http_request forwarded{request.method, url, headers};

        std::unique_lock lock(mutex_);
        auto answer = emulator_(forwarded);
        lock.unlock();
        if (!answer) return drop_connection(response);
        response.status = answer->code;
        std::string content_type = "application/json";
        for (const auto& [name, value] : answer->headers) {
            if (didit::detail::iequals(name, "Content-Type"))
                content_type = value;
            else
                response.set_header(name.c_str(), value);
        }
        if (!answer->text.empty()) response.set_content(std::move(answer->text), content_type);
    }

    // What was asked and what changed, on stderr; connections may still be open.
    void report(bool signalled) {
        const std::scoped_lock lock(mutex_);
        const auto& store = emulator_.sessions();
        std::fprintf(stderr, "stopped%s after %zu requests, %zu answered with an injected fault\n",
                     signalled ? "" : " on its own", store.requests, store.injected);
        print_changed("created", "user", store.changes.created_kyc);
        print_changed("created", "business", store.changes.created_kyb);
        print_changed("deleted", "user", store.changes.deleted_kyc);
        print_changed("deleted", "business", store.changes.deleted_kyb);
    }

private:
    // Headers that promise a body, then nothing: the client sees the connection drop.
    static void drop_connection(httplib::Response& response) {
        response.status = 200;
        response.set_content_provider(
            1, "application/json",
            [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
    }

    std::mutex mutex_;
    didit::testing::emulator emulator_;
    std::string hosts_[2];
};

} // namespace

int serve_command(std::span<char*> args) {
    serve_options options;
    if (const int status = read_options(args, options); status != exit_ok) return status;

    // SIGINT and SIGTERM are taken by sigtimedwait below, in this thread; the connection
    // threads start with them blocked.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a client that hangs up is an error on its socket only

    httplib::Server server;
    errno = 0;
    const int port = options.port == 0 ? server.bind_to_any_port("127.0.0.1")
                     : server.bind_to_port("127.0.0.1", options.port) ? options.port
                                                                      : -1;
    if (port < 0) {
        std::fprintf(stderr, "didit-sessions: cannot listen on 127.0.0.1:%d: %s\n", options.port,
                     errno != 0 ? std::strerror(errno) : "is the port in use?");
        return exit_unavailable;
    }

    didit::testing::emulator emulator{std::string(options.api_key)};
    didit::testing::session_generator generate(options.seed);
    emulator.sessions().kyc = generate.kyc(options.sessions);
    emulator.sessions().kyb = generate.kyb(options.sessions);
    emulator.inject(options.faults);
    emulator_front front(std::move(emulator), port);

    const auto handler = [&front](const httplib::Request& request, httplib::Response& response) {
        front.answer(request, response);
    };
    // Every method reaches the emulator, which answers 405 where the server does.
    server.Get(".*", handler).Post(".*", handler).Put(".*", handler);
    server.Patch(".*", handler).Delete(".*", handler).Options(".*", handler);
    server.set_payload_max_length(64 * 1024); // larger bodies get 413
    server.set_read_timeout(5, 0);            // slow clients lose their connection
    server.set_write_timeout(5, 0);
    server.set_keep_alive_max_count(1000);
    // One thread per open connection; connections beyond these wait for one to end.
    server.new_task_queue = [] { return new httplib::ThreadPool(connection_threads); };

    std::atomic<bool> listening{true};
    std::thread listener([&] {
        server.listen_after_bind();
        listening = false;
    });
    while (listening && !server.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::printf("http://127.0.0.1:%d\n", port);
    std::fflush(stdout);
    std::fprintf(stderr,
                 "serving %zu KYC and %zu KYB sessions at http://127.0.0.1:%d/v3/sessions/ "
                 "(x-api-key: %.*s) until SIGINT or SIGTERM\n",
                 options.sessions, options.sessions, port, int(options.api_key.size()),
                 options.api_key.data());

    int received = 0;
    const timespec tick{0, 200'000'000};
    while (listening && received <= 0)
        received = sigtimedwait(&stop_signals, nullptr, &tick);
    // stop() does nothing until the listener runs; keep asking until it has ended. The
    // listener ends once every connection has, and a client may hold one open (trickling a
    // request, a byte per read timeout): after a grace period, those are cut off.
    const auto grace_ends = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (listening && std::chrono::steady_clock::now() < grace_ends) {
        server.stop();
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    front.report(received > 0);
    const int status = received > 0 ? exit_ok : exit_failed;
    if (listening) {
        std::fprintf(stderr, "connections still open were cut off\n");
        std::fflush(nullptr);
        std::_Exit(status); // the connection threads end with the process
    }
    listener.join();
    return status;
}

} // namespace didit_cli

#else

#include <cstdio>

namespace didit_cli {

int serve_command(std::span<char*>) {
    std::fprintf(stderr, "didit-sessions: this build cannot serve: install libcpp-httplib-dev "
                         "and build again\n");
    return exit_unavailable;
}

} // namespace didit_cli

#endif
