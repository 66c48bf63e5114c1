#pragma once

// How every benchmark reports: bytes per second of its input, rows per second where it reads
// rows, and heap allocations per iteration (counted by tests/allocation_counter.cpp, linked
// into the benchmark program).
//
// The decoding cases of every library fold what they read into a `reading`, and run through
// `run_pages`, whose first, untimed pass checks that reading against a reference reader's: a
// case that read fewer or other values than the others cannot look faster for it.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "../tests/allocation_counter.hpp"
#include "corpus.hpp"

namespace didit_bench {

template<class Body>
void run(benchmark::State& state, std::size_t bytes_per_iteration, std::size_t rows_per_iteration,
         Body body) {
    const auto allocations_before = didit_test::allocations();
    for (auto _ : state)
        body();
    const auto allocated = didit_test::allocations() - allocations_before; // before the counters
    const auto iterations = static_cast<double>(state.iterations());
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes_per_iteration));
    if (rows_per_iteration != 0)
        state.counters["rows/s"] = benchmark::Counter(
            static_cast<double>(rows_per_iteration) * iterations, benchmark::Counter::kIsRate);
    state.counters["allocs/iter"] = benchmark::Counter(static_cast<double>(allocated) / iterations);
}

// The values a case read: how many scalars (strings, numbers, booleans, nulls), a sum of them
// (decoded string lengths, integers, numbers in hundredths, trues) and, in the untimed check
// pass only, a hash of the decoded strings (summed, so that reading order does not matter).
// Values decoded into types (UUIDs, timestamps, enumerations: this library's rows alone) are
// folded into `typed`, so that no decoding can be optimised away; readings compare without it.
struct reading {
    std::uint64_t values = 0;
    std::uint64_t sum = 0;
    std::uint64_t text_hash = 0;
    std::uint64_t typed = 0;
    bool checking = false;

    void string(std::string_view decoded) {
        add(decoded.size());
        if (checking) text_hash += hash(decoded);
    }
    // This library reads strings without unescaping them; the check pass decodes them.
    void string(didit::json::string text) {
        add(text.decoded_size());
        if (checking) text_hash += hash(text.to_string());
    }
    void integer(std::int64_t n) { add(static_cast<std::uint64_t>(n)); }
    void number(double x) { add(static_cast<std::uint64_t>(std::llround(x * 100))); }
    void boolean(bool b) { add(b ? 1 : 0); }
    void null() { add(0); }

    void typed_value(std::uint64_t folded) { typed = typed * 31 + folded; }

    friend bool operator==(const reading& a, const reading& b) {
        return a.values == b.values && a.sum == b.sum && a.text_hash == b.text_hash;
    }

private:
    // FNV-1a.
    static std::uint64_t hash(std::string_view text) {
        std::uint64_t h = 0xcbf29ce484222325;
        for (const char c : text)
            h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3;
        return h;
    }
    void add(std::uint64_t folded) {
        ++values;
        sum += folded;
    }
};

// Reads one page into a reading.
using page_reader = void (*)(const std::string& page, reading& read);

// Times `read` over every page of a listing, once its reading of them matches `reference`'s.
template<class Read>
void run_pages(benchmark::State& state, listing kind, page_reader reference, Read read) {
    const auto& set = pages_of(kind);
    reading expected, got;
    expected.checking = got.checking = true;
    for (const auto& page : set.pages) {
        reference(page, expected);
        read(page, got);
    }
    if (got != expected) {
        state.SkipWithError(("read " + std::to_string(got.values) + " values summing to " +
                             std::to_string(got.sum) + " (text hash " +
                             std::to_string(got.text_hash) + "), the reference " +
                             std::to_string(expected.values) + " summing to " +
                             std::to_string(expected.sum) + " (text hash " +
                             std::to_string(expected.text_hash) + ")")
                                .c_str());
        return;
    }
    run(state, set.bytes, set.rows, [&] {
        reading pass;
        for (const auto& page : set.pages)
            read(page, pass);
        benchmark::DoNotOptimize(pass);
    });
}

} // namespace didit_bench

// Registers `function(state, listing)` once per listing, named function/kyc, /kyb and /all.
#define DIDIT_BENCH_LISTINGS(function)                                                             \
    BENCHMARK_CAPTURE(function, kyc, didit_bench::listing::kyc);                                   \
    BENCHMARK_CAPTURE(function, kyb, didit_bench::listing::kyb);                                   \
    BENCHMARK_CAPTURE(function, all, didit_bench::listing::all)
