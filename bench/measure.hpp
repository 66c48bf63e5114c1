#pragma once

// How every benchmark reports: bytes per second of its input, and heap allocations per
// iteration (counted by tests/allocation_counter.cpp, linked into the benchmark program).

#include <cstddef>
#include <cstdint>

#include <benchmark/benchmark.h>

#include "../tests/allocation_counter.hpp"

namespace didit_bench {

template<class Body>
void run(benchmark::State& state, std::size_t bytes_per_iteration, Body body) {
    const auto allocations_before = didit_test::allocations();
    for (auto _ : state)
        body();
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes_per_iteration));
    state.counters["allocs/iter"] =
        benchmark::Counter(static_cast<double>(didit_test::allocations() - allocations_before) /
                           static_cast<double>(state.iterations()));
}

} // namespace didit_bench
