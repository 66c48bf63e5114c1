#pragma once

// Short text held by value: a fixed capacity, truncation instead of overflow.

#include <array>
#include <cstddef>
#include <string_view>

namespace didit::detail {

template<std::size_t Capacity>
class inline_text {
public:
    constexpr inline_text() = default;
    constexpr inline_text(std::string_view text) { append(text); }

    // Appends what fits; the rest is dropped and truncated() becomes true.
    constexpr void append(std::string_view text) {
        for (const char c : text) {
            if (size_ == Capacity) {
                truncated_ = true;
                return;
            }
            chars_[size_++] = c;
        }
    }

    constexpr void clear() {
        size_ = 0;
        truncated_ = false;
    }

    constexpr std::string_view view() const { return {chars_.data(), size_}; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr bool truncated() const { return truncated_; }

    friend constexpr bool operator==(const inline_text&, const inline_text&) = default;

private:
    std::array<char, Capacity> chars_{};
    std::size_t size_ = 0;
    bool truncated_ = false;
};

} // namespace didit::detail
