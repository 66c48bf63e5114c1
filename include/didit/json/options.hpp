#pragma once

// Settings of the JSON reader, given as a template argument:
// json::validate<json::options{.max_depth = 64}>(doc).

#include <cstddef>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

struct options {
    static constexpr std::size_t max_supported_depth = std::size_t{1} << 16;

    // Arrays and objects may nest this deep; deeper input is an error, never a stack overflow.
    // At most max_supported_depth.
    std::size_t max_depth = 128;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
