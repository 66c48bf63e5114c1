#pragma once

// A page of the listing: `count`, the `next` and `previous` links, and the rows, decoded one at
// a time as iteration reaches them. The whole body is validated first, so a row that fails to
// decode is a row with the wrong shape, never a broken document, and the rows after it still
// decode. Everything borrows the body, which must outlive the page.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>
#include <tuple>

#include <didit/detail/borrow.hpp>
#include <didit/json/options.hpp>
#include <didit/json/string.hpp>
#include <didit/json/value.hpp>
#include <didit/result.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/reader.hpp>
#include <didit/rows/row.hpp>
#include <didit/rows/schema.hpp>

namespace didit {

// The rows of a page; each step decodes one row.
class row_range {
public:
    class iterator {
    public:
        using value_type = result<row>;
        using difference_type = std::ptrdiff_t;

        constexpr iterator() = default;
        constexpr explicit iterator(json::array::iterator element)
            : element_(element) {}

        // The row, or why it does not decode (located in the body).
        constexpr result<row> operator*() const {
            detail::row_reader reader;
            row decoded_row;
            if (!detail::read(reader, *element_, decoded_row)) return reader.failure();
            return decoded_row;
        }
        constexpr iterator& operator++() {
            ++element_;
            return *this;
        }
        constexpr void operator++(int) { ++*this; }
        constexpr bool operator==(std::default_sentinel_t end) const { return element_ == end; }

    private:
        json::array::iterator element_{};
    };

    constexpr row_range() = default;
    constexpr explicit row_range(json::array rows)
        : rows_(rows) {}

    constexpr iterator begin() const { return iterator(rows_.begin()); }
    constexpr std::default_sentinel_t end() const { return {}; }
    constexpr bool empty() const { return rows_.empty(); }

private:
    json::array rows_{};
};

struct page {
    std::int64_t count = 0;       // for KYB rows, capped at 100 by the server
    field<json::string> next;     // null on the last page
    field<json::string> previous; // null on the first page
    row_range results;
};

namespace detail {

constexpr bool read(row_reader& reader, json::value in, row_range& out) {
    json::array rows;
    if (!take(reader, in.get_array(), rows)) return false;
    out = row_range(rows);
    return true;
}

template<>
inline constexpr auto schema_of<page> =
    std::tuple{required_member("count", &page::count), required_member("next", &page::next),
               required_member("previous", &page::previous),
               required_member("results", &page::results)};

} // namespace detail

template<json::options Options = json::options{}>
constexpr result<page> parse_page(std::string_view body) {
    return detail::read_document<page, Options>(body);
}

// Parsing a temporary string would leave every view dangling.
template<json::options Options = json::options{}, class Text>
requires detail::temporary_string<Text> result<page> parse_page(Text&&)
= delete;

} // namespace didit
