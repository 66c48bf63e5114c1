#pragma once

// Counts calls to the global operator new in the program that links allocation_counter.cpp:
// benchmarks report allocations per iteration, and tests check that a path makes none.

#include <cstdint>

namespace didit_test {
std::uint64_t allocations();
} // namespace didit_test
