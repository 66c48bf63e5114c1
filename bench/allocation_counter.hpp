#pragma once

// Counts calls to the global operator new in the benchmark binary, so that each benchmark can
// report heap allocations per iteration.

#include <cstdint>

namespace didit_bench {
std::uint64_t allocations();
} // namespace didit_bench
