// The query layer: reading raw parameters as the server does, validating, encoding URLs.

#include <array>
#include <vector>

#include <didit/query.hpp>

#include <benchmark/benchmark.h>

#include "measure.hpp"

namespace {

const std::vector<didit::raw_parameter> raw_query{
    {"session_kind", "all"},
    {"status", "Approved,In Review,Declined"},
    {"date_from", "Apr 1, 2026"},
    {"date_to", "2026-06-30"},
    {"workflow_id", "9f9b1234-aaaa-bbbb-cccc-1234567890ab,{0F8FAD5B-D9CB-469F-A165-70867728950E}"},
    {"country", "ESP,USA,GBR"},
    {"search", "jane doe"},
    {"limit", "100"},
    {"offset", "2000"},
};

std::size_t raw_size() {
    std::size_t size = 0;
    for (const auto& p : raw_query)
        size += p.name.size() + p.value.size() + 2;
    return size;
}

void didit_parse_query(benchmark::State& state) {
    didit_bench::run(state, raw_size(), 0, [] {
        auto parsed = didit::parse_query(raw_query);
        benchmark::DoNotOptimize(parsed);
    });
}
BENCHMARK(didit_parse_query);

void didit_validate_query(benchmark::State& state) {
    const auto q = didit::parse_query(raw_query).value().value;
    didit_bench::run(state, raw_size(), 0, [&] {
        auto findings = didit::validate(q);
        benchmark::DoNotOptimize(findings);
    });
}
BENCHMARK(didit_validate_query);

void didit_encode_url(benchmark::State& state) {
    const auto q = didit::parse_query(raw_query).value().value;
    std::array<char, 1024> buffer{};
    const auto size = didit::encode_url(q, buffer).value();
    didit_bench::run(state, size, 0, [&] {
        auto written = didit::encode_url(q, buffer);
        benchmark::DoNotOptimize(written);
        benchmark::DoNotOptimize(buffer.data());
    });
}
BENCHMARK(didit_encode_url);

} // namespace

BENCHMARK_MAIN();
