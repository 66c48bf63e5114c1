#pragma once

// A JSON value as an owning tree, for tests: built by generators, written out with random
// (valid) escaping and whitespace, and compared with what the library decodes.

#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <didit/json.hpp>

namespace didit_test {

struct node {
    enum class kind { null, boolean, integer, real, string, array, object } type = kind::null;
    bool boolean = false;
    std::int64_t integer = 0;
    double real = 0;
    std::string text;
    std::vector<node> items;
    std::vector<std::pair<std::string, node>> members;

    static node null() { return {}; }
    static node of(bool b) {
        node n;
        n.type = kind::boolean;
        n.boolean = b;
        return n;
    }
    static node of(std::int64_t i) {
        node n;
        n.type = kind::integer;
        n.integer = i;
        return n;
    }
    static node of(double d) {
        node n;
        n.type = kind::real;
        n.real = d;
        return n;
    }
    static node of(std::string s) {
        node n;
        n.type = kind::string;
        n.text = std::move(s);
        return n;
    }
    static node array(std::vector<node> items = {}) {
        node n;
        n.type = kind::array;
        n.items = std::move(items);
        return n;
    }
    static node object() {
        node n;
        n.type = kind::object;
        return n;
    }
    node& add(std::string key, node value) {
        members.emplace_back(std::move(key), std::move(value));
        return *this;
    }
    const node* find(const std::string& key) const {
        for (const auto& [k, v] : members)
            if (k == key) return &v;
        return nullptr;
    }
};

// Equal values; object members in any order; numbers by value.
inline bool same(const node& a, const node& b) {
    const auto numeric = [](const node& n) {
        return n.type == node::kind::integer || n.type == node::kind::real;
    };
    if (numeric(a) && numeric(b)) {
        if (a.type == node::kind::integer && b.type == node::kind::integer)
            return a.integer == b.integer;
        const auto value = [](const node& n) {
            return n.type == node::kind::integer ? static_cast<double>(n.integer) : n.real;
        };
        return value(a) == value(b);
    }
    if (a.type != b.type) return false;
    switch (a.type) {
    case node::kind::null:
        return true;
    case node::kind::boolean:
        return a.boolean == b.boolean;
    case node::kind::string:
        return a.text == b.text;
    case node::kind::array:
        if (a.items.size() != b.items.size()) return false;
        for (std::size_t i = 0; i < a.items.size(); ++i)
            if (!same(a.items[i], b.items[i])) return false;
        return true;
    case node::kind::object:
        if (a.members.size() != b.members.size()) return false;
        for (const auto& [key, value] : a.members) {
            const node* other = b.find(key);
            if (other == nullptr || !same(value, *other)) return false;
        }
        return true;
    default:
        return false;
    }
}

// The tree of a value the library's reader accepted.
inline node to_node(didit::json::value v) {
    using didit::json::kind;
    switch (v.kind()) {
    case kind::null:
        return node::null();
    case kind::boolean:
        return node::of(v.get_bool().value());
    case kind::string:
        return node::of(v.get_string().value().to_string());
    case kind::number: {
        if (const auto i = v.get_int64()) return node::of(i.value());
        return node::of(v.get_double().value());
    }
    case kind::array: {
        node n = node::array();
        for (const auto item : v.get_array().value())
            n.items.push_back(to_node(item));
        return n;
    }
    case kind::object: {
        node n = node::object();
        for (const auto m : v.get_object().value())
            n.add(m.key.to_string(), to_node(m.value));
        return n;
    }
    }
    return {};
}

inline void append_utf8(std::string& out, std::uint32_t code) {
    const auto byte = [](std::uint32_t bits) {
        return static_cast<char>(static_cast<unsigned char>(bits));
    };
    if (code < 0x80) {
        out += byte(code);
    } else if (code < 0x800) {
        out += byte(0xC0 | (code >> 6));
        out += byte(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += byte(0xE0 | (code >> 12));
        out += byte(0x80 | ((code >> 6) & 0x3F));
        out += byte(0x80 | (code & 0x3F));
    } else {
        out += byte(0xF0 | (code >> 18));
        out += byte(0x80 | ((code >> 12) & 0x3F));
        out += byte(0x80 | ((code >> 6) & 0x3F));
        out += byte(0x80 | (code & 0x3F));
    }
}

// Writes trees as JSON text, choosing among the valid spellings at random: escaped or literal
// characters, \u escapes in either case, whitespace between tokens. Keys are written plainly,
// as the server writes them, since the library matches keys on their raw bytes.
class writer {
public:
    explicit writer(std::mt19937_64& random, bool pretty_random = true)
        : random_(random)
        , vary_(pretty_random) {}

    std::string write(const node& n) {
        std::string out;
        write(out, n);
        return out;
    }

    void write(std::string& out, const node& n) {
        space(out);
        switch (n.type) {
        case node::kind::null:
            out += "null";
            break;
        case node::kind::boolean:
            out += n.boolean ? "true" : "false";
            break;
        case node::kind::integer:
            out += std::to_string(n.integer);
            break;
        case node::kind::real: {
            char digits[32];
            std::snprintf(digits, sizeof digits, "%.17g", n.real);
            out += digits;
            break;
        }
        case node::kind::string:
            string(out, n.text);
            break;
        case node::kind::array:
            out += '[';
            for (std::size_t i = 0; i < n.items.size(); ++i) {
                if (i) out += ',';
                write(out, n.items[i]);
            }
            space(out);
            out += ']';
            break;
        case node::kind::object:
            out += '{';
            for (std::size_t i = 0; i < n.members.size(); ++i) {
                if (i) out += ',';
                space(out);
                out += '"' + n.members[i].first + '"';
                space(out);
                out += ':';
                write(out, n.members[i].second);
            }
            space(out);
            out += '}';
            break;
        }
        space(out);
    }

private:
    bool chance(int percent) { return vary_ && static_cast<int>(random_() % 100) < percent; }

    void space(std::string& out) {
        while (chance(10))
            out += " \n\t\r"[random_() % 4];
    }

    void escape_unit(std::string& out, std::uint32_t unit) {
        char text[16];
        std::snprintf(text, sizeof text, chance(50) ? "\\u%04x" : "\\u%04X",
                      static_cast<unsigned>(unit));
        out += text;
    }

    void string(std::string& out, const std::string& text) {
        out += '"';
        for (std::size_t i = 0; i < text.size();) {
            const auto step = didit::detail::next_utf8(std::string_view(text).substr(i));
            const auto sequence = text.substr(i, step.length);
            i += step.length;
            std::uint32_t code = static_cast<unsigned char>(sequence[0]);
            if (sequence.size() > 1) {
                code &= 0xFFu >> (sequence.size() + 1);
                for (std::size_t k = 1; k < sequence.size(); ++k)
                    code = (code << 6) | (static_cast<unsigned char>(sequence[k]) & 0x3Fu);
            }
            const bool must = code < 0x20 || code == '"' || code == '\\';
            if (!must && !chance(15)) {
                out += sequence;
            } else if (code == '"' || code == '\\' || (code == '/' && chance(50))) {
                out += '\\';
                out += static_cast<char>(code);
            } else if (code == '\n' && chance(50)) {
                out += "\\n";
            } else if (code == '\t' && chance(50)) {
                out += "\\t";
            } else if (code >= 0x10000) {
                escape_unit(out, 0xD800 + ((code - 0x10000) >> 10));
                escape_unit(out, 0xDC00 + ((code - 0x10000) & 0x3FF));
            } else {
                escape_unit(out, code);
            }
        }
        out += '"';
    }

    std::mt19937_64& random_;
    bool vary_;
};

} // namespace didit_test
