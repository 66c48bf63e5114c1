#pragma once

// The pages of a listing, following `next` links one at a time: an input range that holds one
// page, so memory stays flat however many pages there are. It stops at the first error, which
// it yields as its last element. A `next` link that does not move forward (an offset no larger
// than the page's own, a URL already requested) or a page that brings no rows but a `next` is
// a pagination loop.

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include <didit/client/client.hpp>
#include <didit/client/url.hpp>
#include <didit/config.hpp>
#include <didit/detail/pull_iterator.hpp>
#include <didit/query/query.hpp>
#include <didit/result.hpp>
#include <didit/rows/page.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

// The `offset` parameter of a URL's query, 0 when it is absent or not digits (as the server
// reads it).
constexpr std::int64_t offset_of(std::string_view url) {
    const auto parts = parse_url_reference(url);
    if (!parts) return 0;
    auto query = parts.value().query;
    std::int64_t offset = 0;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (!pair.starts_with("offset=")) continue;
        offset = 0;
        for (const char c : pair.substr(7)) {
            if (!is_digit(c) || offset > (std::int64_t{1} << 53)) {
                offset = 0;
                break;
            }
            offset = offset * 10 + (c - '0');
        }
    }
    return offset;
}

// FNV-1a: a cheap fingerprint of the URLs already requested.
constexpr std::uint64_t fingerprint(std::string_view text) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

} // namespace detail

// A page's count as a number of sessions. Exact for KYC rows; KYB rows are counted with a
// bounded scan that stops at 100, so for `business` and `all` a count of 100 or more means at
// least that many (for `all` it cannot tell whether the KYB part reached the cap).
struct session_count {
    std::int64_t value = 0;
    bool at_least = false;
};

inline constexpr std::int64_t kyb_count_cap = 100;

constexpr session_count count_of(const query& q, const page& p) {
    const bool capped_kind = q.session_kind.value_or(session_kind::user) != session_kind::user;
    return {p.count, capped_kind && p.count >= kyb_count_cap};
}

template<transport Transport, time_source Time>
class page_range {
public:
    using iterator = detail::pull_iterator<page_range, result<page>>;

    constexpr page_range(client<Transport, Time>& c, const query& q)
        : client_(c)
        , query_(q) {}
    page_range(const page_range&) = delete; // iterators point to the range

    // Requests the first page; call once.
    constexpr iterator begin() {
        current_ = client_.fetch_page(query_);
        remember(client_.last_url());
        return iterator(this);
    }
    constexpr std::default_sentinel_t end() const { return {}; }

private:
    friend iterator;
    constexpr const result<page>& current() const { return current_; }
    constexpr bool done() const { return done_; }

    static constexpr std::size_t remembered_urls = 64;

    constexpr void remember(std::string_view url) {
        seen_[seen_count_++ % remembered_urls] = detail::fingerprint(url);
    }

    constexpr bool seen(std::string_view url) const {
        const auto print = detail::fingerprint(url);
        const auto count = seen_count_ < remembered_urls ? seen_count_ : remembered_urls;
        for (std::size_t i = 0; i < count; ++i)
            if (seen_[i] == print) return true;
        return false;
    }

    constexpr void advance() {
        if (!current_ || current_->next.is_null() || current_->next.is_absent()) {
            done_ = true;
            return;
        }
        const auto& now = current_.value();
        const auto link = now.next.value();
        if (link.has_escapes()) { // the server writes its links plainly
            current_ = error{errc::invalid_value, "a next link written with escapes", link.raw()};
            return;
        }
        const auto resolved = resolve_url(client_.last_url(), link.raw());
        if (!resolved) {
            current_ = resolved.error();
            return;
        }
        const auto next_url = resolved.value().view();
        if (now.results.empty() || seen(next_url) ||
            detail::offset_of(next_url) <= detail::offset_of(client_.last_url())) {
            current_ = error{errc::pagination_loop,
                             "the next link does not move forward through the listing"};
            return;
        }
        current_ = client_.fetch_link(next_url);
        remember(client_.last_url());
    }

    client<Transport, Time>& client_;
    query query_;
    result<page> current_{page{}};
    std::array<std::uint64_t, remembered_urls> seen_{};
    std::size_t seen_count_ = 0;
    bool done_ = false;
};

// The pages of `q`, through `c`, which must outlive the range.
template<transport Transport, time_source Time>
constexpr page_range<Transport, Time> pages(client<Transport, Time>& c, const query& q) {
    return page_range<Transport, Time>(c, q);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
