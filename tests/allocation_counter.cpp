#include "allocation_counter.hpp"

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

// Every replaceable form of operator new counts, and every operator delete matches it, so that
// no allocation escapes the count and a sanitizer sees each block freed the way it was made.
// The C allocation functions count too: the linker sends the program's calls to them here
// (--wrap), and __real_ names the function wrapped.

extern "C" {
void* __real_malloc(std::size_t size);
void* __real_calloc(std::size_t count, std::size_t size);
void* __real_realloc(void* block, std::size_t size);
void* __real_aligned_alloc(std::size_t alignment, std::size_t size);
}

namespace {

std::atomic<std::uint64_t> allocation_count{0};

void count() {
    allocation_count.fetch_add(1, std::memory_order_relaxed);
}

void* allocate(std::size_t size) noexcept {
    count();
    return __real_malloc(size == 0 ? 1 : size);
}

void* allocate(std::size_t size, std::align_val_t alignment) noexcept {
    count();
    // aligned_alloc wants a size that is a multiple of the alignment.
    const auto align = static_cast<std::size_t>(alignment);
    return __real_aligned_alloc(align, size == 0 ? align : (size + align - 1) / align * align);
}

template<class... Alignment>
void* allocate_or_fail(std::size_t size, Alignment... alignment) {
    if (void* p = allocate(size, alignment...)) return p;
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

extern "C" {
void* __wrap_malloc(std::size_t size) {
    count();
    return __real_malloc(size);
}
void* __wrap_calloc(std::size_t items, std::size_t size) {
    count();
    return __real_calloc(items, size);
}
void* __wrap_realloc(void* block, std::size_t size) {
    count();
    return __real_realloc(block, size);
}
void* __wrap_aligned_alloc(std::size_t alignment, std::size_t size) {
    count();
    return __real_aligned_alloc(alignment, size);
}
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
void* operator new(std::size_t size, std::align_val_t alignment) {
    return allocate_or_fail(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
    return allocate_or_fail(size, alignment);
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return allocate(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
    return allocate(size, alignment);
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
void operator delete(void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
    std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    std::free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
    std::free(p);
}
