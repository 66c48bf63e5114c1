#include <random>
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
