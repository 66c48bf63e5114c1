#pragma once

// Whole numbers given as option values.

#include <charconv>
#include <optional>
#include <string_view>
#include <system_error>

namespace didit_cli {

// `text` as a whole number in [low, high], all of it decimal digits (a sign for signed types).
template<class Number>
std::optional<Number> number_in(std::string_view text, Number low, Number high) {
    Number value{};
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (failure != std::errc() || end != text.data() + text.size() || value < low || value > high)
        return std::nullopt;
    return value;
}

} // namespace didit_cli
