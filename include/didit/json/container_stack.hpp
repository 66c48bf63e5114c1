#pragma once

// The open arrays and objects of a document being validated.

#include <array>
#include <cstddef>
#include <cstdint>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json::detail {

// Which open containers are objects, one bit per nesting level.
template<std::size_t MaxDepth>
class container_stack {
public:
    constexpr bool push(bool object) {
        if (depth_ == MaxDepth) return false;
        auto& word = bits_[depth_ / 64];
        const auto bit = std::uint64_t{1} << (depth_ % 64);
        word = object ? (word | bit) : (word & ~bit);
        ++depth_;
        return true;
    }
    constexpr void pop() { --depth_; }
    constexpr std::size_t depth() const { return depth_; }
    // Precondition: depth() > 0.
    constexpr bool in_object() const {
        return (bits_[(depth_ - 1) / 64] >> ((depth_ - 1) % 64)) & 1;
    }

private:
    std::array<std::uint64_t, MaxDepth / 64 + (MaxDepth % 64 != 0)> bits_{};
    std::size_t depth_ = 0;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::json::detail
