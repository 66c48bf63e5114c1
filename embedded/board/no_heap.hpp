#pragma once

// How many times the program asked for heap memory (each was refused: the board has no heap).

#include <cstddef>

std::size_t heap_requests();
