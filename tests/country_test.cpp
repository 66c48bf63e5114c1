// ISO 3166-1 country codes: every code of the table read back both ways, every other two- and
// three-letter string refused, and the table compared with Debian's iso-codes list where the
// build found it.

#include <cstddef>
#include <functional>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <didit/country.hpp>

#include <catch2/catch.hpp>

#ifdef DIDIT_ISO_CODES_JSON
#include <fstream>
#include <iterator>

#include <didit/json.hpp>
#endif

namespace {

using didit::country_code;
using code_pairs = std::set<std::pair<std::string, std::string>>; // (alpha-2, alpha-3)

// Every country of the table, in index order.
std::vector<country_code> all_countries() {
    std::vector<country_code> all;
    for (std::size_t i = 0; i < country_code::count; ++i)
        all.push_back(country_code::from_index(i).value());
    return all;
}

code_pairs pairs_of_table() {
    code_pairs pairs;
    for (const auto country : all_countries())
        pairs.emplace(country.alpha2(), country.alpha3());
    return pairs;
}

// Every alpha-2 and alpha-3 code of the table.
std::set<std::string, std::less<>> codes_of_table() {
    std::set<std::string, std::less<>> codes;
    for (const auto country : all_countries()) {
        codes.emplace(country.alpha2());
        codes.emplace(country.alpha3());
    }
    return codes;
}

bool is_upper_case_code(std::string_view text, std::size_t size) {
    if (text.size() != size) return false;
    for (const char c : text)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

std::string lower_case(std::string_view text) {
    std::string lower(text);
    for (auto& c : lower)
        c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

} // namespace

TEST_CASE("country codes: each is read back from its alpha-2 and from its alpha-3 code",
          "[country][property]") {
    const auto all = all_countries();
    REQUIRE(all.size() == 249);
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto country = all[i];
        INFO(country.alpha2() << " " << country.alpha3());
        CHECK(country.index() == i);
        REQUIRE(is_upper_case_code(country.alpha2(), 2));
        REQUIRE(is_upper_case_code(country.alpha3(), 3));
        const auto by_alpha2 = country_code::from_code(country.alpha2());
        REQUIRE(by_alpha2 == country);
        const auto by_alpha3 = country_code::from_code(by_alpha2->alpha3());
        REQUIRE(by_alpha3 == country);
        CHECK(by_alpha3->alpha2() == country.alpha2());
    }
    CHECK_FALSE(country_code::from_index(country_code::count));
}

TEST_CASE("country codes: the alpha-2 and alpha-3 tables hold the same pairs, each sorted",
          "[country][property]") {
    // The tables as the header lays them out: records of the key (the alpha-2 code in one, the
    // alpha-3 code in the other), a NUL, the other code and a NUL.
    const auto pairs_of = [](const auto& table, std::size_t key_size) {
        const std::string_view text(table, sizeof table - 1);
        REQUIRE(text.size() == 249 * 7);
        code_pairs pairs;
        for (std::size_t at = 0; at < text.size(); at += 7) {
            const auto record = text.substr(at, 7);
            INFO("[" << record << "]");
            REQUIRE(record[key_size] == '\0');
            REQUIRE(record[6] == '\0');
            if (at > 0) CHECK(text.substr(at - 7, key_size) < record.substr(0, key_size));
            const auto key = record.substr(0, key_size);
            const auto other = record.substr(key_size + 1, 5 - key_size);
            if (key_size == 2)
                pairs.emplace(key, other);
            else
                pairs.emplace(other, key);
        }
        return pairs;
    };
    const auto by_alpha2 = pairs_of(didit::detail::countries_by_alpha2, 2);
    const auto by_alpha3 = pairs_of(didit::detail::countries_by_alpha3, 3);
    CHECK(by_alpha2.size() == 249);
    CHECK(by_alpha2 == by_alpha3);
    CHECK(by_alpha2 == pairs_of_table());
    // Each code is in one pair only: the keys of each table are distinct by their order above.
    CHECK(codes_of_table().size() == 2 * 249);
}

TEST_CASE("country codes: of all strings of two or three upper-case letters, exactly the "
          "table's codes are read",
          "[country][property]") {
    const auto codes = codes_of_table();
    std::size_t found = 0;
    const auto check = [&](const std::string& code) {
        const auto country = country_code::from_code(code);
        INFO(code);
        REQUIRE(country.has_value() == codes.contains(code));
        if (!country) return;
        CHECK((country->alpha2() == code || country->alpha3() == code));
        ++found;
    };
    for (char a = 'A'; a <= 'Z'; ++a) {
        for (char b = 'A'; b <= 'Z'; ++b) {
            check({a, b});
            for (char c = 'A'; c <= 'Z'; ++c)
                check({a, b, c});
        }
    }
    CHECK(found == 2 * 249);
}

TEST_CASE("country codes: lower case and other lengths or characters are refused",
          "[country][property]") {
    for (const auto country : all_countries()) {
        for (const auto code : {country.alpha2(), country.alpha3()}) {
            INFO(code);
            CHECK_FALSE(country_code::from_code(lower_case(code)));
            std::string mixed(code);
            mixed[1] = lower_case(code)[1];
            CHECK_FALSE(country_code::from_code(mixed));
            CHECK_FALSE(country_code::from_code(std::string(code) + " "));
            CHECK_FALSE(country_code::from_code(" " + std::string(code)));
            CHECK_FALSE(country_code::from_code(code.substr(0, 1)));
        }
        // Four letters that start with an alpha-3 code, and two alpha-2 codes run together.
        CHECK_FALSE(country_code::from_code(std::string(country.alpha3()) + "A"));
        CHECK_FALSE(country_code::from_code(std::string(country.alpha2()) + "ES"));
    }
    // Kosovo's XK is user-assigned, not official; EU and UK are reserved, not assigned.
    const std::string_view refused[] = {"",     "E",   "XK", "XKX", "EU",       "UK",
                                        "ESPA", "724", "72", "E S", {"ES\0", 3}};
    for (const auto code : refused)
        CHECK_FALSE(country_code::from_code(code));

    // Random strings of up to five characters, letters or any byte: only the table's codes pass.
    const auto codes = codes_of_table();
    std::mt19937 random(3166);
    for (int i = 0; i < 20000; ++i) {
        std::string text(random() % 6, ' ');
        for (auto& c : text)
            c = static_cast<char>(i % 2 == 0 ? 'A' + random() % 26 : random() % 256);
        const auto country = country_code::from_code(text);
        INFO(text);
        REQUIRE(country.has_value() == codes.contains(text));
        if (country) CHECK((country->alpha2() == text || country->alpha3() == text));
    }
}

TEST_CASE("country codes are read at compile time", "[country]") {
    STATIC_REQUIRE(country_code::from_code("GB")->alpha3() == "GBR");
    STATIC_REQUIRE(country_code::from_code("ESP")->alpha2() == "ES");
    STATIC_REQUIRE(country_code::from_code("ES") == country_code::from_code("ESP"));
    STATIC_REQUIRE(!country_code::from_code("gb"));
    STATIC_REQUIRE(!country_code::from_code("XK"));
    STATIC_REQUIRE(!country_code::from_code("XKX"));
    STATIC_REQUIRE(!country_code::from_code("ZZZ")); // past the last alpha-3 code
    STATIC_REQUIRE(country_code::from_index(0)->alpha2() == "AD");
    STATIC_REQUIRE(country_code::from_index(country_code::count - 1)->alpha3() == "ZWE");
    STATIC_REQUIRE(country_code::count == 249);
    STATIC_REQUIRE(sizeof(country_code) == 1);
    // Ordered as the alpha-2 codes are, whichever code named them.
    STATIC_REQUIRE(*country_code::from_code("ESP") < *country_code::from_code("GB"));
    STATIC_REQUIRE(*country_code::from_code("DEU") < *country_code::from_code("DK"));
}

TEST_CASE("country codes group KYC rows' alpha-3 codes with KYB rows' alpha-2 and alpha-3 codes",
          "[country]") {
    std::map<country_code, int> sessions;
    for (const std::string_view code : {"GBR", "ES", "GB", "ESP", "DEU", "ES"})
        ++sessions[country_code::from_code(code).value()];
    REQUIRE(sessions.size() == 3);
    auto it = sessions.begin();
    CHECK((it->first.alpha2() == "DE" && it->second == 1));
    ++it;
    CHECK((it->first.alpha2() == "ES" && it->second == 3));
    ++it;
    CHECK((it->first.alpha3() == "GBR" && it->second == 2));
}

#ifdef DIDIT_ISO_CODES_JSON
TEST_CASE("country codes: the table holds exactly the pairs of Debian's iso-codes list",
          "[country][iso-codes]") {
    const std::string path = DIDIT_ISO_CODES_JSON;
    INFO("iso-codes' list is expected at " << path);
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file);
    const std::string text{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
    const auto root = didit::json::parse(text);
    REQUIRE(root.has_value());
    const auto list = root->get_object().value().find("3166-1");
    REQUIRE(list.has_value());
    const auto entries = list->get_array();
    REQUIRE(entries.has_value());

    code_pairs listed;
    for (const auto entry : *entries) {
        const auto fields = entry.get_object();
        REQUIRE(fields.has_value());
        const auto code = [&](std::string_view key) {
            const auto member = fields->find(key);
            REQUIRE(member.has_value());
            const auto value = member->get_string();
            REQUIRE(value.has_value());
            REQUIRE_FALSE(value->has_escapes()); // codes are plain letters
            return std::string(value->raw());
        };
        CHECK(listed.emplace(code("alpha_2"), code("alpha_3")).second);
    }
    const auto table = pairs_of_table();
    for (const auto& [alpha2, alpha3] : listed) {
        INFO("listed: " << alpha2 << " " << alpha3);
        CHECK(table.contains({alpha2, alpha3}));
    }
    for (const auto& [alpha2, alpha3] : table) {
        INFO("in the table: " << alpha2 << " " << alpha3);
        CHECK(listed.contains({alpha2, alpha3}));
    }
    CHECK(listed.size() == 249);
}
#endif
