#pragma once

// A page of the listing: `count`, the `next` and `previous` links, and the rows, decoded one at
// a time as iteration reaches them. The whole body is validated first, so a row that fails to
// decode is a row with the wrong shape, never a broken document, and the rows after it still
// decode. Everything borrows the body, which must outlive the page.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/borrow.hpp>
#include <didit/json/options.hpp>
#include <didit/json/string.hpp>
#include <didit/json/value.hpp>
#include <didit/result.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/reader.hpp>
#include <didit/rows/row.hpp>
#include <didit/rows/schema.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// The rows of a page; each step decodes one row. Decoding a row finds where it ends, so that
// stepping past it after reading it costs nothing more; a row that fails is located from the
// last place the iterator located, so that reporting every failing row stays linear.
class row_range {
public:
    class iterator {
    public:
        using value_type = result<row>;
        using difference_type = std::ptrdiff_t;

        constexpr iterator() = default;
        constexpr explicit iterator(detail::element_cursor rows)
            : rows_(rows) {}

        // The row, or why it does not decode (located in the body).
        DIDIT_SESSIONS_DECL result<row> operator*() const;
        constexpr iterator& operator++() {
            rows_.advance();
            ++index_;
            return *this;
        }
        constexpr void operator++(int) { ++*this; }
        constexpr bool operator==(std::default_sentinel_t) const { return rows_.at_end(); }

    private:
        // The start of this row: its line and column, counted on from the last row located,
        // and its path, results[index].
        constexpr json::anchor row_anchor() const {
            checkpoint_ = json::advance(rows_.document(), checkpoint_, rows_.offset());
            auto from = checkpoint_;
            from.path.clear();
            from.path.append("results");
            char digits[24]{};
            didit::detail::span_writer number(digits);
            number.append("[");
            didit::detail::append_decimal(number, static_cast<long long>(index_));
            number.append("]");
            from.path.append(std::string_view(digits, number.size()));
            return from;
        }

        detail::element_cursor rows_{};
        std::size_t index_ = 0;
        mutable json::anchor checkpoint_{}; // the last place located, path aside
    };

    constexpr row_range() = default;
    constexpr explicit row_range(json::array rows)
        : rows_(rows) {}

    constexpr iterator begin() const {
        return iterator(detail::element_cursor(rows_.document(), rows_.offset()));
    }
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

// The rows are decoded as iteration reaches them; here they are only stepped over, to where
// validation found the array's end.
constexpr std::size_t read(row_reader& reader, json::value in, row_range& out) {
    if (in.kind() != json::kind::array)
        return reader.fail(in, errc::wrong_type, json::detail::expected_array);
    out = row_range(json::array(json::detail::trusted, in.document(), in.offset()));
    return reader.end_of(in);
}

template<>
inline constexpr auto schema_of<page> = make_item_list(required_member("count", &page::count),
                                                       required_member("next", &page::next),
                                                       required_member("previous", &page::previous),
                                                       required_member("results", &page::results));

} // namespace detail

template<json::options Options = json::options{}>
constexpr result<page> parse_page(std::string_view body) {
    return detail::read_document<page, Options>(body);
}

#if DIDIT_SESSIONS_SEPARATE_COMPILATION
template<>
result<page> parse_page<json::options{}>(std::string_view body);
#endif

// Parsing a temporary string would leave every view dangling.
template<json::options Options = json::options{}, detail::temporary_string Text>
constexpr result<page> parse_page(Text&&) {
    detail::refuse_temporary_text<Text>();
    return error{};
}

} // namespace didit::inline DIDIT_SESSIONS_ABI

#if !DIDIT_SESSIONS_SEPARATE_COMPILATION
#include <didit/rows/impl/page.hpp>
#endif
