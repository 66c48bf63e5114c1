#pragma once

// The subcommands of didit-sessions, and what they share: exit statuses and usage errors.

#include <span>
#include <string>
#include <string_view>

#include <didit/result.hpp>

namespace didit_cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;         // invalid input, or a listing that stopped part-way
inline constexpr int exit_rejected = 2;       // the server answers (or would answer) 400
inline constexpr int exit_usage = 64;         // EX_USAGE
inline constexpr int exit_no_input = 66;      // EX_NOINPUT
inline constexpr int exit_unavailable = 69;   // EX_UNAVAILABLE: built without what it needs
inline constexpr int exit_cannot_create = 73; // EX_CANTCREAT
inline constexpr int exit_io_error = 74;      // EX_IOERR
inline constexpr int exit_config = 78;        // EX_CONFIG: no API key

// Prints "didit-sessions: complaint" and a pointer to --help; returns exit_usage.
int usage_error(std::string_view complaint);

// "message: subject (at path)", as an error says what went wrong and where; escaped for a
// terminal, since the subject and the path can quote a server (a Location, a 403's detail).
std::string describe(const didit::error& e);

// url [--base-url URL] [name=value ...]: the canonical URL of a query.
int url_command(std::span<char*> args);

// validate FILE: whether FILE holds one valid JSON document.
int validate_command(std::span<char*> args);

// decode FILE [--format table|csv|ndjson]: the rows of a saved page.
int decode_command(std::span<char*> args);

// demo: the emulator listed through the client, as a table and a summary.
int demo_command(std::span<char*> args);

// list [name=value ...] [options]: every row of a listing, over HTTP.
int list_command(std::span<char*> args);

// serve [options]: the emulator over HTTP on the loopback interface.
int serve_command(std::span<char*> args);

} // namespace didit_cli
