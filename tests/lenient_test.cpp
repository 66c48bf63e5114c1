// List items: recognised values and the text the server lets through, never both for one value.

#include <random>
#include <string>

#include <didit/enums.hpp>
#include <didit/lenient.hpp>
#include <didit/uuid.hpp>

#include <catch2/catch.hpp>

#include "fixture.hpp"

using didit::lenient;

static_assert(lenient<didit::status>::from_text("Approved") == lenient{didit::status::approved});
static_assert(!lenient<didit::status>::from_text("APPROVED").recognised());

TEMPLATE_TEST_CASE("text that names a value is the value, not unrecognised text", "[lenient]",
                   didit::status, didit::document_type, didit::session_type) {
    for (std::size_t i = 0; i < didit::enum_count<TestType>; ++i) {
        const auto value = static_cast<TestType>(i);
        const auto item = lenient<TestType>::from_text(didit::to_string(value));
        INFO(didit::to_string(value));
        REQUIRE(item.recognised());
        CHECK(item.value() == value);
        CHECK(item == lenient{value});
    }
}

TEST_CASE("text the server does not recognise is kept as given", "[lenient]") {
    for (const char* text : {"APPROVED", " Approved", "Approved ", "in review", "", "Approved,"}) {
        INFO("[" << text << "]");
        const auto item = lenient<didit::status>::from_text(text);
        REQUIRE_FALSE(item.recognised());
        CHECK(item.text() == text);
    }
    CHECK(lenient<didit::status>::from_text("") == lenient<didit::status>{});
    CHECK(lenient<didit::document_type>::from_text("Passport").text() == "Passport");
    CHECK(lenient<didit::session_type>::from_text("api").text() == "api");
}

TEST_CASE("workflow ids are recognised by the server's UUID rules, without stripping",
          "[lenient][uuid]") {
    std::mt19937_64 random(4122);
    for (int i = 0; i < 200; ++i) {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(random());
        const auto id = didit::uuid::from_bytes(bytes);
        const auto text = didit_test::text_of(id);
        for (const auto& spelling : {text, "{" + text + "}", "urn:uuid:" + text}) {
            INFO(spelling);
            CHECK(lenient<didit::uuid>::from_text(spelling) == lenient{id});
        }
        const std::string padded = " " + text;
        CHECK(lenient<didit::uuid>::from_text(padded).text() == padded);
    }
    CHECK(lenient<didit::uuid>::from_text("wf_kyb_standard").text() == "wf_kyb_standard");
}
