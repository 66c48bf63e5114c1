#pragma once

// Entry points that return views into their input take std::string_view, which a temporary
// string converts to silently. An overload constrained by this concept catches that call at
// compile time instead of leaving the views dangling: any temporary range that owns its
// characters (std::string with any allocator, std::pmr::string, std::vector<char>, ...), while
// string views, literals and lvalues still bind to the std::string_view overload. That overload
// fails a static_assert rather than being deleted, so that the compiler's first error says why.
//
// Ranges are recognised by their members, not by std::ranges::range: <ranges> is among the
// costliest standard headers to compile. <string_view> declares enable_borrowed_range, which it
// specialises.

#include <string_view>
#include <type_traits>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

// A type with begin() and end() members, as every owning string type has.
template<class Text>
concept member_range = requires(Text& text) {
    text.begin();
    text.end();
};

template<class Text>
concept temporary_string = !std::is_lvalue_reference_v<Text> && member_range<Text> &&
                           !std::ranges::enable_borrowed_range<std::remove_cvref_t<Text>>;

// The body of each overload that refuses a temporary string.
template<class Text>
constexpr void refuse_temporary_text() {
    static_assert(!temporary_string<Text>,
                  "the text is a temporary string, and the result would keep views into it after "
                  "it is destroyed: keep the text in a variable while the result is in use");
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
