#pragma once

// A KYC row's `features`: the workflow's steps in order, each with its status. The schema sends
// an array of {feature, status} objects; one of the reference's examples sends the feature
// names as one comma-separated string instead, which has no statuses. Both read the same way.

#include <cstddef>
#include <iterator>
#include <string_view>

#include <didit/config.hpp>
#include <didit/enums.hpp>
#include <didit/json/string.hpp>
#include <didit/json/value.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/schema.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

struct feature_check {
    decoded<didit::feature> feature;
    field<decoded<feature_status>> status; // absent in the comma-separated form
};

namespace detail {

template<>
inline constexpr auto
    schema_of<feature_check> = make_item_list(required_member("feature", &feature_check::feature),
                                              member("status", &feature_check::status));

// What reading a row checks of each element: the shape of a feature_check, its texts left
// unrecognised. Iterating the list recognises them, so that a row read and then iterated does
// not recognise every name twice.
struct feature_check_shape {
    json::string feature;
    field<json::string> status;
};

template<>
inline constexpr auto schema_of<feature_check_shape> = make_item_list(
    required_member(nth<0>(schema_of<feature_check>).key, &feature_check_shape::feature),
    member(nth<1>(schema_of<feature_check>).key, &feature_check_shape::status));

// The next separator of a comma-separated list in raw JSON text: a comma, or a comma written
// as an escape.
struct list_separator {
    std::size_t at = std::string_view::npos;
    std::size_t size = 0;
};

constexpr list_separator find_separator(std::string_view raw, std::size_t from, bool escaped) {
    for (std::size_t i = from; i < raw.size(); ++i) {
        if (raw[i] == ',') return {i, 1};
        if (escaped && raw[i] == '\\') {
            const auto escape = raw.substr(i, 6);
            if (escape == "\\u002c" || escape == "\\u002C") return {i, 6};
            ++i; // the escaped character cannot start a separator
        }
    }
    return {};
}

// Raw JSON text without the spaces at either end, written plainly or as \u0020.
constexpr std::string_view trim_spaces(std::string_view raw) {
    std::size_t first = std::string_view::npos, last_end = 0;
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t length = 1;
        bool space = raw[i] == ' ';
        if (raw[i] == '\\') {
            length = i + 1 < raw.size() && raw[i + 1] == 'u' ? 6 : 2;
            space = raw.substr(i, 6) == "\\u0020";
        }
        if (!space) {
            if (first == std::string_view::npos) first = i;
            last_end = i + length;
        }
        i += length;
    }
    return first == std::string_view::npos ? raw.substr(0, 0) : raw.substr(first, last_end - first);
}

// The pieces of a comma-separated feature list, walked by the offset where each starts.
class feature_names {
public:
    static constexpr std::size_t end = std::string_view::npos;

    constexpr feature_names() = default;
    constexpr explicit feature_names(json::string names)
        : names_(names) {}

    // An empty string lists no features; otherwise each comma-separated piece is one.
    constexpr std::size_t first() const { return names_.raw().empty() ? end : 0; }

    constexpr std::size_t after(std::size_t start) const {
        const auto separator = find_separator(names_.raw(), start, names_.has_escapes());
        return separator.at == end ? end : separator.at + separator.size;
    }

    constexpr feature_check at(std::size_t start) const {
        const auto raw = names_.raw();
        const auto separator = find_separator(raw, start, names_.has_escapes());
        const auto piece =
            raw.substr(start, (separator.at == end ? raw.size() : separator.at) - start);
        const auto text = trim_spaces(piece);
        const json::string name(json::detail::trusted, text, text.find('\\') != end);
        const auto known = recognised(
            name, [](std::string_view plain) { return from_response_text<feature>(plain); });
        feature_check check;
        check.feature = known ? decoded<feature>(*known, name) : decoded<feature>::unknown(name);
        return check;
    }

private:
    json::string names_{};
};

} // namespace detail

// Borrows the document, like every view of a row.
class feature_list {
public:
    class iterator {
    public:
        using value_type = feature_check;
        using difference_type = std::ptrdiff_t;

        constexpr iterator() = default;
        constexpr explicit iterator(detail::element_cursor elements)
            : elements_(elements) {}
        constexpr iterator(detail::feature_names names, std::size_t piece)
            : names_(names)
            , piece_(piece)
            , comma_separated_(true) {}

        DIDIT_SESSIONS_DECL feature_check operator*() const;
        constexpr iterator& operator++() {
            if (comma_separated_)
                piece_ = names_.after(piece_);
            else
                elements_.advance();
            return *this;
        }
        constexpr void operator++(int) { ++*this; }
        constexpr bool operator==(std::default_sentinel_t) const {
            return comma_separated_ ? piece_ == detail::feature_names::end : elements_.at_end();
        }

    private:
        detail::element_cursor elements_{};
        detail::feature_names names_{};
        std::size_t piece_ = 0;
        bool comma_separated_ = false;
    };

    constexpr feature_list() = default;
    constexpr explicit feature_list(json::array elements)
        : elements_(elements) {}
    constexpr explicit feature_list(json::string names)
        : names_(names)
        , comma_separated_(true) {}

    // Whether the server sent the comma-separated string form.
    constexpr bool comma_separated() const { return comma_separated_; }

    constexpr iterator begin() const {
        if (comma_separated_) return {names_, names_.first()};
        return iterator(detail::element_cursor(elements_.document(), elements_.offset()));
    }
    constexpr std::default_sentinel_t end() const { return {}; }
    constexpr bool empty() const { return begin() == end(); }

private:
    json::array elements_{};
    detail::feature_names names_{};
    bool comma_separated_ = false;
};

namespace detail {

constexpr std::size_t read(row_reader& reader, json::value in, feature_list& out) {
    if (in.kind() == json::kind::string) {
        json::string names;
        const auto end = read(reader, in, names);
        out = feature_list(names);
        return end;
    }
    const auto end = read_elements(reader, in, [&](json::value element) {
        feature_check_shape check;
        return read(reader, element, check);
    });
    if (end != read_failed)
        out = feature_list(json::array(json::detail::trusted, in.document(), in.offset()));
    return end;
}

} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI

#if !DIDIT_SESSIONS_SEPARATE_COMPILATION
#include <didit/rows/impl/features.hpp>
#endif
