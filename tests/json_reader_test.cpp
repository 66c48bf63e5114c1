// The JSON reader: error locations, nesting limits, strings, numbers, containers, constant
// evaluation, and reads that never leave the caller's buffer.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <didit/detail/json_escaper.hpp>
#include <didit/json.hpp>

#include <catch2/catch.hpp>

#include "exact_buffer.hpp"
#include "json_tree.hpp"

namespace {

using didit::errc;
namespace json = didit::json;

using didit_test::exact_buffer;

didit::error failure_of(std::string_view text) {
    const exact_buffer input(text);
    const auto checked = json::validate(input.view());
    REQUIRE_FALSE(checked.has_value());
    return checked.error();
}

json::value root(std::string_view doc) {
    auto parsed = json::parse(doc);
    REQUIRE(parsed.has_value());
    return *parsed;
}

// A valid UTF-8 encoding of `code`.
std::string utf8(std::uint32_t code) {
    std::string out;
    didit_test::append_utf8(out, code);
    return out;
}

std::string hex_escape(std::uint32_t unit) {
    char text[16];
    std::snprintf(text, sizeof text, "\\u%04X", static_cast<unsigned>(unit));
    return text;
}

} // namespace

TEST_CASE("errors carry offset, line, column and the JSON path", "[json]") {
    const std::string doc = "{\"count\": 2,\n \"results\": [\n  {\"id\": 1},\n"
                            "  {\"features\": [{\"status\": \"ok\"}, {\"status\": tru}]}]}";
    const auto failure = failure_of(doc);
    CHECK(failure.code == errc::syntax_error);
    CHECK(failure.offset == doc.find("tru}"));
    CHECK(failure.line == 4);
    CHECK(failure.column == failure.offset - doc.rfind('\n'));
    CHECK(failure.path.view() == "results[1].features[1].status");
}

TEST_CASE("error locations count characters, not bytes, in columns", "[json]") {
    const auto failure = failure_of("[\"\xC3\xA9\xE2\x82\xAC\", x]");
    CHECK(failure.offset == 10);
    CHECK(failure.line == 1);
    CHECK(failure.column == 8);
    CHECK(failure.path.view() == "[1]");
}

TEST_CASE("paths quote keys that are not identifiers and never cut a part", "[json]") {
    CHECK(failure_of(R"({"a.b": [1, {"c[0]": x}]})").path.view() == R"(["a.b"][1]["c[0]"])");
    CHECK(failure_of(R"({"_a1": {"\u0062": x}})").path.view() == R"(_a1["\u0062"])");
    // Deeper than a path holds: whole parts, then "...".
    const auto deep = failure_of(std::string(100, '[') + "x");
    CHECK(deep.path.view().ends_with("[0]..."));
    CHECK(deep.path.view().size() <= didit::json_path_capacity);
    const std::string long_key(150, 'k');
    const auto cut = failure_of("{\"" + long_key + "\": x}");
    CHECK(cut.path.view() == "...");
    const std::string accented =
        "{\"a\": {\"" + std::string(60, 'b') + "\xC3\xA9" + std::string(60, 'c') + "\": x}}";
    CHECK(failure_of(accented).path.view() == "a...");
}

TEST_CASE("paths compare by what they hold", "[json]") {
    didit::json_path rewritten("abcdef");
    rewritten.clear();
    rewritten.append("x");
    CHECK(rewritten == didit::json_path("x"));
}

TEST_CASE("an error between object members names the object", "[json]") {
    CHECK(failure_of("{\"a\": {\"b\": 1, 2}}").path.view() == "a");
    CHECK(failure_of("{\"a\": 1,}").path.view().empty());
    CHECK(failure_of("[1, 2").code == errc::syntax_error);
}

TEST_CASE("errors on wrongly typed values are located too", "[json]") {
    const std::string doc = "{\"results\": [{\"session_number\": \"7\"}]}";
    const auto number =
        (*root(doc).get_object().value().find("results").value().get_array().value().begin())
            .get_object()
            .value()
            .find("session_number");
    const auto failure = number->get_int64().error();
    CHECK(failure.code == errc::wrong_type);
    CHECK(failure.offset == doc.find("\"7\""));
    CHECK(failure.path.view() == "results[0].session_number");
}

