#pragma once

// A list with a fixed capacity and no heap: the items live inside the object.

#include <array>
#include <cstddef>
#include <initializer_list>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {
// Called only when a list literal has more items than its capacity: the compiler names it.
inline void too_many_items_for_the_list_capacity() {}
} // namespace detail

template<class T, std::size_t Capacity>
class fixed_list {
public:
    using value_type = T;
    using const_iterator = const T*;

    constexpr fixed_list() = default;

    // A list literal, checked at compile time against the capacity. Lists built from run-time
    // values use try_push_back, which reports a full list instead.
    consteval fixed_list(std::initializer_list<T> items) {
        if (items.size() > Capacity) detail::too_many_items_for_the_list_capacity();
        for (const T& item : items)
            items_[size_++] = item;
    }

    // Appends `item` unless the list is full; returns whether it did.
    [[nodiscard]] constexpr bool try_push_back(const T& item) {
        if (size_ == Capacity) return false;
        items_[size_++] = item;
        return true;
    }

    constexpr void clear() { size_ = 0; }

    static constexpr std::size_t capacity() { return Capacity; }
    constexpr std::size_t size() const { return size_; }
    constexpr bool empty() const { return size_ == 0; }
    constexpr const T& operator[](std::size_t i) const { return items_[i]; }
    constexpr const T* begin() const { return items_.data(); }
    constexpr const T* end() const { return items_.data() + size_; }

    friend constexpr bool operator==(const fixed_list& a, const fixed_list& b) {
        if (a.size_ != b.size_) return false;
        for (std::size_t i = 0; i < a.size_; ++i)
            if (!(a.items_[i] == b.items_[i])) return false;
        return true;
    }

private:
    std::array<T, Capacity> items_{};
    std::size_t size_ = 0;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
