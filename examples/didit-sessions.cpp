// didit-sessions: the command line face of the library.
//
//   didit-sessions url [--base-url URL] [name=value ...]
//   didit-sessions list [name=value ...] [options]
//   didit-sessions serve [options]
//   didit-sessions validate FILE
//   didit-sessions decode FILE [--format table|csv|ndjson]
//   didit-sessions demo
//   didit-sessions --version
//
// Exit statuses are in commands.hpp.

#include <csignal>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

#include <didit/client/client.hpp>
#include <didit/sessions.hpp>

#include "commands.hpp"
#include "query_arguments.hpp"
#include "terminal_text.hpp"

namespace didit_cli {

namespace {

constexpr std::string_view usage_text =
    "usage: didit-sessions <command> [arguments]\n"
    "       didit-sessions --version\n"
    "\n"
    "commands:\n"
    "  demo\n"
    "      List a few thousand sessions of an in-memory emulator through the real client:\n"
    "      no key, no network. Prints a table of the first rows and a summary.\n"
    "  list [name=value ...] [--format table|csv|ndjson] [--max-rows N] [--output FILE]\n"
    "       [--base-url URL] [--connect-timeout S] [--read-timeout S] [--page-timeout S]\n"
    "       [--quiet]\n"
    "      Print every row of a listing, each once, across all pages. The API key comes from\n"
    "      DIDIT_API_KEY. Query warnings are printed before the first request; a query the\n"
    "      server would reject stops there with status 2. Progress goes to stderr when it is\n"
    "      a terminal. With --output, a failure part-way leaves the rows written so far.\n"
    "  serve [--port N] [--seed S] [--sessions N] [--api-key K] [--rate-limited PCT]\n"
    "        [--server-errors PCT] [--dropped PCT] [--retry-after S] [--created N]\n"
    "        [--deleted N] [--outage-after N]\n"
    "      Serve the emulator over HTTP on 127.0.0.1 (port 0, the default, picks a free one)\n"
    "      with N generated sessions of each kind, until SIGINT or SIGTERM. The options\n"
    "      inject faults: percentages of requests answered 429 or 5xx or dropped, sessions\n"
    "      created or deleted between requests, and no answer at all after N requests.\n"
    "      Prints the base URL on stdout.\n"
    "  url [--base-url URL] [name=value ...]\n"
    "      Print the canonical URL of a listing query. Each argument is one query parameter as\n"
    "      the server receives it, decoded (status=In Review, not status=In+Review). Warnings\n"
    "      about what the server will silently do go to stderr. When the server would reject\n"
    "      the query, print its 400 body instead and exit with status 2.\n"
    "  validate FILE\n"
    "      Check that FILE holds one JSON document (RFC 8259). If not, print\n"
    "      FILE:LINE:COL: message on stderr and exit with status 1.\n"
    "  decode FILE [--format table|csv|ndjson]\n"
    "      Print the rows of a saved page of the listing (default: table). NDJSON writes one\n"
    "      object per row with every field the row had. A page or row that does not decode is\n"
    "      reported as FILE:LINE:COL: message (path), and the exit status is 1.\n";

} // namespace

int usage_error(std::string_view complaint) {
    std::fprintf(stderr, "didit-sessions: %.*s\n(didit-sessions --help lists the commands)\n",
                 int(complaint.size()), complaint.data());
    return exit_usage;
}

std::string describe(const didit::error& e) {
    std::string text(e.message);
    if (!e.subject.empty()) text += ": " + std::string(e.subject);
    if (!e.path.empty()) text += " (at " + std::string(e.path.view()) + ")";
    return terminal_text(text);
}

int url_command(std::span<char*> args) {
    std::string_view base = didit::default_base_url;
    query_arguments parameters;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--base-url") {
            if (++i == args.size()) return usage_error("--base-url needs a URL");
            base = args[i];
            // The origin a listing would be sent to, checked as `list` checks it.
            if (const auto origin = didit::base_origin(base); !origin)
                return usage_error("--base-url: " + describe(origin.error()));
        } else if (!parameters.add(arg)) {
            return usage_error("expected name=value, got '" + std::string(arg) + "'");
        }
    }
    didit::query q;
    if (const int status = parameters.check(q, stdout); status != exit_ok) return status;
    std::printf("%s\n", didit::to_url(q, base).c_str());
    return exit_ok;
}

} // namespace didit_cli

int main(int argc, char** argv) {
    using namespace didit_cli;
    const std::span<char*> args(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
    if (args.empty()) {
        std::fputs(std::string(usage_text).c_str(), stderr);
        return exit_usage;
    }
    // A file size limit (ulimit -f) makes a write fail, reported as any other failed write,
    // rather than killing the program with half a row written.
    std::signal(SIGXFSZ, SIG_IGN);
    const std::string_view command = args[0];
    const auto rest = args.subspan(1);
    if (command == "url") return url_command(rest);
    if (command == "list") return list_command(rest);
    if (command == "serve") return serve_command(rest);
    if (command == "validate") return validate_command(rest);
    if (command == "decode") return decode_command(rest);
    if (command == "demo") return demo_command(rest);
    if (command == "--version" || command == "version") {
        std::printf("didit-sessions %s\n", didit::version_string);
        return exit_ok;
    }
    if (command == "--help" || command == "help") {
        std::fputs(std::string(usage_text).c_str(), stdout);
        return exit_ok;
    }
    return usage_error("unknown command '" + std::string(command) + "'");
}
