#pragma once

// Every row of a listing exactly once, newest first, while sessions come and go.
//
// The listing is ordered by descending session_number and paged by offset. A session created
// during a traversal pushes rows down (the next page repeats rows already seen); a deleted one
// pulls rows up (the next page would skip rows). So the traversal does not follow `next`: it
// asks for each page where the last row it yielded (the anchor) is now (anchor_tracker.hpp
// predicts that), one row of overlap, and keeps only rows numbered below the anchor. When a
// page starts below the anchor, rows above it were deleted and some may have slid past, or the
// prediction went too far: it steps back until a page starts at or above the anchor again.
// Guarantee: each session that exists for the whole traversal is yielded once, in order;
// sessions created meanwhile are not yielded (they are newer than where the traversal started).
// A listing that changes too fast to keep up with ends the traversal with pagination_loop once
// its request budget is spent.
//
// Rows are placed by their session_number, whatever their kind: a row of a kind this library
// does not know is yielded as an unknown row, in its place. A row that cannot be placed (no
// session_number, or not below the row before it on its page: rows out of order or numbered
// twice) ends the traversal with an error that names it, rather than being dropped or making
// the rows after it look seen already.
//
// One kind per traversal (`user` or `business`); a row's views are valid until the traversal
// moves past the page it came from.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <optional>
#include <string_view>

#include <didit/client/anchor_tracker.hpp>
#include <didit/client/client.hpp>
#include <didit/client/pages.hpp>
#include <didit/config.hpp>
#include <didit/detail/pull_iterator.hpp>
#include <didit/json/location.hpp>
#include <didit/json/value.hpp>
#include <didit/query/query.hpp>
#include <didit/query/validate.hpp>
#include <didit/result.hpp>
#include <didit/rows/page.hpp>
#include <didit/rows/row.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

template<transport Transport, time_source Time>
class row_traversal {
public:
    using iterator = detail::pull_iterator<row_traversal, result<row>>;

    // `q` lists one kind; its offset is where the traversal starts.
    constexpr row_traversal(client<Transport, Time>& c, const query& q)
        : client_(c)
        , query_(q)
        , page_size_(effective_limit(q) < 2 ? 2 : effective_limit(q))
        , offset_(effective_offset(q)) {
        query_.limit = page_size_;
    }
    row_traversal(const row_traversal&) = delete; // iterators point to the traversal

    constexpr iterator begin() {
        if (query_.session_kind == session_kind::all) {
            current_ = error{errc::invalid_value,
                             "a row traversal lists one kind: session_kind user or business "
                             "(all_rows walks both)"};
            failed_ = true;
        } else if (fetch(offset_)) {
            advance();
        }
        return iterator(this);
    }
    constexpr std::default_sentinel_t end() const { return {}; }

private:
    friend iterator;
    constexpr const result<row>& current() const { return current_; }
    constexpr bool done() const { return done_; }

    static constexpr std::string_view no_number =
        "a row without an integer session_number cannot be placed in the listing";
    static constexpr std::string_view out_of_order =
        "a row is not numbered below the row before it: the listing is not in descending "
        "session_number order";

    // The most requests a traversal makes: a few to start, then a few per page's worth of rows
    // yielded. Past that, sessions are created or deleted faster than it can keep its place.
    static constexpr std::int64_t startup_requests = 64;
    static constexpr std::int64_t requests_per_page = 4;
    constexpr bool within_budget() const {
        const auto pages = (yielded_ + page_size_ - 2) / (page_size_ - 1);
        return tracker_.requests() < startup_requests + requests_per_page * pages;
    }

    // Requests the page at `offset`; an error becomes the last element.
    constexpr bool fetch(std::int64_t offset) {
        if (!within_budget()) {
            current_ = error{errc::pagination_loop,
                             "the listing changes faster than the traversal can keep its place; "
                             "use a larger limit"};
            failed_ = true;
            return false;
        }
        tracker_.requested();
        query_.offset = offset;
        page_offset_ = offset;
        auto fetched = client_.fetch_page(query_);
        if (!fetched) {
            current_ = fetched.error();
            failed_ = true;
            return false;
        }
        page_ = std::move(fetched).value();
        rows_ = page_.results.begin();
        rows_on_page_ = 0;
        yielded_on_page_ = false;
        return true;
    }

