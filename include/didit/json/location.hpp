#pragma once

// Where an offset lies in a JSON document: line, column and JSON path. Worked out only when an
// error is reported, by reading the document again up to that offset.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/detail/json_scan.hpp>
#include <didit/detail/writer.hpp>
#include <didit/result.hpp>

namespace didit::json {

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

constexpr void write_path(json_path& path, const std::array<path_frame, max_path_frames>& frames,
                          std::size_t depth) {
    for (std::size_t i = 0; i < depth && i < frames.size(); ++i) {
        const auto& frame = frames[i];
        if (frame.object) {
            if (!frame.in_value) break; // between members: the object itself is the place
            if (!path.empty()) path.append(".");
            path.append(frame.key);
        } else {
            char digits[24]{};
            span_writer number(digits);
            append_decimal(number, static_cast<long long>(frame.index));
            path.append("[");
            path.append(std::string_view(digits, number.size()));
            path.append("]");
        }
    }
    if (depth > frames.size()) path.append("...");
}

} // namespace detail

// Fills in the line, column and path of `failure` for the byte at `offset` of `doc`. The
// document must be well-formed up to that offset (as it is when a reader stops there).
constexpr error locate(std::string_view doc, std::size_t offset, error failure) {
    if (offset > doc.size()) offset = doc.size();
    failure.offset = offset;
    failure.line = 1;
    failure.column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (doc[i] == '\n') {
            ++failure.line;
            failure.column = 1;
        } else if ((static_cast<unsigned char>(doc[i]) & 0xC0) != 0x80) {
            ++failure.column; // columns count characters, not UTF-8 continuation bytes
        }
    }

    std::array<detail::path_frame, detail::max_path_frames> frames{};
    std::size_t depth = 0;
    const auto top = [&]() -> detail::path_frame* {
        return depth > 0 && depth <= frames.size() ? &frames[depth - 1] : nullptr;
    };
    for (std::size_t pos = 0; pos < offset;) {
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
    failure.path.clear();
    detail::write_path(failure.path, frames, depth);
    return failure;
}

} // namespace didit::json