TEST_CASE("nesting deeper than the limit is an error, not a stack overflow", "[json]") {
    const std::string deep(1'000'000, '[');
    const auto failure = failure_of(deep);
    CHECK(failure.code == errc::depth_exceeded);
    CHECK(failure.offset == 128);

    for (std::size_t depth = 0; depth <= 10; ++depth) {
        const std::string doc = std::string(depth, '[') + std::string(depth, ']');
        const exact_buffer input(depth == 0 ? "0" : doc);
        INFO("depth " << depth);
        CHECK(json::validate<json::options{.max_depth = 6}>(input.view()).has_value() ==
              (depth <= 6));
    }
    // The deepest limit there is: one bit a level on the stack.
    constexpr json::options deepest{.max_depth = json::options::max_supported_depth};
    const std::string nested =
        std::string(deepest.max_depth, '[') + std::string(deepest.max_depth, ']');
    CHECK(json::validate<deepest>(nested).has_value());
    CHECK(json::validate<deepest>("[" + nested + "]").code() == errc::depth_exceeded);

    const std::string objects = "{\"a\":{\"a\":{\"a\":{}}}}";
    CHECK(json::validate<json::options{.max_depth = 4}>(objects).has_value());
    CHECK(json::validate<json::options{.max_depth = 3}>(objects).code() == errc::depth_exceeded);
}

TEST_CASE("every proper prefix of a document is rejected without reading past it", "[json]") {
    const std::string doc =
        R"({"a": [1, -2.5e+3, true, false, null, "x\u00e9\ud83d\ude00\n"], "b": {}})";
    REQUIRE(json::validate(doc).has_value());
    for (std::size_t size = 0; size < doc.size(); ++size) {
        const exact_buffer prefix(std::string_view(doc).substr(0, size));
        INFO(prefix.view());
        const auto checked = json::validate(prefix.view());
        CHECK_FALSE(checked.has_value());
        CHECK(checked.error().offset <= size);
    }
}

TEST_CASE("whitespace around the document, and nothing else, is allowed", "[json]") {
    CHECK(json::validate(" \t\r\n[ 1 , 2 ]\n ").has_value());
    CHECK(failure_of("[1] [2]").offset == 4);
    CHECK(failure_of("").code == errc::syntax_error);
    CHECK(failure_of(" ").code == errc::syntax_error);
    CHECK(failure_of(std::string_view("[1]\0", 4)).offset == 3);
    CHECK(failure_of("\xEF\xBB\xBF[]").offset == 0); // a byte order mark is not JSON
    CHECK(failure_of("[1,\f2]").offset == 3);
}

TEST_CASE("strings: raw view, escapes, decoded size, comparison, unescaping", "[json][string]") {
    const std::string doc = R"(["plain", "tab\there \"q\" \\ \/ \u00e9 \u20AC \uD83D\uDE00"])";
    auto items = root(doc).get_array().value().begin();
    const auto plain = (*items).get_string().value();
    CHECK(plain.raw() == "plain");
    CHECK_FALSE(plain.has_escapes());
    CHECK(plain.decoded_size() == 5);
    CHECK(plain == "plain");
    CHECK_FALSE(plain == "plai");

    ++items;
    const auto escaped = (*items).get_string().value();
    const std::string expected = "tab\there \"q\" \\ / \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80";
    CHECK(escaped.has_escapes());
    CHECK(escaped.decoded_size() == expected.size());
    CHECK(escaped.to_string() == expected);
    CHECK(escaped == expected);
    std::string altered = expected;
    altered[3] = ' ';
    CHECK_FALSE(escaped == altered);
    CHECK_FALSE(escaped == expected.substr(1) + "!");

    std::vector<char> exact(expected.size());
    CHECK(escaped.unescape_to(exact).value() == expected.size());
    CHECK(std::string(exact.begin(), exact.end()) == expected);
    std::vector<char> small(expected.size() - 1, '#');
    CHECK(escaped.unescape_to(small).code() == errc::buffer_too_small);
    CHECK(std::string(small.begin(), small.end()) == std::string(small.size(), '#'));
}

