// A whole listing through the client: the emulator (in memory, so its own work of filtering
// and writing each page is timed too) behind the client and its exactly-once traversal, both
// kinds of a 2000 + 2000 session account, 100 rows a page.

#include <cstddef>
#include <string>

#include <didit/client/client.hpp>
#include <didit/client/row_traversal.hpp>
#include <didit/testing/emulator.hpp>
#include <didit/testing/generate.hpp>

#include <benchmark/benchmark.h>

#include "measure.hpp"

namespace {

constexpr std::string_view key = "bench-key";

// The emulator, counting the bytes of the bodies it sends.
struct metered_emulator {
    didit::testing::emulator* server;
    std::size_t* bytes;

    auto operator()(const didit::http_request& request) const {
        auto answer = (*server)(request);
        if (answer) *bytes += answer->text.size();
        return answer;
    }
};

void didit_client_listing(benchmark::State& state) {
    didit::testing::emulator server{std::string(key)};
    didit::testing::session_generator generate(2026);
    server.sessions().kyc = generate.kyc(2000);
    server.sessions().kyb = generate.kyb(2000);
    const auto config = didit::client_config::make(key).value();
    const didit::query q{.limit = 100};

    std::size_t bytes = 0;
    const auto list = [&] {
        didit::client kyc_client(metered_emulator{&server, &bytes}, config);
        didit::client kyb_client(metered_emulator{&server, &bytes}, config);
        std::size_t rows = 0;
        for (const auto& row : didit::all_rows(kyc_client, kyb_client, q))
            rows += row ? 1 : 0;
        return rows;
    };
    const auto rows = list();
    const auto bytes_per_listing = bytes;
    if (rows != 4000) return state.SkipWithError("the listing did not hold every row once");
    didit_bench::run(state, bytes_per_listing, rows, [&] { benchmark::DoNotOptimize(list()); });
}
BENCHMARK(didit_client_listing)->Unit(benchmark::kMillisecond);

} // namespace
