#pragma once

// Decoding a feature: constexpr in the header-only build, compiled by <didit/src.hpp> otherwise.

#include <didit/config.hpp>
#include <didit/rows/features.hpp>
#include <didit/rows/reader.hpp>

#if DIDIT_SESSIONS_SEPARATE_COMPILATION && !defined(DIDIT_SESSIONS_COMPILING_SOURCE)
#error "with DIDIT_SESSIONS_SEPARATE_COMPILATION=1, only <didit/src.hpp> includes this header"
#endif

namespace didit::inline DIDIT_SESSIONS_ABI {

DIDIT_SESSIONS_DECL feature_check feature_list::iterator::operator*() const {
    if (comma_separated_) return names_.at(piece_);
    feature_check check;
    detail::row_reader unused; // the row was read once already, and read well
    (void)elements_.read_element(unused, check);
    return check;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