TEST_CASE("scans that read eight bytes at once stop at the first stopping byte, wherever it is",
          "[json][string]") {
    // Each stopping byte at every position of the first two words a scan reads, among bytes one
    // above a stopping byte ('#' after '"', ']' after '\\'), which a borrow between bytes of a
    // word marks as false stops, and only after the true one.
    for (const char filler : {'#', ']', 'a'}) {
        for (std::size_t at = 0; at <= 16; ++at) {
            INFO("filler " << filler << ", stopping byte at " << at);
            const std::string before(at, filler), after(9, filler);

            // Validation: a closing quote, an escape, a control character, non-ASCII text.
            const std::string doc = "[\"" + before + "\", \"" + before + "\\\"" + after + "\", \"" +
                                    before + "\xC3\xA9" + after + "\"]";
            const exact_buffer input(doc);
            std::vector<std::string> decoded;
            for (const auto item : root(input.view()).get_array().value())
                decoded.push_back(item.get_string().value().to_string());
            CHECK(decoded == std::vector<std::string>{before, before + "\"" + after,
                                                      before + "\xC3\xA9" + after});
            const auto control = failure_of("[\"" + before + "\x01" + after + "\"]");
            CHECK(control.code == errc::invalid_string);
            CHECK(control.offset == 2 + at);

            // Reading: crossing a container stops at its strings and brackets only.
            const std::string object = "{\"" + before + "\": [\"" + before + "]}\"" +
                                       std::string(at, ' ') + "]" + std::string(at, ' ') + "}";
            const std::string container_doc = "[" + object + ", 7]";
            std::vector<std::string> raw;
            for (const auto item : root(container_doc).get_array().value())
                raw.emplace_back(item.raw());
            CHECK(raw == std::vector<std::string>{object, "7"});
        }
    }
}

TEST_CASE("every control character raw in a string or a key is an error at its byte (RFC 8259 7)",
          "[json][string]") {
    // U+0000 to U+001F must be escaped; U+0020 and U+007F need not be. Each at positions on
    // both sides of the eight-byte words the scans read.
    for (int byte = 0; byte <= 0x7F; ++byte) {
        if (byte > 0x20 && byte < 0x7F) continue;
        for (const std::size_t at : {0u, 1u, 6u, 7u, 8u, 9u, 15u, 16u, 17u}) {
            INFO("byte " << byte << " at " << at);
            const std::string text = std::string(at, 'a') + char(byte) + "z";
            for (const auto& doc : {"[\"" + text + "\"]", "{\"" + text + "\": 1}"}) {
                if (byte == 0x20 || byte == 0x7F) {
                    CHECK(json::validate(exact_buffer(doc).view()).has_value());
                    CHECK(json::parse(doc).has_value());
                    continue;
                }
                const auto failure = failure_of(doc);
                CHECK(failure.code == errc::invalid_string);
                CHECK(failure.offset == 2 + at);
                CHECK(json::parse(doc).code() == errc::invalid_string);
            }
        }
    }
}

TEST_CASE("invalid strings are errors at the offending byte", "[json][string]") {
    struct bad {
        std::string doc;
        std::size_t offset;
        errc code;
    };
    const bad cases[] = {
        {"[\"a\\x\"]", 3, errc::invalid_string},
        {"[\"\\u12G4\"]", 2, errc::invalid_string},
        {"[\"\\uDC00\"]", 2, errc::invalid_string},
        {"[\"\\uD800\"]", 2, errc::invalid_string},
        {"[\"\\uD800\\u0041\"]", 2, errc::invalid_string},
        {"[\"ab\\uD800\\", 4, errc::invalid_string},
        {"[\"a\tb\"]", 3, errc::invalid_string},
        {"[\"\xC3\"]", 2, errc::invalid_string},
        {"[\"\xED\xA0\x80\"]", 2, errc::invalid_string}, // an encoded surrogate
        {"[\"\xC0\xAF\"]", 2, errc::invalid_string},     // an overlong encoding
        {"[\"\xF4\x90\x80\x80\"]", 2, errc::invalid_string},
        {"[\"abc", 5, errc::syntax_error},
        {"[\"abc\\", 6, errc::syntax_error},
        {"[\"abcdefghijklmnop", 18, errc::syntax_error},
    };
    for (const auto& c : cases) {
        INFO(c.doc);
        const auto failure = failure_of(c.doc);
        CHECK(failure.code == c.code);
        CHECK(failure.offset == c.offset);
    }
}

