#include "allocation_counter.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

// Every replaceable form of operator new counts, and every operator delete matches it, so that
// no allocation escapes the count and a sanitizer sees each block freed the way it was made.

namespace {

std::atomic<std::uint64_t> allocation_count{0};

void* allocate(std::size_t size) noexcept {
    allocation_count.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(size == 0 ? 1 : size);
}

void* allocate_or_fail(std::size_t size) {
    if (void* p = allocate(size)) return p;
#if defined(__cpp_exceptions)
    throw std::bad_alloc();
#else
    std::abort(); // the tests also run built without exceptions
#endif
}

} // namespace

std::uint64_t didit_test::allocations() {
    return allocation_count.load(std::memory_order_relaxed);
}

void* operator new(std::size_t size) {
    return allocate_or_fail(size);
}
void* operator new[](std::size_t size) {
    return allocate_or_fail(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    return allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
    return allocate(size);
}

void operator delete(void* p) noexcept {
    std::free(p);
}
void operator delete[](void* p) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
    std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
    std::free(p);
}
