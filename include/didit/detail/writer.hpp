#pragma once

// Text sinks for the library's writers: anything with append(std::string_view).

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

template<class S>
concept text_sink = requires(S& sink, std::string_view text) {
    sink.append(text);
};

// Any sink, behind one virtual call per piece of text: code written for any_sink exists once
// in a program, whatever sinks it writes to.
class any_sink {
public:
    constexpr virtual void append(std::string_view text) = 0;

protected:
    constexpr ~any_sink() = default;
};

template<text_sink Sink>
class any_sink_for final : public any_sink {
public:
    constexpr explicit any_sink_for(Sink& out)
        : out_(out) {}
    constexpr void append(std::string_view text) override { out_.append(text); }

private:
    Sink& out_;
};

// Appends `text` to `sink`: runs of bytes for which `plain(byte)` holds as they are, and each
// other byte as `escape(sink, byte)` writes it. Whole runs keep multi-byte UTF-8 characters in
// one piece for sinks that read characters, such as a JSON escaper.
template<text_sink Sink, class Plain, class Escape>
constexpr void append_escaped(Sink& sink, std::string_view text, Plain plain, Escape escape) {
    std::size_t run = 0; // where the current run of plain bytes starts
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (plain(byte)) continue;
        sink.append(text.substr(run, i - run));
        escape(sink, byte);
        run = i + 1;
    }
    sink.append(text.substr(run));
}

// Writes into a caller's buffer and keeps counting past its end, so that a failed write
// reports the size it needed.
class span_writer {
public:
    constexpr explicit span_writer(std::span<char> out)
        : out_(out) {}

    constexpr void append(std::string_view text) {
        for (const char c : text) {
            if (size_ < out_.size()) out_[size_] = c;
            ++size_;
        }
    }

    constexpr std::size_t size() const { return size_; }
    constexpr bool overflowed() const { return size_ > out_.size(); }

private:
    std::span<char> out_;
    std::size_t size_ = 0;
};

// Appends to a std::string the caller owns.
struct string_writer {
    std::string& text;
    void append(std::string_view more) { text.append(more); }
};

// `text` between backticks, with control bytes shown as \xNN so a message stays one line.
template<text_sink Sink>
constexpr void append_quoted(Sink& out, std::string_view text) {
    out.append("`");
    append_escaped(
        out, text, [](unsigned char byte) { return byte >= 0x20 && byte != 0x7F; },
        [](Sink& sink, unsigned char byte) {
            constexpr std::string_view hex = "0123456789abcdef";
            const char escaped[4] = {'\\', 'x', hex[byte >> 4], hex[byte & 0xF]};
            sink.append(std::string_view(escaped, 4));
        });
    out.append("`");
}

// The text that `write` appends to the writer it is given, as a string.
template<class Write>
std::string written(Write write) {
    std::string text;
    string_writer out{text};
    write(out);
    return text;
}

// Decimal digits of `value` into `sink`.
template<text_sink Sink>
constexpr void append_decimal(Sink& sink, long long value) {
    char digits[24]{};
    std::size_t at = sizeof digits;
    unsigned long long magnitude = value < 0 ? 0ULL - static_cast<unsigned long long>(value)
                                             : static_cast<unsigned long long>(value);
    do
        digits[--at] = static_cast<char>('0' + magnitude % 10);
    while ((magnitude /= 10) != 0);
    if (value < 0) digits[--at] = '-';
    sink.append(std::string_view(digits + at, sizeof digits - at));
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
