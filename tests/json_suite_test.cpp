// The JSONTestSuite parsing corpus: every y_ file accepted, every n_ file rejected, and each
// i_ file decided as the README says. Each input sits at the very end of an allocation of its
// exact size, so that AddressSanitizer catches any read past the end.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>

#include <didit/json.hpp>

#include <catch2/catch.hpp>

#include "differential.hpp"

namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// The implementation-defined cases: numbers of any size are valid JSON (reading one as a number
// reports what does not fit); invalid UTF-8, unpaired surrogate escapes, byte order marks,
// UTF-16 and nesting beyond the default limit of 128 are rejected.
const std::map<std::string, bool> implementation_defined_accepted{
    {"i_number_double_huge_neg_exp.json", true}, {"i_number_huge_exp.json", true},
    {"i_number_neg_int_huge_exp.json", true},    {"i_number_pos_double_huge_exp.json", true},
    {"i_number_real_neg_overflow.json", true},   {"i_number_real_pos_overflow.json", true},
    {"i_number_real_underflow.json", true},      {"i_number_too_big_neg_int.json", true},
    {"i_number_too_big_pos_int.json", true},     {"i_number_very_big_negative_int.json", true},
};

} // namespace

TEST_CASE("JSONTestSuite: y_ accepted, n_ rejected, i_ as documented", "[json][suite]") {
    const std::filesystem::path folder = DIDIT_JSON_TEST_SUITE_DIR;
    INFO("the suite is expected in " << folder.string());
    REQUIRE(std::filesystem::is_directory(folder));
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto name = entry.path().filename().string();
        const auto text = read_file(entry.path());
        const auto exact = std::make_unique<char[]>(text.size());
        std::copy(text.begin(), text.end(), exact.get());
        const auto verdict = didit::json::validate(std::string_view(exact.get(), text.size()));

        bool expected = name[0] == 'y';
        if (name[0] == 'i') {
            const auto known = implementation_defined_accepted.find(name);
            expected = known != implementation_defined_accepted.end() && known->second;
        }
        INFO(name << ": " << verdict.error().message << " at " << verdict.error().line << ":"
                  << verdict.error().column);
        CHECK(verdict.has_value() == expected);
        ++files;
    }
    CHECK(files == 318);
}

TEST_CASE("numbers too large for their type are errors only when read", "[json][suite]") {
    const std::filesystem::path folder = DIDIT_JSON_TEST_SUITE_DIR;
    for (const auto& [name, accepted] : implementation_defined_accepted) {
        const auto text = read_file(folder / name);
        const auto root = didit::json::parse(text);
        REQUIRE(root.has_value());
        const auto number = *root->get_array().value().begin();
        const bool integral = number.raw().find_first_of(".eE") == std::string_view::npos;
        INFO(name);
        if (integral)
            CHECK(number.get_int64().code() == didit::errc::out_of_range);
        else
            CHECK(number.get_double().code() == didit::errc::out_of_range);
    }
}

TEST_CASE("JSONTestSuite: the reader and the reference decoder agree on every file",
          "[json][suite][differential]") {
    const std::filesystem::path folder = DIDIT_JSON_TEST_SUITE_DIR;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto text = read_file(entry.path());
        INFO(entry.path().filename().string());
        CHECK(didit_test::json_disagreement(text).empty());
    }
}
