// demo: the library end to end with no key and no network. The in-memory emulator holds a few
// thousand generated sessions; the real client and exactly-once traversal list both kinds
// with a few filters; the rows go out as a table, and a summary closes.

#include <cstdio>
#include <map>
#include <string>
#include <unistd.h>

#include <didit/client/client.hpp>
#include <didit/client/row_traversal.hpp>
#include <didit/testing/emulator.hpp>
#include <didit/testing/generate.hpp>

#include "commands.hpp"
#include "row_printer.hpp"

namespace didit_cli {

namespace {

constexpr std::string_view demo_key = "demo-key";
constexpr std::size_t table_rows = 25; // the rest are counted, not printed

} // namespace

int demo_command(std::span<char*> args) {
    if (!args.empty()) return usage_error("demo takes no arguments");
    didit::testing::emulator server{std::string(demo_key)};
    didit::testing::session_generator generate(2026);
    server.sessions().kyc = generate.kyc(3000);
    server.sessions().kyb = generate.kyb(800);
    std::fprintf(stderr, "emulator: %zu KYC and %zu KYB sessions\n", server.sessions().kyc.size(),
                 server.sessions().kyb.size());

    const auto config = didit::client_config::make(demo_key).value();
    didit::client<didit::testing::emulator> kyc_client(server, config);
    didit::client<didit::testing::emulator> kyb_client(server, config);
    const didit::query q{
        .limit = 100,
        .status = {didit::status::approved, didit::status::in_review, didit::status::declined},
        .date_from = didit::date("2026-02-01")};
    std::fprintf(stderr, "listing from the emulator, as from %s, both kinds merged newest first\n",
                 didit::to_url(q).c_str());
    // A count that goes up in place is for a terminal; a log gets the total alone.
    const bool on_terminal = isatty(STDERR_FILENO) != 0;

    row_printer printer(stdout, row_format::table);
    std::map<std::string, std::size_t> per_status, per_kind;
    std::size_t listed = 0;
    for (const auto& row : didit::all_rows(kyc_client, kyb_client, q)) {
        if (!row) {
            std::fprintf(stderr, "%sdidit-sessions: %.*s\n", on_terminal ? "\n" : "",
                         int(row.error().message.size()), row.error().message.data());
            return exit_failed;
        }
        if (listed < table_rows) printer.print(*row);
        const auto cells = cells_of(*row);
        ++per_kind[cells[0]];
        ++per_status[cells[3]];
        if (++listed % 500 == 0 && on_terminal) std::fprintf(stderr, "\r%zu rows", listed);
    }
    std::fprintf(stderr, "%s%zu rows in %zu requests\n", on_terminal ? "\r" : "", listed,
                 server.sessions().requests);
    if (listed > table_rows) std::printf("... and %zu more rows\n", listed - table_rows);

    std::printf("\nrows per kind:\n");
    for (const auto& [kind, count] : per_kind)
        std::printf("  %-10s %6zu\n", kind.c_str(), count);
    std::printf("rows per status:\n");
    for (const auto& [status, count] : per_status)
        std::printf("  %-10s %6zu\n", status.c_str(), count);
    return exit_ok;
}

} // namespace didit_cli
