#pragma once

// Text written by the library's write_* functions into a fixed array (there is no heap). It
// keeps what fits: text that was cut no longer equals what a check expects.

#include <array>
#include <cstddef>
#include <string_view>

namespace device {

template<std::size_t Capacity>
class fixed_text {
public:
    void append(std::string_view text) {
        for (const char c : text) {
            if (size_ == Capacity) return;
            text_[size_++] = c;
        }
    }

    std::string_view view() const { return {text_.data(), size_}; }

private:
    std::array<char, Capacity> text_{};
    std::size_t size_ = 0;
};

// The text of a setting held in a writable char array, without its terminating NUL.
template<std::size_t N>
std::string_view text_of(const char (&setting)[N]) {
    return {setting, N - 1};
}

} // namespace device
