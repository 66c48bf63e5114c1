#pragma once

// How responses spell enumerated values. Rows carry display names ("In Review", "Passport"),
// and some of the reference's examples show the same names in upper case with underscores
// ("IN_REVIEW"); both decode to the same value.

#include <cstddef>
#include <optional>
#include <string_view>

#include <didit/enums.hpp>

namespace didit::detail {

// Whether `text` is `name` as written, or `name` upper-cased with spaces as underscores.
constexpr bool spells(std::string_view text, std::string_view name) {
    if (text.size() != name.size()) return false;
    if (text == name) return true;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        const char upper = c == ' ' ? '_' : (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        if (text[i] != upper) return false;
    }
    return true;
}

template<std::size_t N, class E>
constexpr std::optional<E> spelled_value(std::string_view text,
                                         const std::array<std::string_view, N>& names) {
    for (std::size_t i = 0; i < N; ++i)
        if (spells(text, names[i])) return static_cast<E>(i);
    return std::nullopt;
}

// The value of E that `text` names in a response.
template<wire_enum E>
constexpr std::optional<E> from_response_text(std::string_view text) {
    return spelled_value<enum_count<E>, E>(text, wire_names<E>);
}

// A KYC row names its document type by display name ("Driver's License"), not by code.
constexpr std::optional<document_type> document_type_from_display_name(std::string_view text) {
    return spelled_value<document_display_names.size(), document_type>(text,
                                                                       document_display_names);
}

} // namespace didit::detail
