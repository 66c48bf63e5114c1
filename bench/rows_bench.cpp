// Decoding pages of rows: strict validation alone, and a full decode that reads every field of
// every row. The pages come from the tests' random page generator, built once.

#include <string>
#include <vector>

#include <didit/rows.hpp>

#include <benchmark/benchmark.h>

#include "../tests/page_generator.hpp"
#include "measure.hpp"

namespace {

// A 100-row page of mixed KYC and KYB rows, as text.
const std::string& sample_page() {
    static const std::string body = [] {
        didit_test::page_generator generate(2026);
        std::vector<didit_test::generated_row> rows;
        for (int i = 0; i < 100; ++i)
            rows.push_back(generate.row());
        didit_test::writer writer(generate.random(), false);
        return writer.write(generate.page(rows, 100));
    }();
    return body;
}

// Reads what it is given and keeps nothing.
struct byte_counter {
    std::size_t bytes = 0;
    void append(std::string_view text) { bytes += text.size(); }
};

void didit_validate_page(benchmark::State& state) {
    const auto& body = sample_page();
    didit_bench::run(state, body.size(), [&] {
        auto checked = didit::json::validate(body);
        benchmark::DoNotOptimize(checked);
    });
}
BENCHMARK(didit_validate_page);

void didit_decode_page_every_field(benchmark::State& state) {
    const auto& body = sample_page();
    didit_bench::run(state, body.size(), [&] {
        byte_counter read;
        const auto page = didit::parse_page(body);
        for (const auto row : page->results)
            didit::write_json(read, *row);
        benchmark::DoNotOptimize(read.bytes);
    });
}
BENCHMARK(didit_decode_page_every_field);

} // namespace
