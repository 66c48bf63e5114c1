#pragma once

// The subcommands of didit-sessions beyond `url`.

#include <span>

namespace didit_cli {

// validate FILE: whether FILE holds one valid JSON document.
int validate_command(std::span<char*> args);

// decode FILE [--format table|csv|ndjson]: the rows of a saved page.
int decode_command(std::span<char*> args);

// demo: the emulator listed through the client, as a table and a summary.
int demo_command(std::span<char*> args);

} // namespace didit_cli
