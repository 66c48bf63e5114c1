#pragma once

// Where a row traversal asks for its next page: at its anchor (the last row it yielded), wherever
// sessions created or deleted since have moved it. Sessions are created at the top of the
// listing, so the anchor drifts down by about as many rows per request as it did the last time
// it was found: the next page is asked for there. A page that misses the anchor (all its rows
// newer, or its first row older) places it by session numbers: the rows between two numbers are
// estimated at the density of the last full page, and cannot outnumber the numbers between them.
//
// Only how many requests a traversal makes depends on these estimates, never which rows it
// yields: it yields only from a page that starts at or above its anchor.

#include <cstdint>
#include <limits>
#include <optional>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

class anchor_tracker {
public:
    // A full page: `rows` rows at `offset`, numbered `first` down to `last`.
    struct full_page {
        std::int64_t offset;
        std::int64_t rows;
        std::int64_t first;
        std::int64_t last;
    };

    constexpr std::int64_t requests() const { return requests_; }
    constexpr void requested() { ++requests_; }

    // The anchor, or the last row numbered above it if it was deleted, is at `offset` of the
    // latest page (-1: above its first row): how far it drifted tells where the next one will be.
    constexpr void found(std::int64_t offset) { measure_drift(offset); }

    // A row was yielded at `offset` of the latest page: it is the anchor now.
    constexpr void yielded(std::int64_t offset) {
        at_ = offset;
        found_at_request_ = requests_;
        newer_pages_ = 0;
        older_starts_ = 0;
    }

    // After a full page that ended at the anchor.
    constexpr std::int64_t next_after_yield(const full_page& p) {
        learn_density(p);
        return aim(at_);
    }

    // After a full page whose rows are all numbered at or above `anchor`: it is further down.
    // Pages like this in a row stride ever further, so that a listing's growth is caught up with
    // whatever the estimates.
    constexpr std::int64_t next_after_newer(const full_page& p, std::int64_t anchor) {
        learn_density(p);
        const auto page_end = plus(p.offset, p.rows - 1);
        const auto estimate = plus(page_end, rows_between(p.last, anchor, rows_per_span_));
        measure_drift(estimate);
        const auto least = plus(p.offset, doubled(p.rows - 1, newer_pages_));
        ++newer_pages_;
        older_starts_ = 0;
        const auto next = aim(estimate);
        return next > least ? next : least;
    }

    // After a page at `offset` (not 0) whose first row is numbered `first`, below `anchor`: rows
    // at or above the anchor were deleted, or the last estimate went too far. The first time,
    // back to the estimate at the last page's density, with the drift; a second time in a row,
    // back by the difference in numbers, which reaches the anchor unless sessions above it are
    // being deleted.
    constexpr std::int64_t next_after_older_start(std::int64_t offset, std::int64_t first,
                                                  std::int64_t anchor) {
        newer_pages_ = 0;
        if (older_starts_++ > 0) return back(offset, rows_between(anchor, first, one_per_number));
        const auto estimate = back(offset, plus(rows_between(anchor, first, rows_per_span_), 1));
        measure_drift(estimate);
        return aim(estimate);
    }

    // After an empty page at `offset` (not 0): the listing ends before it. Back to its last row
    // if `count` is exact and says where that is, else back a stride that doubles each time.
    constexpr std::int64_t next_after_empty(std::int64_t offset, std::int64_t page_size,
                                            std::optional<std::int64_t> count) {
        newer_pages_ = 0;
        if (count && *count > 0 && *count <= offset) return *count - 1;
        return back(offset, doubled(page_size - 1, older_starts_++));
    }

private:
    static constexpr auto max = std::numeric_limits<std::int64_t>::max();

    // Rows per session number, as a ratio no larger than 1.
    struct density {
        std::uint64_t rows;
        std::uint64_t numbers;
    };
    static constexpr density one_per_number{1, 1};

    static constexpr std::int64_t plus(std::int64_t a, std::int64_t b) {
        return b > max - a ? max : a + b;
    }
    static constexpr std::int64_t back(std::int64_t offset, std::int64_t by) {
        return by >= offset ? 0 : offset - by;
    }
    // `stride` doubled `times` times, or the largest offset once that is past it (or past 20
    // doublings).
    static constexpr std::int64_t doubled(std::int64_t stride, int times) {
        return times >= 20 || stride > (max >> times) ? max : stride << times;
    }

    // Rows numbered from `low` up to below `high` (high > low) at density `d`, rounded up; in
    // unsigned arithmetic, as numbers may span the whole range of int64.
    static constexpr std::int64_t rows_between(std::int64_t high, std::int64_t low, density d) {
        const auto numbers = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
        const auto whole = numbers / d.numbers * d.rows;
        const auto part = numbers % d.numbers;
        const auto rest = part <= std::numeric_limits<std::uint64_t>::max() / d.rows
                              ? (part * d.rows + d.numbers - 1) / d.numbers
                              : part / (d.numbers / d.rows);
        const auto rows = whole + rest;
        return rows > static_cast<std::uint64_t>(max) ? max : static_cast<std::int64_t>(rows);
    }

    constexpr void learn_density(const full_page& p) {
        if (p.rows < 2) return;
        rows_per_span_ = {static_cast<std::uint64_t>(p.rows - 1),
                          static_cast<std::uint64_t>(p.first) - static_cast<std::uint64_t>(p.last)};
    }

    // The anchor is at `offset` now: how far it moved per request since it was yielded, and by
    // how much that differs from what was expected (averaged with the misses before).
    constexpr void measure_drift(std::int64_t offset) {
        const auto elapsed = requests_ - found_at_request_;
        const auto drift = elapsed > 0 && offset > at_ ? (offset - at_) / elapsed : 0;
        const auto miss = drift > drift_ ? drift - drift_ : drift_ - drift;
        spread_ = spread_ / 2 + miss / 2 + (spread_ % 2 & miss % 2);
        drift_ = drift;
    }

    // Where to ask for the page that should start at an anchor at `offset` now: one request's
    // drift further, less its spread, as missing the anchor by starting too early costs a few
    // rows of the page but missing it by starting too late costs a request.
    constexpr std::int64_t aim(std::int64_t offset) const {
        return back(plus(offset, drift_), spread_);
    }

    std::int64_t requests_ = 0;
    std::int64_t at_ = 0;                    // the anchor's offset when it was yielded
    std::int64_t found_at_request_ = 0;      // ... in this request
    std::int64_t drift_ = 0;                 // rows the anchor moves down per request, on average
    std::int64_t spread_ = 0;                // how far a request's drift is from that, on average
    density rows_per_span_ = one_per_number; // of the last full page
    int newer_pages_ = 0;                    // pages in a row all at or above the anchor
    int older_starts_ = 0;                   // pages in a row that started below it, or were empty
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
