#pragma once

// A second JSON decoder, deliberately simple, for differential tests of the library's reader:
// recursive descent straight from RFC 8259's grammar, one byte at a time, sharing no code with
// the library. It takes the same stands where the RFC leaves a choice: escapes of lone
// surrogates are rejected, as is text that is not UTF-8, and containers nest at most 128 deep.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace didit_test {

struct reference_member;

struct reference_value {
    enum class kind { null, boolean, number, string, array, object } type = kind::null;
    bool boolean = false;
    std::string text; // a number as written, or a string decoded
    std::vector<reference_value> items;
    std::vector<reference_member> members; // in document order
};

struct reference_member {
    std::string key;
    reference_value value;
};

class reference_decoder {
public:
    static constexpr int max_depth = 128;

    // The value `json` holds, or nothing when it is not one JSON text.
    static std::optional<reference_value> decode(std::string_view json) {
        reference_decoder decoder(json);
        reference_value value;
        decoder.space();
        if (!decoder.value(value, 0)) return std::nullopt;
        decoder.space();
        if (decoder.pos_ != json.size()) return std::nullopt;
        return value;
    }

private:
    explicit reference_decoder(std::string_view json)
        : json_(json) {}

    bool at_end() const { return pos_ >= json_.size(); }
    char peek() const { return at_end() ? '\0' : json_[pos_]; }
    bool take(char c) {
        if (at_end() || json_[pos_] != c) return false;
        ++pos_;
        return true;
    }
    void space() {
        while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')
            ++pos_;
    }

    bool value(reference_value& out, int depth) {
        switch (peek()) {
        case '{':
            return object(out, depth + 1);
        case '[':
            return array(out, depth + 1);
        case '"':
            out.type = reference_value::kind::string;
            return string(out.text);
        case 't':
            out.type = reference_value::kind::boolean;
            out.boolean = true;
            return word("true");
        case 'f':
            out.type = reference_value::kind::boolean;
            return word("false");
        case 'n':
            out.type = reference_value::kind::null;
            return word("null");
        default:
            out.type = reference_value::kind::number;
            return number(out.text);
        }
    }

    bool word(std::string_view w) {
        if (json_.substr(pos_, w.size()) != w) return false;
        pos_ += w.size();
        return true;
    }

    bool object(reference_value& out, int depth) {
        if (depth > max_depth) return false;
        out.type = reference_value::kind::object;
        take('{');
        space();
        if (take('}')) return true;
        for (;;) {
            std::string key;
            reference_value member;
            if (peek() != '"' || !string(key)) return false;
            space();
            if (!take(':')) return false;
            space();
            if (!value(member, depth)) return false;
            out.members.push_back({std::move(key), std::move(member)});
            space();
            if (take('}')) return true;
            if (!take(',')) return false;
            space();
        }
    }

    bool array(reference_value& out, int depth) {
        if (depth > max_depth) return false;
        out.type = reference_value::kind::array;
        take('[');
        space();
        if (take(']')) return true;
        for (;;) {
            reference_value item;
            if (!value(item, depth)) return false;
            out.items.push_back(std::move(item));
            space();
            if (take(']')) return true;
            if (!take(',')) return false;
            space();
        }
    }

    bool digits() {
        const auto start = pos_;
        while (peek() >= '0' && peek() <= '9')
            ++pos_;
        return pos_ > start;
    }

    bool number(std::string& out) {
        const auto start = pos_;
        take('-');
        if (!take('0') && !(peek() >= '1' && peek() <= '9' && digits())) return false;
        if (take('.') && !digits()) return false;
        if (take('e') || take('E')) {
            if (!take('+')) take('-');
            if (!digits()) return false;
        }
        out = std::string(json_.substr(start, pos_ - start));
        return true;
    }

    // Four hex digits, or -1.
    long hex4() {
        if (json_.size() - pos_ < 4) return -1;
        long unit = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = json_[pos_++];
            const int digit = c >= '0' && c <= '9'   ? c - '0'
                              : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                     : -1;
            if (digit < 0) return -1;
            unit = unit * 16 + digit;
        }
        return unit;
    }

    static void append_utf8(std::string& out, std::uint32_t code) {
        const auto put = [&](std::uint32_t bits) {
            out += static_cast<char>(static_cast<unsigned char>(bits));
        };
        if (code < 0x80) {
            put(code);
        } else if (code < 0x800) {
            put(0xC0 | (code >> 6));
            put(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            put(0xE0 | (code >> 12));
            put(0x80 | ((code >> 6) & 0x3F));
            put(0x80 | (code & 0x3F));
        } else {
            put(0xF0 | (code >> 18));
            put(0x80 | ((code >> 12) & 0x3F));
            put(0x80 | ((code >> 6) & 0x3F));
            put(0x80 | (code & 0x3F));
        }
    }

    // One UTF-8 sequence, decoded to its code point and checked: the shortest form, no
    // surrogate, nothing above U+10FFFF.
    bool utf8(std::string& out) {
        const auto lead = static_cast<unsigned char>(json_[pos_++]);
        int length = 0;
        std::uint32_t code = 0;
        if (lead >= 0xC0 && lead < 0xE0) {
            length = 2;
            code = lead & 0x1Fu;
        } else if (lead >= 0xE0 && lead < 0xF0) {
            length = 3;
            code = lead & 0x0Fu;
        } else if (lead >= 0xF0 && lead < 0xF8) {
            length = 4;
            code = lead & 0x07u;
        } else {
            return false;
        }
        for (int i = 1; i < length; ++i) {
            const auto next = static_cast<unsigned char>(peek());
            if (at_end() || (next & 0xC0) != 0x80) return false;
            code = code << 6 | (next & 0x3Fu);
            ++pos_;
        }
        const std::uint32_t shortest = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
        if (code < shortest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
        append_utf8(out, code);
        return true;
    }

    bool string(std::string& out) {
        take('"');
        for (;;) {
            if (at_end()) return false;
            const auto c = static_cast<unsigned char>(json_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20) return false;
            if (c >= 0x80) {
                if (!utf8(out)) return false;
                continue;
            }
            ++pos_;
            if (c != '\\') {
                out += static_cast<char>(c);
                continue;
            }
            if (at_end()) return false;
            const char kind = json_[pos_++];
            switch (kind) {
            case '"':
            case '\\':
            case '/':
                out += kind;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                const long unit = hex4();
                if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF)) return false;
                if (unit < 0xD800 || unit > 0xDBFF) {
                    append_utf8(out, static_cast<std::uint32_t>(unit));
                    break;
                }
                if (!take('\\') || !take('u')) return false;
                const long low = hex4();
                if (low < 0xDC00 || low > 0xDFFF) return false;
                append_utf8(out, static_cast<std::uint32_t>(0x10000 + ((unit - 0xD800) << 10) +
                                                            (low - 0xDC00)));
                break;
            }
            default:
                return false;
            }
        }
    }

    std::string_view json_;
    std::size_t pos_ = 0;
};

} // namespace didit_test