    // The exact number of rows in the listing, if the latest page says it.
    constexpr std::optional<std::int64_t> exact_count() const {
        const auto count = count_of(query_, page_);
        return count.at_least ? std::nullopt : std::optional(count.value);
    }

    // The session_number of a row of any kind, if it has one.
    static constexpr std::optional<std::int64_t> number_of(const row& r) {
        if (r.kind() == row_kind::kyc) return r.kyc().session_number;
        if (r.kind() == row_kind::kyb) return r.kyb().session_number;
        const auto number =
            json::object(json::detail::trusted, r.source().document(), r.source().offset())
                .find_if_present("session_number");
        if (!number || number->kind() != json::kind::number) return std::nullopt;
        const auto integer = number->get_int64();
        return integer ? std::optional(*integer) : std::nullopt;
    }

    // Ends the traversal at a row it cannot place, located in its page.
    constexpr void unplaceable(const row& r, std::string_view why) {
        const auto where = r.source();
        current_ =
            json::locate(where.document(), where.offset(), error{errc::unplaceable_row, why});
        failed_ = true;
    }

    // Finds the next row to yield, fetching pages as needed.
    constexpr void advance() {
        if (failed_) { // the error was the last element
            done_ = true;
            return;
        }
        for (;;) {
            if (rows_ == std::default_sentinel) {
                if (rows_on_page_ == 0 && anchor_ && page_offset_ > 0) {
                    // Nothing left at this offset: deletions above may have pulled the rest of
                    // the listing up past it, or the last estimate went too far.
                    if (!fetch(tracker_.next_after_empty(page_offset_, page_size_, exact_count())))
                        return;
                    continue;
                }
                if (rows_on_page_ < page_size_) { // a short page is the listing's last
                    done_ = true;
                    return;
                }
                // The next page starts where the anchor will be. A page with nothing to yield
                // was all rows newer than the anchor: sessions created meanwhile pushed it down.
                const detail::anchor_tracker::full_page full{page_offset_, rows_on_page_,
                                                             first_on_page_, previous_on_page_};
                const auto next = yielded_on_page_ ? tracker_.next_after_yield(full)
                                                   : tracker_.next_after_newer(full, *anchor_);
                if (!fetch(next)) return;
                continue;
            }
            auto decoded = *rows_;
            ++rows_;
            ++rows_on_page_;
            if (!decoded) { // a row that does not decode is yielded as its error
                current_ = decoded.error();
                return;
            }
            const auto placed = number_of(decoded.value());
            if (!placed) {
                unplaceable(decoded.value(), no_number);
                return;
            }
            const auto number = *placed;
            const bool first_on_page = rows_on_page_ == 1;
            if (first_on_page) {
                first_on_page_ = number;
            } else if (number >= previous_on_page_) {
                unplaceable(decoded.value(), out_of_order);
                return;
            }
            previous_on_page_ = number;
            if (first_on_page && anchor_ && number < *anchor_ && page_offset_ > 0) {
                // Rows at or above the anchor were deleted, so rows may have slid up past this
                // page's start, or the last estimate went too far: step back until a page
                // starts at or above the anchor.
                if (!fetch(tracker_.next_after_older_start(page_offset_, number, *anchor_))) return;
                continue;
            }
            if (anchor_ && number >= *anchor_) continue; // seen already, or created since
            const auto offset = page_offset_ + rows_on_page_ - 1;
            if (anchor_ && !yielded_on_page_) tracker_.found(offset - 1);
            tracker_.yielded(offset);
            anchor_ = number;
            yielded_on_page_ = true;
            ++yielded_;
            current_ = std::move(decoded);
            return;
        }
    }

