#pragma once

// A row as a string of JSON: inline in the header-only build, compiled by <didit/src.hpp>
// otherwise.

#include <string>

#include <didit/config.hpp>
#include <didit/detail/writer.hpp>
#include <didit/rows/row.hpp>
#include <didit/rows/write_json.hpp>

#if DIDIT_SESSIONS_SEPARATE_COMPILATION && !defined(DIDIT_SESSIONS_COMPILING_SOURCE)
#error "with DIDIT_SESSIONS_SEPARATE_COMPILATION=1, only <didit/src.hpp> includes this header"
#endif

namespace didit::inline DIDIT_SESSIONS_ABI {

DIDIT_SESSIONS_INLINE std::string to_json(const row& r) {
    return detail::written([&](auto& out) { write_json(out, r); });
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
