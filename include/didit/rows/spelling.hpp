#pragma once

// How responses spell enumerated values. Rows carry display names ("In Review", "Passport"),
// and some of the reference's examples show the same names in upper case with underscores
// ("IN_REVIEW"); both decode to the same value.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <didit/config.hpp>
#include <didit/enums.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

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

template<const auto& Names>
inline constexpr std::size_t longest_name = [] {
    std::size_t longest = 0;
    for (const auto name : Names)
        longest = name.size() > longest ? name.size() : longest;
    return longest;
}();

// For each length, the names that have it (bit i for Names[i]), so that a lookup compares the
// text with those alone.
template<const auto& Names>
inline constexpr auto names_of_length = [] {
    static_assert(Names.size() <= 32, "one bit a name");
    std::array<std::uint32_t, longest_name<Names> + 1> names{};
    for (std::size_t i = 0; i < Names.size(); ++i)
        names[Names[i].size()] |= std::uint32_t{1} << i;
    return names;
}();

template<class E, const auto& Names>
constexpr std::optional<E> spelled_value(std::string_view text) {
    if (text.size() > longest_name<Names>) return std::nullopt;
    for (auto candidates = names_of_length<Names>[text.size()]; candidates != 0;
         candidates &= candidates - 1) {
        const auto i = static_cast<std::size_t>(std::countr_zero(candidates));
        if (spells(text, Names[i])) return static_cast<E>(i);
    }
    return std::nullopt;
}

// The value of E that `text` names in a response.
template<wire_enum E>
constexpr std::optional<E> from_response_text(std::string_view text) {
    return spelled_value<E, wire_names<E>>(text);
}

// A KYC row names its document type by display name ("Driver's License"), not by code.
constexpr std::optional<document_type> document_type_from_display_name(std::string_view text) {
    return spelled_value<document_type, document_display_names>(text);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
