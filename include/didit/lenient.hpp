#pragma once

// A list item the server either recognises as a T or, given as unrecognised text, lets
// through to match nothing (or drops), without an error. An item holds text only when the
// server would not recognise it, so that every value has exactly one representation.

#include <compare>
#include <optional>
#include <string_view>

#include <didit/config.hpp>
#include <didit/enums.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

template<class T>
class lenient {
public:
    using value_type = T;

    // Empty text, which no T is.
    constexpr lenient() = default;
    constexpr lenient(T value)
        : value_(value) {}

    // The item the server reads from `text`: the T it names, or else the text itself, which is
    // borrowed, not copied. Enumerations are named by their exact wire names; other types are
    // read by T::parse (for UUIDs, the server's rules for a list item, which is not stripped).
    static constexpr lenient from_text(std::string_view text) {
        if (const auto value = recognise(text)) return *value;
        lenient item;
        item.text_ = text;
        return item;
    }

    constexpr bool recognised() const { return value_.has_value(); }
    // Precondition: recognised().
    constexpr const T& value() const { return *value_; }
    // The text as given. Precondition: !recognised().
    constexpr std::string_view text() const { return text_; }

    friend constexpr bool operator==(const lenient&, const lenient&) = default;

private:
    static constexpr std::optional<T> recognise(std::string_view text) {
        if constexpr (wire_enum<T>) {
            return from_string<T>(text);
        } else {
            const auto parsed = T::parse(text);
            if (!parsed) return std::nullopt;
            return parsed.value();
        }
    }

    std::optional<T> value_;
    std::string_view text_;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
