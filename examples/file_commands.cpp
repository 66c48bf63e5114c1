// validate and decode: saved response bodies, read whole and checked strictly.

#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include <didit/sessions.hpp>

#include "commands.hpp"
#include "row_printer.hpp"

namespace didit_cli {

namespace {

std::optional<std::string> read_file(const char* path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) return std::nullopt;
    std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    if (file.bad()) return std::nullopt;
    return text;
}

// FILE:LINE:COL: message 'subject' (path)
void report(std::string_view file, const didit::error& e, bool with_path) {
    std::string text(file);
    text += ':' + std::to_string(e.line) + ':' + std::to_string(e.column) + ": ";
    text += e.message;
    if (!e.subject.empty()) text += " '" + std::string(e.subject) + "'";
    if (with_path && !e.path.empty()) text += " (" + std::string(e.path.view()) + ")";
    std::fprintf(stderr, "%s\n", text.c_str());
}

} // namespace

int validate_command(std::span<char*> args) {
    if (args.size() != 1) return usage_error("validate takes one FILE");
    const auto text = read_file(args[0]);
    if (!text) {
        std::fprintf(stderr, "didit-sessions: cannot read %s\n", args[0]);
        return exit_no_input;
    }
    const auto checked = didit::json::validate(*text);
    if (!checked) {
        report(args[0], checked.error(), false);
        return exit_failed;
    }
    return exit_ok;
}

int decode_command(std::span<char*> args) {
    const char* path = nullptr;
    auto format = row_format::table;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--format") {
            if (++i == args.size()) return usage_error("--format needs table, csv or ndjson");
            const auto chosen = parse_row_format(args[i]);
            if (!chosen) return usage_error("--format takes table, csv or ndjson");
            format = *chosen;
        } else if (path == nullptr && !arg.starts_with("--")) {
            path = args[i];
        } else {
            return usage_error("decode takes one FILE and --format");
        }
    }
    if (path == nullptr) return usage_error("decode needs a FILE");
    const auto text = read_file(path);
    if (!text) {
        std::fprintf(stderr, "didit-sessions: cannot read %s\n", path);
        return exit_no_input;
    }
    const auto page = didit::parse_page(*text);
    if (!page) {
        report(path, page.error(), true);
        return exit_failed;
    }
    // A row that does not decode is reported and skipped; the others are still printed.
    row_printer printer(stdout, format);
    int status = exit_ok;
    for (const auto row : page->results) {
        if (row) {
            printer.print(*row);
        } else {
            report(path, row.error(), true);
            status = exit_failed;
        }
    }
    return status;
}

} // namespace didit_cli