    client<Transport, Time>& client_;
    query query_;
    std::int64_t page_size_;
    std::int64_t offset_;
    page page_{};
    row_range::iterator rows_{};
    std::int64_t page_offset_ = 0;
    std::int64_t rows_on_page_ = 0;
    std::int64_t first_on_page_ = 0;     // the number of the page's first row
    std::int64_t previous_on_page_ = 0;  // the number of the page's row before the current one
    std::optional<std::int64_t> anchor_; // the number of the last row yielded
    bool yielded_on_page_ = false;
    std::int64_t yielded_ = 0;
    detail::anchor_tracker tracker_;
    result<row> current_{row{}};
    bool failed_ = false;
    bool done_ = false;
};

// Every row of `q` once, through `c`, which must outlive the traversal.
template<transport Transport, time_source Time>
constexpr row_traversal<Transport, Time> rows(client<Transport, Time>& c, const query& q) {
    return row_traversal<Transport, Time>(c, q);
}

// Both kinds row by row, as the reference advises for mixed data: the KYC and the KYB listings
// walked separately, each exactly once, and merged newest first by created_at (KYC first on a
// tie; a row whose created_at cannot be read sorts last). Each kind needs its own client, so
// that a row of one kind stays valid while the other kind fetches its next page; a row is valid
// until the traversal moves past it. Each kind's listing ends at its own failed request, so a
// failure both share (a wrong key, say) comes out once per kind.
template<transport Transport, time_source Time>
class merged_traversal {
public:
    using iterator = detail::pull_iterator<merged_traversal, result<row>>;

    constexpr merged_traversal(client<Transport, Time>& kyc_client,
                               client<Transport, Time>& kyb_client, const query& q)
        : kyc_(kyc_client, of_kind(q, session_kind::user))
        , kyb_(kyb_client, of_kind(q, session_kind::business)) {}
    merged_traversal(const merged_traversal&) = delete; // iterators point to the traversal

    constexpr iterator begin() {
        kyc_at_ = kyc_.begin();
        kyb_at_ = kyb_.begin();
        pick();
        return iterator(this);
    }
    constexpr std::default_sentinel_t end() const { return {}; }

private:
    friend iterator;
    using side = typename row_traversal<Transport, Time>::iterator;

    static constexpr query of_kind(query q, session_kind kind) {
        q.session_kind = kind;
        return q;
    }

    constexpr const result<row>& current() const { return current_; }
    constexpr bool done() const { return done_; }

    // Microseconds since the epoch, or the lowest value for a row that has none to read.
    static constexpr std::int64_t created(const result<row>& r) {
        constexpr auto unknown = std::numeric_limits<std::int64_t>::min();
        if (!r) return std::numeric_limits<std::int64_t>::max(); // errors come out first
        const auto& at = r->kind() == row_kind::kyc ? r->kyc().created_at : r->kyb().created_at;
        return at.known() ? at.value().unix_micros() : unknown;
    }

    constexpr void pick() {
        const bool kyc_left = kyc_at_ != std::default_sentinel;
        const bool kyb_left = kyb_at_ != std::default_sentinel;
        if (!kyc_left && !kyb_left) {
            done_ = true;
            return;
        }
        from_kyc_ = kyc_left && (!kyb_left || created(*kyc_at_) >= created(*kyb_at_));
        current_ = from_kyc_ ? *kyc_at_ : *kyb_at_;
    }

    constexpr void advance() {
        if (from_kyc_)
            ++kyc_at_;
        else
            ++kyb_at_;
        pick();
    }

    row_traversal<Transport, Time> kyc_;
    row_traversal<Transport, Time> kyb_;
    side kyc_at_{};
    side kyb_at_{};
    bool from_kyc_ = true;
    result<row> current_{row{}};
    bool done_ = false;
};

// The rows of both kinds for `q` (its session_kind aside), each once, newest first.
template<transport Transport, time_source Time>
constexpr merged_traversal<Transport, Time>
all_rows(client<Transport, Time>& kyc_client, client<Transport, Time>& kyb_client, const query& q) {
    return merged_traversal<Transport, Time>(kyc_client, kyb_client, q);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
