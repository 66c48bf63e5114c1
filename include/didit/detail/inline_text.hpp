#pragma once

// Short text held by value: a fixed capacity, truncation instead of overflow.

#include <array>
#include <cstddef>
#include <string_view>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

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

    // Keeps the first `size` characters (no more than there are).
    constexpr void truncate(std::size_t size) {
        if (size < size_) size_ = size;
    }

    constexpr void clear() {
        size_ = 0;
        truncated_ = false;
    }

    // Appends all of `text` if it fits in what is left after keeping `reserve` chars free;
    // otherwise appends nothing and returns false.
    constexpr bool append_whole(std::string_view text, std::size_t reserve = 0) {
        if (Capacity - size_ < text.size() + reserve) return false;
        append(text);
        return true;
    }

    constexpr std::string_view view() const { return {chars_.data(), size_}; }
    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr bool truncated() const { return truncated_; }

    // Equal text, however it was written (bytes past the end are not compared).
    friend constexpr bool operator==(const inline_text& a, const inline_text& b) {
        return a.view() == b.view() && a.truncated_ == b.truncated_;
    }

private:
    std::array<char, Capacity> chars_{};
    std::size_t size_ = 0;
    bool truncated_ = false;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
