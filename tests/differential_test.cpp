// The reader against a second, deliberately simple decoder (reference_json.hpp): they must
// accept and reject the same inputs and read the same values, on generated pages and on those
// pages broken in every small way a byte can break them.

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "differential.hpp"
#include "page_generator.hpp"

namespace {

// `text` at the very end of an allocation of its exact size, so that AddressSanitizer catches
// any read past it.
std::string disagreement_in_exact_buffer(const std::string& text) {
    const auto exact = std::make_unique<char[]>(text.size());
    std::memcpy(exact.get(), text.data(), text.size());
    return didit_test::json_disagreement(std::string_view(exact.get(), text.size()));
}

// `text` with one small change: cut short, a byte replaced, inserted or removed.
std::string mutated(std::string text, std::mt19937_64& random) {
    static const std::string interesting =
        "{}[]\",:\\u0123456789eE.+-tfn \n\x01\x7f\xc3\xa9\xed\xa0\x80\xf4\x90";
    const auto at = text.empty() ? 0 : static_cast<std::size_t>(random() % text.size());
    const char byte = random() % 2
                          ? interesting[static_cast<std::size_t>(random() % interesting.size())]
                          : static_cast<char>(random() % 256);
    switch (random() % 4) {
    case 0:
        return text.substr(0, at);
    case 1:
        if (!text.empty()) text[at] = byte;
        return text;
    case 2:
        return text.insert(at, 1, byte);
    default:
        return text.empty() ? text : text.erase(at, 1);
    }
}

} // namespace

TEST_CASE("the reference decoder reads what it should", "[json][differential]") {
    const auto page = didit_test::reference_decoder::decode(
        R"( {"a": [1, -2.5e3, "\u00e9\ud83d\ude00", true, null], "b": {}} )");
    REQUIRE(page.has_value());
    REQUIRE(page->members.size() == 2);
    const auto& a = page->members[0].value.items;
    REQUIRE(a.size() == 5);
    CHECK(a[1].text == "-2.5e3");
    CHECK(a[2].text == "\xc3\xa9\xf0\x9f\x98\x80");
    for (const auto* bad : {"", "[1,]", "01", "\"\\ud800\"", "\"\xed\xa0\x80\"", "\"\xc0\xaf\"",
                            "[1] x", "{\"a\" 1}", "\"\x1f\""})
        CHECK_FALSE(didit_test::reference_decoder::decode(bad).has_value());
    CHECK(didit_test::reference_decoder::decode(std::string(128, '[') + std::string(128, ']')));
    CHECK_FALSE(
        didit_test::reference_decoder::decode(std::string(129, '[') + std::string(129, ']')));
}

TEST_CASE("property: the reader agrees with the reference decoder on pages and broken pages",
          "[json][differential][property]") {
    didit_test::page_generator generate(20261127);
    int rejected = 0, accepted = 0;
    for (int round = 0; round < 60; ++round) {
        std::vector<didit_test::generated_row> rows;
        for (std::size_t i = 0, n = generate.random()() % 4; i < n; ++i)
            rows.push_back(generate.row());
        didit_test::writer writer(generate.random());
        const auto body = writer.write(generate.page(rows, 7));
        CAPTURE(round);
        CHECK(disagreement_in_exact_buffer(body).empty());
        for (int change = 0; change < 50; ++change) {
            auto broken = mutated(body, generate.random());
            for (int more = 0, extra = static_cast<int>(generate.random()() % 3); more < extra;
                 ++more)
                broken = mutated(broken, generate.random());
            INFO(broken);
            CHECK(disagreement_in_exact_buffer(broken).empty());
            (didit_test::reference_decoder::decode(broken) ? accepted : rejected) += 1;
        }
    }
    // The changes must test both verdicts, not only one.
    CHECK(accepted > 100);
    CHECK(rejected > 100);
}
