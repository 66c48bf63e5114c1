#include <random>
#include <regex>
#include <string>

#include <didit/query.hpp>
#include <didit/uuid.hpp>

#include <catch2/catch.hpp>

#include "fixture.hpp"

using didit::uuid;

TEST_CASE("UUIDs are read exactly as Django's UUIDField reads them", "[uuid][oracle]") {
    const auto cases = didit_test::load_fixture("uuids.tsv");
    REQUIRE(cases.size() > 1000);
    for (const auto& c : cases) {
        INFO("input: [" << c.input << "]");
        const didit::raw_parameter raw[] = {{"didit_internal_id", c.input}, {"euuid", c.input}};
        const auto parsed = didit::parse_query(raw).value();
        if (c.expected == "none") {
            CHECK(parsed.findings.contains(didit::finding::empty_value, "didit_internal_id"));
            CHECK(parsed.findings.contains(didit::finding::empty_value, "euuid"));
            CHECK(parsed.value == didit::query{});
        } else if (c.expected == "invalid") {
            CHECK(
                didit::error_body(parsed.findings) ==
                R"({"didit_internal_id":["Enter a valid UUID."],"euuid":["Enter a valid UUID."]})");
        } else {
            CHECK(parsed.findings.empty());
            REQUIRE(parsed.value.didit_internal_id);
            REQUIRE(parsed.value.euuid);
            CHECK(didit_test::text_of(*parsed.value.didit_internal_id) == c.expected);
            CHECK(didit_test::text_of(*parsed.value.euuid) == c.expected);
        }
    }
}

TEST_CASE("UUID literals are checked at compile time", "[uuid]") {
    constexpr uuid id{"9F9B1234-aaaa-bbbb-cccc-1234567890ab"};
    static_assert(id.bytes()[0] == 0x9F && id.bytes()[15] == 0xAB);
    static_assert(uuid{"00000000-0000-0000-0000-000000000001"} <
                  uuid{"00000000-0000-0000-0000-000000000002"});
    CHECK(didit_test::text_of(id) == "9f9b1234-aaaa-bbbb-cccc-1234567890ab");
}

TEST_CASE("random UUIDs round-trip through every spelling the server accepts", "[uuid][property]") {
    std::mt19937_64 random(20261126);
    for (int i = 0; i < 2000; ++i) {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(random());
        const auto id = uuid::from_bytes(bytes);
        const auto text = didit_test::text_of(id);
        std::string upper = text, bare;
        for (auto& c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (char c : text)
            if (c != '-') bare += c;
        for (const auto& spelling : {text, upper, bare, "{" + text + "}", "urn:uuid:" + text}) {
            INFO(spelling);
            REQUIRE(uuid::parse(spelling).value() == id);
        }
        REQUIRE(uuid::parse_canonical(upper).value() == id);
        CHECK_FALSE(uuid::parse_canonical(bare).has_value());
    }
}

TEST_CASE("the canonical form is 8-4-4-4-12 hex digits: every single-byte change is checked "
          "against that pattern",
          "[uuid][property]") {
    // The pattern alone, written from RFC 9562's grammar, decides.
    const std::regex canonical("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                               "[0-9a-fA-F]{12}");
    const std::string base = "0123abcd-4567-89ef-ABCD-0123456789aF";
    std::size_t refused = 0;
    for (std::size_t at = 0; at < base.size(); ++at) {
        for (int byte = 0; byte < 256; ++byte) { // every byte value in every place
            std::string text = base;
            text[at] = static_cast<char>(byte);
            INFO(text);
            const bool valid = std::regex_match(text, canonical);
            CHECK(uuid::parse_canonical(text).has_value() == valid);
            refused += !valid;
        }
    }
    // Every hyphen moved one place either way, and one too many or too few digits.
    for (const std::size_t hyphen : {8u, 13u, 18u, 23u}) {
        for (const std::size_t to : {hyphen - 1, hyphen + 1}) {
            std::string text = base;
            std::swap(text[hyphen], text[to]);
            INFO(text);
            CHECK_FALSE(uuid::parse_canonical(text).has_value());
        }
        CHECK_FALSE(uuid::parse_canonical(std::string(base).insert(hyphen, "a")).has_value());
        CHECK_FALSE(uuid::parse_canonical(std::string(base).erase(hyphen - 1, 1)).has_value());
    }
    CHECK(refused > base.size() * 2); // the pattern does refuse most changes
    CHECK(uuid::parse_canonical(base).has_value());
}