TEST_CASE("property: any text, escaped any way, decodes to itself", "[json][string][property]") {
    std::mt19937 random(20261126);
    for (int round = 0; round < 2000; ++round) {
        std::string text, encoded = "\"";
        const int length = std::uniform_int_distribution<int>(0, 40)(random);
        for (int i = 0; i < length; ++i) {
            // Each UTF-8 length equally often.
            constexpr std::uint32_t starts[] = {0, 0x80, 0x800, 0x10000, 0x110000};
            const auto length_class = random() % 4;
            auto code = std::uniform_int_distribution<std::uint32_t>(
                starts[length_class], starts[length_class + 1] - 1)(random);
            if (code >= 0xD800 && code <= 0xDFFF) code -= 0x1000;
            text += utf8(code);
            const bool must_escape = code < 0x20 || code == '"' || code == '\\';
            if (!must_escape && random() % 2 == 0) {
                encoded += utf8(code);
            } else if (code >= 0x10000) {
                encoded += hex_escape(0xD800 + ((code - 0x10000) >> 10));
                encoded += hex_escape(0xDC00 + ((code - 0x10000) & 0x3FF));
            } else if (code == '\n' && random() % 2 == 0) {
                encoded += "\\n";
            } else if (code == '"' && random() % 2 == 0) {
                encoded += "\\\"";
            } else {
                encoded += hex_escape(code);
            }
        }
        encoded += '"';
        const exact_buffer input(encoded);
        const auto value = json::parse(input.view());
        REQUIRE(value.has_value());
        const auto decoded = value->get_string().value();
        INFO(encoded);
        CHECK(decoded.decoded_size() == text.size());
        CHECK(decoded.to_string() == text);
        CHECK(decoded == text);
    }
}

TEST_CASE("64-bit integers are exact, and overflow is an error", "[json][number]") {
    const auto int64_of = [](std::string_view doc) { return root(doc).get_int64(); };
    CHECK(int64_of("9223372036854775807").value() == std::numeric_limits<std::int64_t>::max());
    CHECK(int64_of("-9223372036854775808").value() == std::numeric_limits<std::int64_t>::min());
    CHECK(int64_of("-0").value() == 0);
    CHECK(int64_of("9223372036854775808").code() == errc::out_of_range);
    CHECK(int64_of("-9223372036854775809").code() == errc::out_of_range);
    CHECK(int64_of("18446744073709551616").code() == errc::out_of_range);
    CHECK(int64_of("100000000000000000000000").code() == errc::out_of_range);
    CHECK(int64_of("1.0").code() == errc::wrong_type);
    CHECK(int64_of("1e2").code() == errc::wrong_type);
    // A fraction is not an integer, however long the part before it (found by fuzzing).
    CHECK(int64_of("-66666666666666666666.1").code() == errc::wrong_type);
    CHECK(int64_of("99999999999999999999e1").code() == errc::wrong_type);
    CHECK(int64_of("\"1\"").code() == errc::wrong_type);

    std::mt19937_64 random(7);
    for (int round = 0; round < 10000; ++round) {
        const auto n = static_cast<std::int64_t>(random() >> (random() % 64));
        const auto number = round % 2 ? n : -n;
        char text[24];
        const auto end = std::to_chars(text, text + sizeof text, number).ptr;
        const exact_buffer input(std::string_view(text, static_cast<std::size_t>(end - text)));
        CHECK(json::parse(input.view()).value().get_int64().value() == number);
    }
}

