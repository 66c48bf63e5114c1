#pragma once

// Entry points that return views into their input take std::string_view, which a temporary
// std::string converts to silently. A deleted overload constrained by this concept catches that
// call at compile time instead of leaving the views dangling.

#include <concepts>
#include <string>
#include <type_traits>

namespace didit::detail {

template<class Text>
concept temporary_string =
    !std::is_lvalue_reference_v<Text> && std::same_as<std::remove_cvref_t<Text>, std::string>;

} // namespace didit::detail
