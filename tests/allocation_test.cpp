// Decoding a page of 100 rows and reading every field of every row allocates nothing. This test
// runs in its own program, which counts every heap allocation (see allocation_counter.hpp).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <memory_resource>
#include <new>
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

namespace {

// Each block escapes through a volatile, so that no allocation is optimised away.
void* volatile escaped;
template<class T>
T* kept(T* block) {
    escaped = block;
    return block;
}

template<class Code>
std::uint64_t allocations_in(Code allocate_and_free) {
    const auto before = didit_test::allocations();
    allocate_and_free();
    return didit_test::allocations() - before;
}

struct alignas(64) over_aligned {
    char bytes[64];
};

} // namespace

TEST_CASE("the counter sees every way to allocate, so that zero means none", "[allocation]") {
    CHECK(allocations_in([] { delete kept(new int(1)); }) == 1);
    CHECK(allocations_in([] { delete[] kept(new int[4]); }) == 1);
    CHECK(allocations_in([] { delete kept(new (std::nothrow) int); }) == 1);
    CHECK(allocations_in([] { delete[] kept(new (std::nothrow) int[4]); }) == 1);
    CHECK(allocations_in([] { delete kept(new over_aligned); }) == 1);
    CHECK(allocations_in([] { delete[] kept(new over_aligned[3]); }) == 1);
    CHECK(allocations_in([] { delete kept(new (std::nothrow) over_aligned); }) == 1);
    CHECK(allocations_in([] { delete[] kept(new (std::nothrow) over_aligned[3]); }) == 1);
    CHECK(allocations_in([] {
              ::operator delete (kept(::operator new (24, std::align_val_t{128})),
                                 std::align_val_t{128});
          }) == 1);
    for (const std::size_t alignment : {std::size_t{8}, std::size_t{256}}) {
        CHECK(allocations_in([alignment] {
                  auto* resource = std::pmr::new_delete_resource();
                  resource->deallocate(kept(resource->allocate(40, alignment)), 40, alignment);
              }) == 1);
    }
    CHECK(allocations_in([] { std::free(kept(std::malloc(24))); }) == 1);
    CHECK(allocations_in([] { std::free(kept(std::calloc(3, 8))); }) == 1);
    CHECK(allocations_in([] { std::free(kept(std::aligned_alloc(64, 128))); }) == 1);
    CHECK(allocations_in([] { std::free(kept(std::realloc(kept(std::malloc(8)), 4096))); }) == 2);
    // The string, then its 100 characters, too many to be held inside it.
    CHECK(allocations_in([] { kept(std::make_unique<std::string>(100, 'x').get()); }) == 2);
    CHECK(allocations_in([] {}) == 0);
}
