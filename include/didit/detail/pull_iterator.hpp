#pragma once

// The iterator of a range that produces its elements one at a time and keeps only the current
// one (pages of a listing, rows of a traversal): dereferencing reads the range's current
// element, incrementing asks it for the next. An input iterator: one pass, no copies kept.

#include <cstddef>
#include <iterator>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

// Range must give pull_iterator access to current(), advance() and done().
template<class Range, class Value>
class pull_iterator {
public:
    using value_type = Value;
    using difference_type = std::ptrdiff_t;

    constexpr pull_iterator() = default;
    constexpr explicit pull_iterator(Range* range)
        : range_(range) {}

    constexpr const Value& operator*() const { return range_->current(); }
    constexpr pull_iterator& operator++() {
        range_->advance();
        return *this;
    }
    constexpr void operator++(int) { ++*this; }
    constexpr bool operator==(std::default_sentinel_t) const { return range_->done(); }

private:
    Range* range_ = nullptr;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
