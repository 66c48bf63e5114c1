#pragma once

// The URLs the client follows: the configured base, `next` links and redirect `Location`s.
// Parsed strictly (RFC 3986), so that the origin the client compares is the origin a request
// would really go to: no backslashes, spaces or control characters, the host taken after the
// last '@' of the authority, and default ports made explicit.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/inline_text.hpp>
#include <didit/detail/text.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

constexpr error invalid_url(std::string_view text, std::string_view why) {
    return {errc::invalid_value, why, text};
}

constexpr bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters that may stand anywhere in a URL as written (RFC 3986 unreserved, sub-delims,
// gen-delims and '%'). Everything else, a backslash or a space included, makes it invalid.
constexpr bool is_url_char(char c) {
    if (is_alpha(c) || is_digit(c)) return true;
    constexpr std::string_view allowed = "-._~!$&'()*+,;=:/?#[]@%";
    return allowed.find(c) != std::string_view::npos;
}

} // namespace detail

// The parts of a URL, as views into its text. `has_*` tell an empty part from an absent one.
struct url_parts {
    std::string_view scheme;    // without ':'
    std::string_view authority; // without "//"
    std::string_view userinfo;  // before the last '@' of the authority
    std::string_view host;      // a name, an IPv4 address, or an IP literal in brackets
    std::string_view port;      // digits, maybe empty
    std::string_view path;
    std::string_view query;    // without '?'
    std::string_view fragment; // without '#'
    bool has_authority = false;
    bool has_query = false;
    bool has_fragment = false;
};

// A URL reference, absolute or relative (RFC 3986 URI-reference). Characters outside the
// URL's set, a '%' not followed by two hex digits, and a malformed authority are errors.
constexpr result<url_parts> parse_url_reference(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!detail::is_url_char(text[i]))
            return detail::invalid_url(text, "a URL cannot contain this character");
        if (text[i] == '%' && (i + 2 >= text.size() || detail::hex_value(text[i + 1]) < 0 ||
                               detail::hex_value(text[i + 2]) < 0))
            return detail::invalid_url(text, "'%' in a URL must start a %XX escape");
    }
    url_parts parts;
    auto rest = text;
    // A scheme is letters, digits, '+', '-', '.' before the first ':', starting with a letter.
    if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
        const auto candidate = rest.substr(0, colon);
        bool scheme = !candidate.empty() && detail::is_alpha(candidate[0]);
        for (const char c : candidate)
            scheme = scheme && (detail::is_alpha(c) || detail::is_digit(c) || c == '+' ||
                                c == '-' || c == '.');
        if (scheme) {
            parts.scheme = candidate;
            rest.remove_prefix(colon + 1);
        }
    }
    if (const auto hash = rest.find('#'); hash != std::string_view::npos) {
        parts.fragment = rest.substr(hash + 1);
        parts.has_fragment = true;
        rest = rest.substr(0, hash);
    }
    if (const auto question = rest.find('?'); question != std::string_view::npos) {
        parts.query = rest.substr(question + 1);
        parts.has_query = true;
        rest = rest.substr(0, question);
    }
    if (rest.starts_with("//")) {
        rest.remove_prefix(2);
        const auto slash = rest.find('/');
        parts.authority = rest.substr(0, slash);
        parts.has_authority = true;
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
        auto host_port = parts.authority;
        if (const auto at = host_port.rfind('@'); at != std::string_view::npos) {
            parts.userinfo = host_port.substr(0, at);
            host_port.remove_prefix(at + 1);
        }
        if (host_port.starts_with('[')) {
            const auto close = host_port.find(']');
            if (close == std::string_view::npos)
                return detail::invalid_url(text, "an IP literal in a URL lacks its ']'");
            parts.host = host_port.substr(0, close + 1);
            host_port.remove_prefix(close + 1);
            if (!host_port.empty() && host_port[0] != ':')
                return detail::invalid_url(text, "a URL's IP literal must end its host");
        } else {
            parts.host = host_port.substr(0, host_port.find(':'));
            host_port.remove_prefix(parts.host.size());
        }
        if (!host_port.empty()) { // ":port"
            parts.port = host_port.substr(1);
            for (const char c : parts.port)
                if (!detail::is_digit(c))
                    return detail::invalid_url(text, "a URL's port must be digits");
        }
        if (parts.host.find_first_of("[]") != std::string_view::npos &&
            !parts.host.starts_with('['))
            return detail::invalid_url(text, "a URL's host cannot contain '[' or ']'");
    }
    parts.path = rest;
    if (parts.path.find_first_of("[]") != std::string_view::npos)
        return detail::invalid_url(text, "a URL's path cannot contain '[' or ']'");
    return parts;
}

// Scheme, host and port: where a request goes. Two URLs with the same origin reach the same
// server; the client sends the API key only there.
class origin {
public:
    constexpr origin() = default;

