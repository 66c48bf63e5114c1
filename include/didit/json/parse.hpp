#pragma once

// The reader's entry point: validates a whole document, then hands out its root value.

#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/borrow.hpp>
#include <didit/json/options.hpp>
#include <didit/json/validate.hpp>
#include <didit/json/value.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

// The root value of `doc`, once the whole document has been checked. The value borrows `doc`.
template<options Options = options{}>
constexpr result<value> parse(std::string_view doc) {
    if (auto checked = validate<Options>(doc); !checked) return checked.error();
    return value(detail::trusted, doc, didit::detail::skip_json_space(doc, 0));
}

// Parsing a temporary string would leave every view dangling.
template<options Options = options{}, didit::detail::temporary_string Text>
constexpr result<value> parse(Text&&) {
    didit::detail::refuse_temporary_text<Text>();
    return error{};
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
