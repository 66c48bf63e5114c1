// Stack painting over the region the linker script reserves (__stack_bottom to __stack_top).

#include "stack_meter.hpp"

#include <cstdint>

extern "C" std::uint32_t __stack_bottom[], __stack_top[];

namespace {
constexpr std::uint32_t paint = 0xA5C3'5A3Cu; // a word that code rarely writes
}

// Not inlined, so that its own frame sits above the stack pointer it paints below; it calls
// nothing while painting. Stores are volatile so that the loop is not turned into a memset
// call, whose frame would land in the painted part.
[[gnu::noinline]] void paint_stack() {
    std::uint32_t* stack_pointer;
    asm volatile("mov %0, sp" : "=r"(stack_pointer));
    for (volatile std::uint32_t* word = __stack_bottom; word < stack_pointer; ++word)
        *word = paint;
}

std::size_t peak_stack_bytes() {
    const std::uint32_t* word = __stack_bottom;
    while (word < __stack_top && *word == paint)
        ++word;
    return static_cast<std::size_t>(__stack_top - word) * sizeof(std::uint32_t);
}

std::size_t stack_size() {
    return static_cast<std::size_t>(__stack_top - __stack_bottom) * sizeof(std::uint32_t);
}
