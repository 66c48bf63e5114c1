#pragma once

// A list item the server either recognises as a T or, given as unrecognised text, lets
// through to match nothing (or drops), without an error.

#include <compare>
#include <optional>
#include <string_view>

namespace didit {

template<class T>
class lenient {
public:
    using value_type = T;

    constexpr lenient() = default;
    constexpr lenient(T value)
        : value_(value) {}

    // Text the server does not recognise as a T; `text` is borrowed, not copied.
    static constexpr lenient unrecognised(std::string_view text) {
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
    std::optional<T> value_;
    std::string_view text_;
};

} // namespace didit
