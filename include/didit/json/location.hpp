#pragma once

// Where an offset lies in a JSON document: line, column and JSON path. Worked out only when an
// error is reported, by reading the document again up to that offset.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/config.hpp>
#include <didit/detail/json_scan.hpp>
#include <didit/detail/writer.hpp>
#include <didit/result.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::json {

namespace detail {

using namespace didit::detail;

// One open array or object on the way to the offset.
struct path_frame {
    bool object = false;
    bool in_value = false;  // objects: past the ':' of the current member
    std::size_t index = 0;  // arrays: index of the current element
    std::string_view key{}; // objects: raw text of the current member's key
};

// Frames deeper than this are left out of paths (the path says so with "...").
inline constexpr std::size_t max_path_frames = 256;

constexpr bool is_identifier(std::string_view key) {
    if (key.empty() || is_digit(key[0])) return false;
    for (const char c : key)
        if (!(is_digit(c) || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            return false;
    return true;
}

// Appends one frame's part of a path: .key, ["key"] for a key that is not an identifier (its
// raw JSON text, so the path stays unambiguous), or [index]. A part that does not fit, with
// room left for "...", is not cut: the path ends with "..." instead.
constexpr bool append_frame(json_path& path, const path_frame& frame) {
    constexpr std::size_t ellipsis = 3;
    if (!frame.object) {
        char digits[24]{};
        span_writer number(digits);
        number.append("[");
        append_decimal(number, static_cast<long long>(frame.index));
        number.append("]");
        return path.append_whole(std::string_view(digits, number.size()), ellipsis);
    }
    if (is_identifier(frame.key)) {
        const bool dot = !path.empty();
        if (path.size() + dot + frame.key.size() + ellipsis > json_path_capacity) return false;
        if (dot) path.append(".");
        path.append(frame.key);
        return true;
    }
    if (path.size() + frame.key.size() + 4 + ellipsis > json_path_capacity) return false;
    path.append("[\"");
    path.append(frame.key);
    path.append("\"]");
    return true;
}

constexpr void write_path(json_path& path, const std::array<path_frame, max_path_frames>& frames,
                          std::size_t depth) {
    for (std::size_t i = 0; i < depth; ++i) {
        if (i < frames.size() && frames[i].object && !frames[i].in_value)
            return; // between members: the object itself is the place
        if (i == frames.size() || !append_frame(path, frames[i])) {
            path.append("...");
            return;
        }
    }
}

} // namespace detail

// A place in a document whose line, column and path are known: locating an offset after it
// reads on from there rather than from the start. The anchor must be the first byte of a
// value that contains the offset.
struct anchor {
    std::size_t offset = 0;
    std::uint32_t line = 1;
    std::uint32_t column = 1; // in characters
    json_path path{};
};

// Line and column of `to`, counted on from `from` (which comes before it).
constexpr anchor advance(std::string_view doc, anchor from, std::size_t to) {
    for (std::size_t i = from.offset; i < to && i < doc.size(); ++i) {
        if (doc[i] == '\n') {
            ++from.line;
            from.column = 1;
        } else if ((static_cast<unsigned char>(doc[i]) & 0xC0) != 0x80) {
            ++from.column; // columns count characters, not UTF-8 continuation bytes
        }
    }
    from.offset = to;
    return from;
}

// Fills in the line, column and path of `failure` for the byte at `offset` of `doc`. The
// document must be well-formed up to that offset (as it is when a reader stops there).
constexpr error locate(std::string_view doc, std::size_t offset, error failure,
                       const anchor& from = {}) {
    if (offset > doc.size()) offset = doc.size();
    const auto place = advance(doc, from, offset);
    failure.offset = offset;
    failure.line = place.line;
    failure.column = place.column;

    std::array<detail::path_frame, detail::max_path_frames> frames{};
    std::size_t depth = 0;
    const auto top = [&]() -> detail::path_frame* {
        return depth > 0 && depth <= frames.size() ? &frames[depth - 1] : nullptr;
    };
    for (std::size_t pos = from.offset; pos < offset;) {
        const char c = doc[pos];
        if (c == '"') {
            const auto scan = detail::scan_string(doc, pos);
            const std::size_t end = scan.failure.code == errc::ok ? scan.end : doc.size();
            if (auto* frame = top(); frame && frame->object && !frame->in_value)
                frame->key = doc.substr(pos + 1, end >= pos + 2 ? end - pos - 2 : 0);
            pos = end;
            continue;
        }
        if (c == '{' || c == '[') {
            if (depth < frames.size()) frames[depth] = {c == '{', false, 0, {}};
            ++depth;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        } else if (auto* frame = top(); frame && c == ',') {
            frame->object ? void(frame->in_value = false) : void(++frame->index);
        } else if (frame && c == ':') {
            frame->in_value = true;
        }
        ++pos;
    }
    failure.path = from.path;
    detail::write_path(failure.path, frames, depth);
    return failure;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::json
