// The scans that skip many bytes at once (vectors where the build has them, 64-bit words
// otherwise): each stops exactly where a byte-by-byte reading would, for every byte value at
// every place in runs of many lengths, and never reads past its view (the buffers are exactly
// the size of the text, so AddressSanitizer sees one byte too far).

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

#include <didit/detail/byte_scan.hpp>

#include <catch2/catch.hpp>

namespace {

using namespace didit::detail;

// The sets each scan stops at, written byte by byte.
bool ends_string_content(unsigned char c) {
    return c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
}
bool is_quote_or_backslash(unsigned char c) {
    return c == '"' || c == '\\';
}
bool opens_or_closes(unsigned char c) {
    return c == '"' || c == '{' || c == '[' || c == '}' || c == ']';
}

// Where scans start: on either side of word and vector boundaries.
constexpr std::size_t starts[] = {0, 1, 7, 8, 9, 15, 16, 17, 23};

// Whether skip_unmarked moves at all: a build for small code leaves every byte to the caller's
// byte loop.
constexpr bool scans_ahead = word_scanning || vector_scanning;

// Checks skip_unmarked<Stop> from starts on either side of word and vector boundaries, in runs
// of `filler` of every length up to 40 (past two vectors and a word) with `byte` at each place: it
// stops at the first byte `stops` says, or before one only when fewer than eight bytes are left,
// where the caller's byte loop goes on.
template<class Stop>
std::size_t check_scan(bool (*stops)(unsigned char), unsigned char byte, char filler) {
    std::size_t runs = 0;
    for (std::size_t size = 0; size <= 40; ++size) {
        for (std::size_t at = 0; at <= size; ++at) { // at == size: no marked byte
            auto bytes = std::make_unique<char[]>(size);
            std::memset(bytes.get(), filler, size);
            if (at < size) bytes[at] = static_cast<char>(byte);
            const std::string_view doc(bytes.get(), size);
            for (const std::size_t from : starts) {
                if (from > size) break;
                const auto stop = skip_unmarked<Stop>(doc, from);
                ++runs;
                std::size_t first = from;
                while (first < size && !stops(static_cast<unsigned char>(doc[first])))
                    ++first;
                const bool stopped_right = scans_ahead ? stop >= from && stop <= first &&
                                                             (stop == first || size - stop < 8)
                                                       : stop == from;
                if (!stopped_right) // (one assertion per failure: the runs are many)
                    FAIL("size " << size << ", byte " << int{byte} << " at " << at << ", from "
                                 << from << ": stopped at " << stop << ", first marked " << first);
            }
        }
    }
    return runs;
}

// The scans check_scan makes for one byte value: at each place in each size, every start not
// past the end.
constexpr std::size_t runs_per_byte = [] {
    std::size_t runs = 0;
    for (std::size_t size = 0; size <= 40; ++size)
        for (const std::size_t from : starts)
            runs += from <= size ? size + 1 : 0;
    return runs;
}();

} // namespace

// check_scan for every byte value.
template<class Stop>
void check_every_byte(bool (*stops)(unsigned char), char filler) {
    std::size_t runs = 0;
    for (unsigned byte = 0; byte < 256; ++byte)
        runs += check_scan<Stop>(stops, static_cast<unsigned char>(byte), filler);
    REQUIRE(runs == 256 * runs_per_byte);
}

TEST_CASE("string content scans stop at quotes, backslashes, control and non-ASCII bytes",
          "[json][scan]") {
    check_every_byte<string_content_end>(ends_string_content, 'a');
}

TEST_CASE("validated-string scans stop at quotes and backslashes alone", "[json][scan]") {
    check_every_byte<quote_or_backslash>(is_quote_or_backslash, '\x7f');
}

TEST_CASE("container scans stop at quotes and brackets alone", "[json][scan]") {
    check_every_byte<structure_byte>(opens_or_closes, ' ');
    check_every_byte<structure_byte>(opens_or_closes, '\xfb'); // '{' with the high bit set
}
