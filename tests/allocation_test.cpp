// Decoding a page of 100 rows and reading every field of every row allocates nothing. This test
// runs in its own program, which counts every call to the global operator new.

#include <cstddef>
#include <string>
#include <vector>

#include <didit/rows.hpp>

#include <catch2/catch.hpp>

#include "allocation_counter.hpp"
#include "page_generator.hpp"

namespace {

// A sink that reads what it is given and keeps nothing.
struct byte_counter {
    std::size_t bytes = 0;
    void append(std::string_view text) { bytes += text.size(); }
};

} // namespace

TEST_CASE("decoding a 100-row page and reading every field allocates nothing",
          "[rows][allocation]") {
    didit_test::page_generator generate(7);
    std::vector<didit_test::generated_row> rows;
    for (int i = 0; i < 100; ++i)
        rows.push_back(generate.row());
    didit_test::writer writer(generate.random());
    const std::string body = writer.write(generate.page(rows, 100));

    const auto before = didit_test::allocations();
    std::size_t decoded_rows = 0;
    byte_counter written;
    const auto page = didit::parse_page(body);
    REQUIRE(page.has_value());
    for (const auto r : page->results) {
        if (!r) break;
        // Writing a row as JSON reads every member, unescapes every string, formats every
        // timestamp and number, and walks features whichever shape they came in.
        didit::write_json(written, *r);
        ++decoded_rows;
    }
    const auto allocated = didit_test::allocations() - before;

    CHECK(decoded_rows == 100);
    CHECK(written.bytes > body.size() / 2);
    CHECK(allocated == 0);
}

TEST_CASE("the counter sees allocations, so that zero means none", "[allocation]") {
    const auto before = didit_test::allocations();
    auto owned = std::make_unique<std::string>(100, 'x');
    CHECK(didit_test::allocations() - before >= 1);
}
