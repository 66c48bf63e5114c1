#pragma once

// Counts heap allocations in the program that links allocation_counter.cpp with the linker
// options the build gives it: every form of the global operator new, and malloc, calloc,
// realloc and aligned_alloc called from the program's own code (the library's included). Tests
// check that a path makes none; benchmarks report allocations per iteration.

#include <cstdint>

namespace didit_test {
std::uint64_t allocations();
} // namespace didit_test
