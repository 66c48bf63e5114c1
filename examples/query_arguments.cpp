#include "query_arguments.hpp"

#include <cstdio>
#include <string>

#include <didit/query/messages.hpp>

#include "commands.hpp"

namespace didit_cli {

namespace {

void print_line(std::FILE* out, std::string_view text) {
    std::fwrite(text.data(), 1, text.size(), out);
    std::fputc('\n', out);
}

} // namespace

bool query_arguments::add(std::string_view arg) {
    const auto equals = arg.find('=');
    if (equals == std::string_view::npos || arg.starts_with("--")) return false;
    raw_.push_back({arg.substr(0, equals), arg.substr(equals + 1)});
    return true;
}

int query_arguments::check(didit::query& accepted, std::FILE* rejections) const {
    const auto parsed = didit::parse_query(raw_);
    if (!parsed)
        return usage_error(std::string(parsed.error().message) + ": " +
                           std::string(parsed.error().subject));
    const auto& findings = parsed->findings;
    if (findings.has_errors()) {
        print_line(rejections, didit::error_body(findings));
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
    accepted = parsed->value;
    return exit_ok;
}

} // namespace didit_cli
