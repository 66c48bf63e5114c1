#pragma once

// Settings of the JSON reader, given as a template argument:
// json::validate<json::options{.max_depth = 64}>(doc).

#include <cstddef>

namespace didit::json {

struct options {
    // Arrays and objects may nest this deep; deeper input is an error, never a stack overflow.
    std::size_t max_depth = 128;
};

} // namespace didit::json
