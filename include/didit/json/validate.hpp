#pragma once

// Strict validation of a whole JSON document (RFC 8259): no recursion, no heap, and no read
// outside the view, whatever the input.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/json_scan.hpp>
#include <didit/json/block_validate.hpp>
#include <didit/json/container_stack.hpp>
#include <didit/json/location.hpp>
#include <didit/json/options.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

namespace detail {

struct ignore_extents {
    constexpr void operator()(std::size_t, std::size_t) const {}
};

// Validation byte by byte: what validate() falls back on to say where and why a document fails,
// and all it uses in constant evaluation and in builds for small code.
template<std::size_t MaxDepth, class OnMemberContainer>
constexpr result<void> validate_by_bytes(std::string_view doc,
                                         OnMemberContainer& on_member_container) {
    using didit::detail::skip_json_space;
    container_stack<MaxDepth> open;
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
            const auto end = didit::detail::scan_literal(doc, pos);
            if (end == 0) return fail(pos, errc::syntax_error, "invalid literal");
            pos = end;
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
#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
    if constexpr (detail::block_validation) {
        if (!std::is_constant_evaluated() &&
            detail::validate_by_blocks<Options.max_depth>(doc, on_member_container))
            return {};
    }
#endif
    return detail::validate_by_bytes<Options.max_depth>(doc, on_member_container);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
