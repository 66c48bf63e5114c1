#pragma once

// The bodies of the server's refusals. A 400 body maps each offending parameter to its
// messages, as a list of strings or, for some parameters, one string:
//   {"date_from": ["Enter a valid date."], "session_kind": "Must be \"user\", ..."}
// A 403 body carries a `detail` string. Both borrow the body.

#include <cstddef>
#include <iterator>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/borrow.hpp>
#include <didit/json/options.hpp>
#include <didit/json/string.hpp>
#include <didit/json/value.hpp>
#include <didit/result.hpp>
#include <didit/rows/reader.hpp>
#include <didit/rows/schema.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// The messages for one parameter: the strings of a list, or the one string.
class message_list {
public:
    class iterator {
    public:
        using value_type = json::string;
        using difference_type = std::ptrdiff_t;

        constexpr iterator() = default;
        constexpr iterator(json::value single, json::array::iterator element, bool is_single)
            : single_(single)
            , element_(element)
            , single_left_(is_single) {}

        constexpr json::string operator*() const {
            return (single_left_ ? single_ : *element_).get_string().value();
        }
        constexpr iterator& operator++() {
            if (single_left_)
                single_left_ = false;
            else
                ++element_;
            return *this;
        }
        constexpr void operator++(int) { ++*this; }
        constexpr bool operator==(std::default_sentinel_t end) const {
            return !single_left_ && (single_.kind() == json::kind::string || element_ == end);
        }

    private:
        json::value single_;
        json::array::iterator element_{};
        bool single_left_ = false;
    };

    constexpr message_list() = default;
    constexpr explicit message_list(json::value messages)
        : messages_(messages) {}

    constexpr iterator begin() const {
        if (messages_.kind() == json::kind::string) return {messages_, {}, true};
        const auto list = messages_.get_array(); // an array, or nothing in a default list
        return {messages_, list ? list->begin() : json::array{}.begin(), false};
    }
    constexpr std::default_sentinel_t end() const { return {}; }

private:
    json::value messages_{};
};

struct parameter_error {
    json::string parameter;
    message_list messages;
};

// The parameters of a 400 body, in the order the server sent them.
class bad_request_body {
public:
    class iterator {
    public:
        using value_type = parameter_error;
        using difference_type = std::ptrdiff_t;

        constexpr iterator() = default;
        constexpr explicit iterator(json::object::iterator member)
            : member_(member) {}

        constexpr parameter_error operator*() const {
            const json::member m = *member_;
            return {m.key, message_list(m.value)};
        }
        constexpr iterator& operator++() {
            ++member_;
            return *this;
        }
        constexpr void operator++(int) { ++*this; }
        constexpr bool operator==(std::default_sentinel_t end) const { return member_ == end; }

    private:
        json::object::iterator member_{};
    };

    constexpr bad_request_body() = default;
    constexpr explicit bad_request_body(json::object parameters)
        : parameters_(parameters) {}

    constexpr iterator begin() const { return iterator(parameters_.begin()); }
    constexpr std::default_sentinel_t end() const { return {}; }
    constexpr bool empty() const { return parameters_.empty(); }

private:
    json::object parameters_{};
};

struct forbidden_body {
    json::string detail;
};

namespace detail {

constexpr std::size_t read(row_reader& reader, json::value in, message_list& out) {
    out = message_list(in);
    if (in.kind() == json::kind::string)
        return json::detail::skip_string(in.document(), in.offset());
    return read_elements(reader, in, [&](json::value message) {
        json::string text;
        return read(reader, message, text);
    });
}

constexpr std::size_t read(row_reader& reader, json::value in, bad_request_body& out) {
    const auto end = read_members(reader, in, [&](std::string_view, json::value value) {
        message_list messages;
        return read(reader, value, messages);
    });
    if (end != read_failed)
        out = bad_request_body(json::object(json::detail::trusted, in.document(), in.offset()));
    return end;
}

template<>
inline constexpr auto
    schema_of<forbidden_body> = make_item_list(required_member("detail", &forbidden_body::detail));

} // namespace detail

// A 400 body, checked whole: every value a string or a list of strings.
template<json::options Options = json::options{}>
constexpr result<bad_request_body> parse_bad_request(std::string_view body) {
    return detail::read_document<bad_request_body, Options>(body);
}

// A 403 (or 401) body.
template<json::options Options = json::options{}>
constexpr result<forbidden_body> parse_forbidden(std::string_view body) {
    return detail::read_document<forbidden_body, Options>(body);
}

// Parsing a temporary string would leave every view dangling.
template<json::options Options = json::options{}, detail::temporary_string Text>
constexpr result<bad_request_body> parse_bad_request(Text&&) {
    detail::refuse_temporary_text<Text>();
    return error{};
}

template<json::options Options = json::options{}, detail::temporary_string Text>
constexpr result<forbidden_body> parse_forbidden(Text&&) {
    detail::refuse_temporary_text<Text>();
    return error{};
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