    // The origin of an absolute http or https URL with a host.
    static constexpr result<origin> of(std::string_view absolute_url) {
        const auto parsed = parse_url_reference(absolute_url);
        if (!parsed) return parsed.error();
        const auto& parts = parsed.value();
        const bool http = detail::iequals(parts.scheme, "http");
        if (!http && !detail::iequals(parts.scheme, "https"))
            return detail::invalid_url(absolute_url, "only http and https URLs can be requested");
        if (!parts.has_authority || parts.host.empty())
            return detail::invalid_url(absolute_url, "a URL to request needs a host");
        if (!parts.userinfo.empty() || parts.authority.find('@') != std::string_view::npos)
            return detail::invalid_url(absolute_url, "a URL to request cannot carry credentials");
        origin o;
        o.secure_ = !http;
        o.host_ = parts.host;
        o.port_ = o.secure_ ? 443 : 80;
        if (!parts.port.empty()) {
            std::uint32_t port = 0;
            for (const char c : parts.port) {
                port = port * 10 + static_cast<std::uint32_t>(c - '0');
                if (port > 65535)
                    return detail::invalid_url(absolute_url, "a URL's port is above 65535");
            }
            if (port == 0) return detail::invalid_url(absolute_url, "a URL's port cannot be 0");
            o.port_ = static_cast<std::uint16_t>(port);
        }
        return o;
    }

    constexpr bool secure() const { return secure_; }
    constexpr std::string_view host() const { return host_; }
    constexpr std::uint16_t port() const { return port_; }

    // Same scheme, same port, and the same host up to ASCII case.
    friend constexpr bool operator==(const origin& a, const origin& b) {
        return a.secure_ == b.secure_ && a.port_ == b.port_ && detail::iequals(a.host_, b.host_);
    }

private:
    bool secure_ = true;
    std::string_view host_;
    std::uint16_t port_ = 443;
};

// An absolute URL the library made, held by value: the client keeps the next URL to request in
// one, without the heap.
using url_buffer = detail::inline_text<max_url_size>;

namespace detail {

// Appends `path` to the path `out` without its "." and ".." segments (RFC 3986, section
// 5.2.4). A ".." removes the last segment written.
constexpr void append_without_dot_segments(url_buffer& out, std::string_view path) {
    const auto drop_last_segment = [&] {
        const auto slash = out.view().rfind('/');
        out.truncate(slash == std::string_view::npos ? 0 : slash);
    };
    while (!path.empty()) {
        if (path.starts_with("../")) {
            path.remove_prefix(3);
        } else if (path.starts_with("./") || path.starts_with("/./")) {
            path.remove_prefix(2);
        } else if (path == "/.") {
            path = "/";
        } else if (path.starts_with("/../")) {
            path.remove_prefix(3);
            drop_last_segment();
        } else if (path == "/..") {
            path = "/";
            drop_last_segment();
        } else if (path == "." || path == "..") {
            path = {};
        } else {
            const auto next = path.find('/', 1);
            out.append(path.substr(0, next));
            path = next == std::string_view::npos ? std::string_view{} : path.substr(next);
        }
    }
}

constexpr error url_too_long(std::string_view text) {
    return {errc::capacity_exceeded, "the URL is longer than DIDIT_SESSIONS_MAX_URL_SIZE", text};
}

} // namespace detail

// `reference` (a `next` link or a `Location`) resolved against the absolute URL `base`, as
// RFC 3986, section 5.2 describes. The fragment is left out: it is never sent.
constexpr result<url_buffer> resolve_url(std::string_view base, std::string_view reference) {
    const auto base_parsed = parse_url_reference(base);
    if (!base_parsed) return base_parsed.error();
    const auto reference_parsed = parse_url_reference(reference);
    if (!reference_parsed) return reference_parsed.error();
    const auto& b = base_parsed.value();
    const auto& r = reference_parsed.value();
    if (b.scheme.empty()) return detail::invalid_url(base, "a base URL must be absolute");

    url_buffer out;
    const auto& authority_source = !r.scheme.empty() || r.has_authority ? r : b;
    out.append(r.scheme.empty() ? b.scheme : r.scheme);
    out.append(":");
    if (authority_source.has_authority) {
        out.append("//");
        out.append(authority_source.authority);
    }
    url_buffer path;
    bool query_from_base = false;
    if (!r.scheme.empty() || r.has_authority || r.path.starts_with('/')) {
        detail::append_without_dot_segments(path, r.path);
    } else if (r.path.empty()) {
        path.append(b.path);
        query_from_base = !r.has_query;
    } else {
        // Merge (section 5.2.3): the base path up to its last '/', then the reference's path.
        url_buffer merged;
        if (b.has_authority && b.path.empty())
            merged.append("/");
        else
            merged.append(b.path.substr(0, b.path.rfind('/') + 1));
        merged.append(r.path);
        if (merged.truncated()) return detail::url_too_long(reference);
        detail::append_without_dot_segments(path, merged.view());
    }
    // Without an authority, a path that starts with "//" would read as one once written after
    // the scheme: "/." before it keeps it a path, as WHATWG's URL standard does.
    if (!authority_source.has_authority && path.view().starts_with("//")) out.append("/.");
    out.append(path.view());
    const auto& query_source = query_from_base ? b : r;
    if (query_source.has_query) {
        out.append("?");
        out.append(query_source.query);
    }
    if (path.truncated() || out.truncated()) return detail::url_too_long(reference);
    return out;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI
