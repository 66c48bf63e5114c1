// didit-sessions: the command line face of the library.
//
//   didit-sessions url [--base-url URL] [name=value ...]
//   didit-sessions validate FILE
//   didit-sessions decode FILE [--format table|csv|ndjson]
//   didit-sessions demo
//
// Exit status: 0 success, 1 invalid input, 2 the server would answer 400, 64 usage error,
// 66 a file that cannot be read.

#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <didit/sessions.hpp>

#include "commands.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_rejected = 2;
constexpr int exit_usage = 64; // EX_USAGE

constexpr std::string_view usage_text =
    "usage: didit-sessions <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  url [--base-url URL] [name=value ...]\n"
    "      Print the canonical URL of a listing query. Each argument is one query parameter as\n"
    "      the server receives it, decoded (status=In Review, not status=In+Review). Warnings\n"
    "      about what the server will silently do go to stderr. When the server would reject\n"
    "      the query, print its 400 body instead and exit with status 2.\n"
    "  validate FILE\n"
    "      Check that FILE holds one JSON document (RFC 8259). If not, print\n"
    "      FILE:LINE:COL: message on stderr and exit with status 1.\n"
    "  demo\n"
    "      List a few thousand sessions of an in-memory emulator through the real client:\n"
    "      no key, no network. Prints a table of the first rows and a summary.\n"
    "  decode FILE [--format table|csv|ndjson]\n"
    "      Print the rows of a saved page of the listing (default: table). NDJSON writes one\n"
    "      object per row with every field the row had. A page or row that does not decode is\n"
    "      reported as FILE:LINE:COL: message (path), and the exit status is 1.\n";

int usage(std::string_view complaint) {
    if (!complaint.empty())
        std::fprintf(stderr, "didit-sessions: %.*s\n", int(complaint.size()), complaint.data());
    std::fputs(std::string(usage_text).c_str(), stderr);
    return exit_usage;
}

void print_line(std::FILE* out, std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), out);
    std::fputc('\n', out);
}

int url_command(std::span<char*> args) {
    std::string_view base = didit::default_base_url;
    std::vector<didit::raw_parameter> raw;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--base-url") {
            if (++i == args.size()) return usage("--base-url needs a URL");
            base = args[i];
            continue;
        }
        const auto equals = arg.find('=');
        if (equals == std::string_view::npos || arg.starts_with("--"))
            return usage("expected name=value, got '" + std::string(arg) + "'");
        raw.push_back({arg.substr(0, equals), arg.substr(equals + 1)});
    }
    const auto parsed = didit::parse_query(raw);
    if (!parsed)
        return usage(std::string(parsed.error().message) + ": " +
                     std::string(parsed.error().subject));
    const auto& findings = parsed.value().findings;
    if (findings.has_errors()) {
        print_line(stdout, didit::error_body(findings));
        return exit_rejected;
    }
    for (const auto& d : findings) {
        // An unknown name is the user's text: quoted like a value, so that it keeps to its line.
        const std::string name = d.what == didit::finding::unknown_parameter
                                     ? didit::quote(d.parameter)
                                     : std::string(d.parameter);
        print_line(stderr, "warning: " + name + ": " + didit::message(d));
    }
    if (const std::size_t more = findings.dropped_warnings(); more != 0)
        print_line(stderr, "note: " + std::to_string(more) +
                               (more == 1 ? " more warning" : " more warnings") + " not shown");
    print_line(stdout, didit::to_url(parsed.value().value, base));
    return exit_ok;
}

} // namespace

int main(int argc, char** argv) {
    const std::span<char*> args(argv + 1, static_cast<std::size_t>(argc > 0 ? argc - 1 : 0));
    if (args.empty()) return usage("");
    const std::string_view command = args[0];
    if (command == "url") return url_command(args.subspan(1));
    if (command == "validate") return didit_cli::validate_command(args.subspan(1));
    if (command == "decode") return didit_cli::decode_command(args.subspan(1));
    if (command == "demo") return didit_cli::demo_command(args.subspan(1));
    if (command == "--help" || command == "help") {
        std::fputs(std::string(usage_text).c_str(), stdout);
        return exit_ok;
    }
    return usage("unknown command '" + std::string(command) + "'");
}