TEST_CASE("doubles are correctly rounded", "[json][number]") {
    const auto double_of = [](std::string_view doc) { return root(doc).get_double(); };
    CHECK(double_of("0.1").value() == 0.1);
    CHECK(double_of("-2.5e-3").value() == -2.5e-3);
    CHECK(double_of("1E400").code() == errc::out_of_range);
    CHECK(double_of("-1e400").code() == errc::out_of_range);
    CHECK(double_of("true").code() == errc::wrong_type);
    CHECK(double_of("12").value() == 12.0);
    CHECK(double_of("4.9e-324").value() == std::numeric_limits<double>::denorm_min());
    CHECK(double_of("1e-400").code() == errc::out_of_range); // underflow is not silently zero
    // Halfway cases that naive conversion rounds wrongly.
    CHECK(double_of("9007199254740993").value() == 9007199254740992.0);
    CHECK(double_of("2.2250738585072011e-308").value() ==
          std::strtod("2.2250738585072011e-308", nullptr));

    std::mt19937_64 random(11);
    for (int round = 0; round < 10000; ++round) {
        double number;
        const auto bits = random();
        std::memcpy(&number, &bits, sizeof number);
        if (!std::isfinite(number)) continue;
        char text[40];
        const auto end = std::to_chars(text, text + sizeof text, number).ptr;
        const std::string doc(text, end);
        INFO(doc);
        const auto read = double_of(doc);
        REQUIRE(read.has_value());
        CHECK(std::memcmp(&*read, &number, sizeof number) == 0);

        // The same digits with a longer mantissa and a shifted exponent round as strtod does.
        const std::string longer = std::to_string(random() % 1000000) + "." +
                                   std::to_string(random()) + "e" +
                                   std::to_string(int(random() % 600) - 300);
        CHECK(double_of(longer).value() == std::strtod(longer.c_str(), nullptr));
    }
}

TEST_CASE("objects and arrays iterate in order and skip nested values", "[json]") {
    const std::string doc = R"({"a": [1, [2, {"x": "]}"}], 3], "b\"": {"c": null}, "d": 4})";
    const auto top = root(doc).get_object().value();
    std::vector<std::string> keys;
    for (const auto member : top)
        keys.push_back(member.key.to_string());
    CHECK(keys == std::vector<std::string>{"a", "b\"", "d"});
    CHECK(top.find("d").value().get_int64().value() == 4);
    CHECK(top.find("b\\\"").value().get_object().value().find("c").value().is_null());
    CHECK(top.find("b\"").code() == errc::missing_field); // keys match on raw bytes
    CHECK(top.find("a").value().raw() == R"([1, [2, {"x": "]}"}], 3])");
    const auto missing = top.find("e");
    CHECK(missing.code() == errc::missing_field);
    CHECK(missing.error().subject == "e");

    std::vector<std::string> items;
    for (const auto item : top.find("a").value().get_array().value())
        items.emplace_back(item.raw());
    CHECK(items == std::vector<std::string>{"1", R"([2, {"x": "]}"}])", "3"});
    CHECK(root("[]").get_array().value().empty());
    CHECK(root("{ }").get_object().value().empty());
    CHECK(root("[]").get_object().code() == errc::wrong_type);
    CHECK(root("{}").get_array().code() == errc::wrong_type);
    CHECK(root("null").get_bool().code() == errc::wrong_type);
    CHECK(root(" true ").get_bool().value());
}

namespace {

// A random value of nested arrays and objects whose strings hold brackets, quotes and escapes,
// with random whitespace: what a search for the end of a container could trip on.
std::string random_nesting(std::mt19937_64& random, int depth) {
    const auto space = [&] {
        return std::string(static_cast<std::size_t>(random() % 3), " \n\t"[random() % 3]);
    };
    static constexpr const char* strings[] = {R"("]")",  R"("}")",  R"("\"]")",
                                              R"("[{")", R"("\\")", R"("")"};
    const auto choice = depth == 0 ? random() % 3 : random() % 5;
    if (choice == 0) return strings[random() % std::size(strings)];
    if (choice == 1) return "-12.5e3";
    if (choice == 2) return "null";
    const bool object = choice == 4;
    std::string out(1, object ? '{' : '[');
    const auto count = random() % 4;
    for (std::uint64_t i = 0; i < count; ++i) {
        out += (i ? "," : "") + space();
        if (object) out += strings[random() % std::size(strings)] + space() + ":" + space();
        out += random_nesting(random, depth - 1) + space();
    }
    return out + (object ? '}' : ']');
}

} // namespace

