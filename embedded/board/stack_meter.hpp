#pragma once

// Peak stack use, measured by painting: the free part of the stack is filled with a pattern,
// and the deepest word that no longer holds it shows how far the stack has grown since.

#include <cstddef>

// Fills the stack below the caller's frame with the pattern.
void paint_stack();

// Bytes from the top of the stack down to the deepest word overwritten since paint_stack().
// Equal to stack_size() when the whole stack was used (then it may have overflowed).
std::size_t peak_stack_bytes();

std::size_t stack_size();
