// validate and decode: saved response bodies, read whole and checked strictly.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

#include <didit/sessions.hpp>

#include "commands.hpp"
#include "row_printer.hpp"
#include "terminal_text.hpp"

namespace didit_cli {

namespace {

// A saved page: the whole of a regular file, or why it cannot be read.
struct file_text {
    std::string text;
    std::string failure; // empty when the text was read
};

// Opened without blocking, so that a FIFO with no writer is refused rather than waited on.
file_text read_file(const char* path) {
    file_text read;
    const int file = ::open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (file < 0) return {{}, std::strerror(errno)};
    struct stat status {};
    if (::fstat(file, &status) != 0) {
        read.failure = std::strerror(errno);
    } else if (!S_ISREG(status.st_mode)) {
        read.failure = S_ISDIR(status.st_mode) ? "a directory" : "not a regular file";
    } else {
        char buffer[65536];
        for (;;) {
            const auto got = ::read(file, buffer, sizeof buffer);
            if (got > 0) {
                read.text.append(buffer, static_cast<std::size_t>(got));
            } else if (got == 0) {
                break;
            } else if (errno != EINTR) {
                read.failure = std::strerror(errno);
                break;
            }
        }
    }
    ::close(file);
    return read;
}

// The file's text, or nothing after saying why it cannot be read.
std::optional<std::string> read_input(const char* path) {
    auto read = read_file(path);
    if (read.failure.empty()) return std::move(read.text);
    std::fprintf(stderr, "didit-sessions: cannot read %s: %s\n", path, read.failure.c_str());
    return std::nullopt;
}

// FILE:LINE:COL: message 'subject' (path), escaped: the subject and the path can quote the file.
void report(std::string_view file, const didit::error& e, bool with_path) {
    std::string text(file);
    text += ':' + std::to_string(e.line) + ':' + std::to_string(e.column) + ": ";
    text += e.message;
    if (!e.subject.empty()) text += " '" + std::string(e.subject) + "'";
    if (with_path && !e.path.empty()) text += " (" + std::string(e.path.view()) + ")";
    std::fprintf(stderr, "%s\n", terminal_text(text).c_str());
}

} // namespace

int validate_command(std::span<char*> args) {
    if (args.size() != 1) return usage_error("validate takes one FILE");
    const auto text = read_input(args[0]);
    if (!text) return exit_no_input;
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
    const auto text = read_input(path);
    if (!text) return exit_no_input;
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