TEST_CASE("validation tells where each container directly inside the root ends",
          "[json][property]") {
    std::mt19937_64 random(8);
    for (int round = 0; round < 500; ++round) {
        const auto doc = " " + random_nesting(random, 4) + "\n";
        CAPTURE(doc);
        std::vector<std::pair<std::size_t, std::size_t>> told, expected;
        const auto checked = json::validate(
            doc, [&](std::size_t open, std::size_t end) { told.emplace_back(open, end); });
        REQUIRE(checked.has_value());
        const auto top = root(doc);
        const auto expect = [&](json::value child) {
            if (child.kind() == json::kind::array || child.kind() == json::kind::object)
                expected.emplace_back(child.offset(), child.offset() + child.raw().size());
        };
        if (top.kind() == json::kind::object)
            for (const auto member : top.get_object().value())
                expect(member.value);
        if (top.kind() == json::kind::array)
            for (const auto item : top.get_array().value())
                expect(item);
        CHECK(told == expected);
    }
}

namespace {

// A small page read entirely in constant evaluation.
constexpr std::int64_t count_and_first_number(std::string_view doc) {
    const auto page = json::parse(doc).value().get_object().value();
    const auto first = *page.find("results").value().get_array().value().begin();
    const auto number = first.get_object().value().find("session_number").value();
    return page.find("count").value().get_int64().value() * 1000 + number.get_int64().value();
}

constexpr std::string_view constant_page =
    R"({"count": 2, "next": null, "previous": null,
        "results": [{"session_number": 42, "status": "Approved"}, {"session_number": 41}]})";

} // namespace

TEST_CASE("the reader works in constant evaluation", "[json]") {
    static_assert(count_and_first_number(constant_page) == 2042);
    static_assert(json::parse("[1, \"\\u00e9\"]").value().get_array().value().begin() !=
                  std::default_sentinel);
    static_assert(json::parse("[1,]").code() == errc::syntax_error);
    static_assert(json::parse("1.5").value().get_double().value() == 1.5);
    static_assert((*json::parse("\"\\u20ac\"")).get_string().value() == "\xE2\x82\xAC");
    SUCCEED("checked at compile time");
}

TEST_CASE("escaped text reads back as itself, and invalid UTF-8 becomes U+FFFD", "[json][escape]") {
    struct collected {
        std::string text;
        void append(std::string_view more) { text.append(more); }
    };
    const auto escape = [](std::string_view text) {
        collected out;
        didit::detail::json_escaper<collected> escaper(out);
        escaper.append(text);
        return out.text;
    };
    CHECK(escape("plain \xC3\xA9 \xF0\x9F\x98\x80") == "plain \xC3\xA9 \xF0\x9F\x98\x80");
    CHECK(escape("q\"b\\n\nt\tc\x01\x1f\x7f") == "q\\\"b\\\\n\\nt\\tc\\u0001\\u001f\x7f");
    CHECK(escape("\xE2\x80\xA8\xE2\x80\xA9") == "\\u2028\\u2029");
    CHECK(escape("a\xFF"
                 "b\xC3") == "a\xEF\xBF\xBD"
                             "b\xEF\xBF\xBD");

    std::mt19937 random(5);
    for (int round = 0; round < 2000; ++round) {
        std::string text;
        const auto length = random() % 30;
        for (std::size_t i = 0; i < length; ++i) {
            // Code points of every length, most of them ASCII, surrogates left out.
            auto code = random() % 4 == 0 ? static_cast<std::uint32_t>(random() % 0x110000)
                                          : static_cast<std::uint32_t>(random() % 0x80);
            if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD;
            text += utf8(code);
        }
        std::string quoted = "\"";
        quoted += escape(text);
        quoted += '"';
        INFO(quoted);
        const auto value = json::parse(quoted);
        REQUIRE(value.has_value());
        CHECK(value->get_string().value().to_string() == text);
    }
}
