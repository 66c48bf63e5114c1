#pragma once

// Decoding a page's rows, and in the separately compiled build parsing a page with the default
// options: constexpr in the header-only build, compiled by <didit/src.hpp> otherwise.

#include <string_view>

#include <didit/config.hpp>
#include <didit/json/options.hpp>
#include <didit/result.hpp>
#include <didit/rows/page.hpp>
#include <didit/rows/reader.hpp>
#include <didit/rows/row.hpp>

#if DIDIT_SESSIONS_SEPARATE_COMPILATION && !defined(DIDIT_SESSIONS_COMPILING_SOURCE)
#error "with DIDIT_SESSIONS_SEPARATE_COMPILATION=1, only <didit/src.hpp> includes this header"
#endif

namespace didit::inline DIDIT_SESSIONS_ABI {

DIDIT_SESSIONS_DECL result<row> row_range::iterator::operator*() const {
    detail::row_reader reader;
    result<row> decoded_row(std::in_place);
    if (rows_.read_element(reader, decoded_row.value()) == detail::read_failed)
        decoded_row = reader.located(rows_.document(), row_anchor());
    return decoded_row;
}

#if DIDIT_SESSIONS_SEPARATE_COMPILATION
template<>
result<page> parse_page<json::options{}>(std::string_view body) {
    return detail::read_document<page, json::options{}>(body);
}
#endif

} // namespace didit::inline DIDIT_SESSIONS_ABI
