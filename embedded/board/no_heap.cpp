// No heap: every allocator of newlib and libstdc++ (malloc, operator new, stdio's buffers) gets
// its memory from _sbrk, and this one refuses. Any allocation fails and is counted, so the
// program can prove that the library made none.

#include "no_heap.hpp"

#include <cerrno>
#include <cstddef>

namespace {
std::size_t refused = 0;
}

// Replaces librdimon's weak _sbrk.
extern "C" void* _sbrk(std::ptrdiff_t) {
    ++refused;
    errno = ENOMEM;
    return reinterpret_cast<void*>(-1);
}

std::size_t heap_requests() {
    return refused;
}
