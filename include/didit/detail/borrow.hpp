#pragma once

// Entry points that return views into their input take std::string_view, which a temporary
// string converts to silently. A deleted overload constrained by this concept catches that call
// at compile time instead of leaving the views dangling: any temporary range that owns its
// characters (std::string with any allocator, std::pmr::string, std::vector<char>, ...), while
// string views, literals and lvalues still bind to the std::string_view overload.

#include <ranges>
#include <type_traits>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

template<class Text>
concept temporary_string = !std::is_lvalue_reference_v<Text> && std::ranges::range<Text> &&
                           !std::ranges::borrowed_range<Text>;

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
