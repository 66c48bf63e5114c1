#include <array>
#include <cstdio>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <didit/query/form.hpp>

#include <catch2/catch.hpp>

#include "fixture.hpp"

namespace {
struct string_sink {
    std::string text;
    void append(std::string_view more) { text.append(more); }
};

std::string form_encode(std::string_view value) {
    string_sink out;
    didit::form_encoder<string_sink> encoder(out);
    encoder.append(value);
    return out.text;
}

std::string form_decode(std::string_view encoded) {
    std::string out(encoded.size(), '\0');
    out.resize(didit::form_decode(encoded, out).value());
    return out;
}
} // namespace

TEST_CASE("values are form-encoded exactly as Python's urlencode encodes them", "[form][oracle]") {
    const auto cases = didit_test::load_fixture("urlencode.tsv");
    REQUIRE(cases.size() >= 300);
    for (const auto& c : cases) {
        INFO("input: [" << c.input << "]");
        CHECK(form_encode(c.input) == c.expected);
        CHECK(form_decode(c.expected) == c.input);
    }
}

TEST_CASE("every byte encodes and decodes by the rule of application/x-www-form-urlencoded",
          "[form][property]") {
    // Python's quote_plus: letters, digits and "_.-~" stay, a space becomes '+', every other
    // byte %XX in upper case; decoding takes either case.
    for (int byte = 0; byte < 256; ++byte) {
        const char c = static_cast<char>(byte);
        const bool stays = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                           (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-' || c == '~';
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", static_cast<unsigned>(byte));
        const std::string expected = stays ? std::string(1, c) : c == ' ' ? "+" : escaped;
        INFO("byte " << byte);
        CHECK(form_encode(std::string(1, c) + "x") == expected + "x");
        CHECK(form_decode(escaped) == std::string(1, c));
        char lower[4];
        std::snprintf(lower, sizeof lower, "%%%02x", static_cast<unsigned>(byte));
        CHECK(form_decode(std::string("a") + lower + "b") == "a" + std::string(1, c) + "b");
        if (stays) CHECK(form_decode(std::string(1, c)) == std::string(1, c));
    }
}

TEST_CASE("any byte string survives encoding and decoding", "[form][property]") {
    std::mt19937 random(7);
    for (int i = 0; i < 5000; ++i) {
        std::string value(random() % 40, '\0');
        for (auto& c : value)
            c = static_cast<char>(random() % 256);
        REQUIRE(form_decode(form_encode(value)) == value);
    }
}

TEST_CASE("decoding keeps a '%' that starts no escape, as the server does", "[form]") {
    CHECK(form_decode("100%") == "100%");
    CHECK(form_decode("%zz%4") == "%zz%4");
    CHECK(form_decode("a+b%2Bc%2b") == "a b+c+");
    CHECK(form_decode("%E2%82%AC") == "\xE2\x82\xAC");
}

TEST_CASE("decoding fills a buffer of the decoded size and never writes past a smaller one",
          "[form]") {
    const std::string_view encoded = "a%20b+%E2%82%AC";
    const std::string_view decoded = "a b \xE2\x82\xAC";
    std::array<char, 16> buffer{};
    buffer.fill('#');
    const std::span<char> exact(buffer.data(), decoded.size());
    REQUIRE(didit::form_decode(encoded, exact).value() == decoded.size());
    CHECK(std::string_view(buffer.data(), decoded.size()) == decoded);
    CHECK(buffer[decoded.size()] == '#');

    for (std::size_t size = 0; size < decoded.size(); ++size) {
        INFO("room for " << size << " bytes");
        buffer.fill('#');
        const auto failed = didit::form_decode(encoded, std::span<char>(buffer.data(), size));
        CHECK(failed.code() == didit::errc::buffer_too_small);
        CHECK(std::string_view(buffer.data() + size, buffer.size() - size) ==
              std::string(buffer.size() - size, '#'));
    }
}

TEST_CASE("a query string splits into decoded parameters like parse_qsl", "[form]") {
    const std::string_view encoded = "status=Approved%2CIn+Review&&flag&=x&limit=5&status=";
    std::vector<char> scratch(encoded.size());
    std::array<didit::raw_parameter, 8> pairs{};
    const auto count = didit::parse_form(encoded, scratch, pairs);
    REQUIRE(count.value() == 5);
    CHECK(pairs[0].name == "status");
    CHECK(pairs[0].value == "Approved,In Review");
    CHECK(pairs[1].name == "flag"); // no '=': a blank value
    CHECK(pairs[1].value.empty());
    CHECK(pairs[2].name.empty());
    CHECK(pairs[2].value == "x");
    CHECK(pairs[3].value == "5");
    CHECK(pairs[4].name == "status");
    CHECK(pairs[4].value.empty());
}

TEST_CASE("splitting reports full buffers instead of overrunning them", "[form]") {
    std::array<char, 4> small_scratch{};
    std::array<didit::raw_parameter, 1> one{};
    CHECK(didit::parse_form("a=1&b=2", small_scratch, one).code() == didit::errc::buffer_too_small);
    std::array<char, 16> scratch{};
    CHECK(didit::parse_form("a=1&b=2", scratch, one).code() == didit::errc::capacity_exceeded);
}
