// The separately compiled build (DIDIT_SESSIONS_SEPARATE_COMPILATION=1, separately_compiled.cpp)
// against the header-only one: the same pages give the same rows and the same errors.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "describe_page.hpp"
#include "json_tree.hpp"
#include "page_generator.hpp"
#include "separately_compiled.hpp"

namespace {

// A random page, whole or with one byte changed: the change breaks the document, a row or
// nothing, so every path of the entry points is taken.
std::string random_page(didit_test::page_generator& generate, bool damaged) {
    std::vector<didit_test::generated_row> rows;
    const auto size = generate.random()() % 6;
    for (std::size_t i = 0; i < size; ++i)
        rows.push_back(generate.row());
    const auto count = static_cast<std::int64_t>(generate.random()() % 1000);
    auto body = didit_test::writer(generate.random()).write(generate.page(rows, count));
    if (damaged) {
        static constexpr std::string_view replacements = "0Ag\"{}[],: -.";
        const auto replacement =
            replacements[static_cast<std::size_t>(generate.random()() % replacements.size())];
        body[static_cast<std::size_t>(generate.random()() % body.size())] = replacement;
    }
    return body;
}

} // namespace

TEST_CASE("the separately compiled library decodes every page as the header-only one does",
          "[rows][separate][property]") {
    didit_test::page_generator generate(20261207);
    int decoded_rows = 0, failed_rows = 0, failed_pages = 0;
    for (int round = 0; round < 600; ++round) {
        const auto body = random_page(generate, round % 2 == 1);
        CAPTURE(round, body);
        const auto here = describe_page(body);
        CHECK(didit_test::describe_page_separately(body) == here);
        failed_pages += here.starts_with("page: ");
        for (std::size_t line = here.find('\n'); line != std::string::npos;
             line = here.find('\n', line + 1)) {
            if (here.compare(line + 1, 5, "row: ") == 0)
                ++failed_rows;
            else if (line + 1 < here.size())
                ++decoded_rows;
        }
    }
    // Each path was compared, not only one of them.
    CHECK(decoded_rows > 500);
    CHECK(failed_rows > 0);
    CHECK(failed_pages > 100);
}
