#pragma once

// Strict validation of a whole JSON document (RFC 8259): no recursion, no heap, and no read
// outside the view, whatever the input.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/json_scan.hpp>
#include <didit/json/location.hpp>
#include <didit/json/options.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

namespace detail {

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

struct ignore_extents {
    constexpr void operator()(std::size_t, std::size_t) const {}
};

} // namespace detail

// Checks that `doc` is exactly one JSON value, with optional whitespace around it. Numbers of
// any length are accepted here; reading one as a number reports what does not fit.
// `on_member_container(open, end)` is told where each array or object directly inside the root
// opens and ends (just past it), so that a reader of the root need not scan them again.
template<options Options = options{}, class OnMemberContainer = detail::ignore_extents>
constexpr result<void> validate(std::string_view doc,
                                OnMemberContainer&& on_member_container = OnMemberContainer{}) {
    static_assert(Options.max_depth <= options::max_supported_depth,
                  "max_depth is kept on the stack, one bit a level: at most 65536 levels");
    using didit::detail::skip_json_space;
    detail::container_stack<Options.max_depth> open;
    const auto fail = [&](std::size_t at, errc code, std::string_view message) {
        return locate(doc, at, error{code, message});
    };
    std::size_t pos = skip_json_space(doc, 0);
    std::size_t member_container_open = 0; // of the innermost container at depth 2
    bool key_first = false;                // whether a key and ':' come before the next value
    const auto close = [&] {
        open.pop();
        ++pos;
        if (open.depth() == 1) on_member_container(member_container_open, pos);
    };
    // Each round reads one value at `pos` (with its key, in an object), then what follows it:
    // the brackets that close there, and the comma before the next value.
    for (;;) {
        if (key_first) {
            if (pos == doc.size())
                return fail(pos, errc::syntax_error, "unexpected end of input: expected a key");
            if (doc[pos] != '"') return fail(pos, errc::syntax_error, "expected a string key");
            const auto key = didit::detail::scan_string(doc, pos);
            if (key.failure.code != errc::ok)
                return fail(key.failure.offset, key.failure.code, key.failure.message);
            pos = skip_json_space(doc, key.end);
            if (pos == doc.size() || doc[pos] != ':')
                return fail(pos, errc::syntax_error, "expected ':'");
            pos = skip_json_space(doc, pos + 1);
        }
        if (pos == doc.size())
            return fail(pos, errc::syntax_error, "unexpected end of input: expected a value");
        const char c = doc[pos];
        if (c == '"') {
            const auto scan = didit::detail::scan_string(doc, pos);
            if (scan.failure.code != errc::ok)
                return fail(scan.failure.offset, scan.failure.code, scan.failure.message);
            pos = scan.end;
        } else if (c == '{' || c == '[') {
            if (open.depth() == 1) member_container_open = pos;
            if (!open.push(c == '{'))
                return fail(pos, errc::depth_exceeded,
                            "arrays and objects nest deeper than the limit");
            pos = skip_json_space(doc, pos + 1);
            if (pos == doc.size() || doc[pos] != (c == '{' ? '}' : ']')) {
                key_first = c == '{';
                continue; // to the first member or element
            }
            close(); // empty
        } else if (c == 't' || c == 'f' || c == 'n') {
            const std::string_view literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
            if (doc.substr(pos, literal.size()) != literal)
                return fail(pos, errc::syntax_error, "invalid literal");
            pos += literal.size();
        } else if (c == '-' || didit::detail::is_digit(c)) {
            didit::detail::scan_failure failure;
            pos = didit::detail::scan_number(doc, pos, failure);
            if (failure.code != errc::ok)
                return fail(failure.offset, failure.code, failure.message);
        } else {
            return fail(pos, errc::syntax_error, "expected a value");
        }
        // After a value: close what ends here, until a comma leads to the next value.
        for (;;) {
            pos = skip_json_space(doc, pos);
            if (open.depth() == 0) {
                if (pos != doc.size())
                    return fail(pos, errc::syntax_error, "unexpected content after the document");
                return {};
            }
            const bool object = open.in_object();
            if (pos < doc.size() && doc[pos] == ',') {
                pos = skip_json_space(doc, pos + 1);
                key_first = object;
                break;
            }
            if (pos < doc.size() && doc[pos] == (object ? '}' : ']')) {
                close();
                continue;
            }
            return fail(pos, errc::syntax_error,
                        object ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
