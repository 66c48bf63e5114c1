#pragma once

// Errors as text: the name of each code, and a whole error written on one line (where, what,
// about what).

#include <string>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/writer.hpp>
#include <didit/error.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

// The code's name as the enumeration spells it: to_string(errc::missing_field) is
// "missing_field".
constexpr std::string_view to_string(errc code) {
    switch (code) {
    case errc::ok:
        return "ok";
    case errc::invalid_value:
        return "invalid_value";
    case errc::capacity_exceeded:
        return "capacity_exceeded";
    case errc::buffer_too_small:
        return "buffer_too_small";
    case errc::syntax_error:
        return "syntax_error";
    case errc::depth_exceeded:
        return "depth_exceeded";
    case errc::invalid_string:
        return "invalid_string";
    case errc::wrong_type:
        return "wrong_type";
    case errc::out_of_range:
        return "out_of_range";
    case errc::missing_field:
        return "missing_field";
    case errc::transport_failure:
        return "transport_failure";
    case errc::response_too_large:
        return "response_too_large";
    case errc::foreign_origin:
        return "foreign_origin";
    case errc::redirect_refused:
        return "redirect_refused";
    case errc::too_many_redirects:
        return "too_many_redirects";
    case errc::forbidden:
        return "forbidden";
    case errc::bad_request:
        return "bad_request";
    case errc::rate_limited:
        return "rate_limited";
    case errc::server_error:
        return "server_error";
    case errc::unexpected_status:
        return "unexpected_status";
    case errc::deadline_exceeded:
        return "deadline_exceeded";
    case errc::pagination_loop:
        return "pagination_loop";
    case errc::unplaceable_row:
        return "unplaceable_row";
    }
    return "unknown"; // a value outside the enumeration
}

// `line:column: message `subject` at path`, each part where the error has it, such as
// "3:17: expected ',' or ']' at results[2].features" or
// "1:412: missing member `created_at` at results[1]". The subject's control bytes are shown
// as \xNN, so that the text stays on one line.
template<detail::text_sink Sink>
constexpr void write_error(Sink& out, const error& failure) {
    if (failure.offset != no_offset) {
        detail::append_decimal(out, failure.line);
        out.append(":");
        detail::append_decimal(out, failure.column);
        out.append(": ");
    }
    out.append(failure.message);
    if (!failure.subject.empty()) {
        out.append(" ");
        detail::append_quoted(out, failure.subject);
    }
    if (!failure.path.empty()) {
        out.append(" at ");
        out.append(failure.path.view());
    }
}

inline std::string to_string(const error& failure) {
    return detail::written([&](auto& out) { write_error(out, failure); });
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
