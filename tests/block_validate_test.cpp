// Validation by 64-byte blocks against validation byte by byte: on every input both give the
// same verdict, and on valid ones report the same containers, wherever the input falls across
// block boundaries. Inputs: hand-picked documents that put escapes, strings, numbers and UTF-8
// across boundaries, every one-byte change, deletion and cut of a document that holds every
// kind of value, and JSONTestSuite's files when they are found. Each input sits at the end of
// an allocation of its exact size, so that AddressSanitizer sees any read past it. Only where
// the target has vectors: elsewhere nothing validates by blocks.

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <didit/json.hpp>

#include <catch2/catch.hpp>

#if defined(DIDIT_SESSIONS_SIMD_VECTORS)

#include "exact_buffer.hpp"
#include "json_test_suite_files.hpp"

namespace {

namespace detail = didit::json::detail;

using extents = std::vector<std::pair<std::size_t, std::size_t>>;

struct verdict {
    bool valid = false;
    extents containers;
};

// The verdict of validate(record), which tells `record` of each container it reports.
template<class Validate>
verdict recorded(Validate validate) {
    verdict out;
    auto record = [&](std::size_t open, std::size_t end) {
        out.containers.emplace_back(open, end);
    };
    out.valid = validate(record);
    return out;
}

constexpr auto max_depth = didit::json::options{}.max_depth;

verdict by_sixteen_byte_blocks(std::string_view doc) {
    return recorded([&](auto& record) {
        return detail::validate_blocks_with<max_depth, detail::classify_block, detail::prefix_xor>(
            doc, record);
    });
}

#if defined(DIDIT_SESSIONS_SIMD_AVX2)
verdict by_avx2_blocks(std::string_view doc) {
    return recorded(
        [&](auto& record) { return detail::validate_blocks_avx2<max_depth>(doc, record); });
}
#endif

struct block_validator {
    const char* name;
    verdict (*validate)(std::string_view);
};

// Each way of sorting a block's bytes that this processor runs.
std::vector<block_validator> block_validators() {
    std::vector<block_validator> ways{{"16-byte vectors", by_sixteen_byte_blocks}};
#if defined(DIDIT_SESSIONS_SIMD_AVX2)
    if (didit::detail::avx2_available()) ways.push_back({"AVX2", by_avx2_blocks});
#endif
    return ways;
}

verdict by_bytes(std::string_view doc) {
    return recorded([&](auto& record) {
        return detail::validate_by_bytes<max_depth>(doc, record).has_value();
    });
}

// Leading spaces put before each input: 64 bytes is a block.
constexpr std::size_t shifts[] = {0, 1, 2, 31, 62, 63, 64};

// Whether both ways agree on `text`, shifted by each of a few counts of leading spaces so that
// its bytes fall on every side of a block boundary. Counts the inputs tried in `tried`.
bool agree(const std::string& text, std::size_t& tried) {
    for (const std::size_t shift : shifts) {
        const std::string shifted = std::string(shift, ' ') + text;
        const didit_test::exact_buffer exact(shifted);
        const auto doc = exact.view();
        const auto bytes = by_bytes(doc);
        ++tried;
        static const auto ways = block_validators();
        for (const auto& way : ways) {
            const auto blocks = way.validate(doc);
            if (blocks.valid != bytes.valid ||
                (bytes.valid && blocks.containers != bytes.containers)) {
                UNSCOPED_INFO("shifted by " << shift << ": blocks (" << way.name << ") say "
                                            << blocks.valid << ", bytes say " << bytes.valid << ": "
                                            << shifted);
                return false;
            }
        }
    }
    return true;
}

// A document with every kind of value: escapes of each kind and a surrogate pair, UTF-8 of
// each length, numbers of each form, literals, nesting, spaces of each kind, and strings long
// enough to cross a block.
const std::string every_kind =
    "{\"count\":-12.5e+3,\"next\":null,\"ok\":true,\"no\":false,\"results\":[{\"id\":\"a\\\"b\\\\c"
    "\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\"name\":\"Zo\xc3\xab \xe2\x82\xac "
    "\xf0\x9f\x98\x80\","
    "\"n\":[0,1e9,-0.5,[],{}]},\t{\"long\":\"0123456789012345678901234567890123456789012345678901"
    "234567890123456789\"}\r\n],\"tail\":{\"k\":[1,{\"x\":\"\\\\\\\\\\\"\"}]}}";

} // namespace

TEST_CASE("block validation agrees with byte validation on hand-picked documents",
          "[json][blocks]") {
    std::vector<std::string> documents{every_kind,
                                       "",
                                       " ",
                                       "0",
                                       "-",
                                       "[]",
                                       "{}",
                                       "[",
                                       "]",
                                       "\"",
                                       "\"\\",
                                       "\"\\\"",
                                       "nul",
                                       "true ",
                                       "[1,]",
                                       "{\"a\"}",
                                       "{\"a\":}",
                                       "{\"a\":1,}",
                                       "[1 2]",
                                       "[\"a\" \"b\"]",
                                       "1 2",
                                       "[\"\\u12\"]",
                                       "[\"\\ud800\"]",
                                       "[\"\\udc00\"]",
                                       "[\"\\ud800\\u0041\"]",
                                       "[\x01]",
                                       "[\"\x01\"]",
                                       "[\"\x7f\"]",
                                       "[\"\xc3\"]",
                                       "[\"\xed\xa0\x80\"]",
                                       "[\xc3\xa9]",
                                       "[1\"a\"]",
                                       "[truefalse]",
                                       "[01]",
                                       "[1.]",
                                       "[.5]",
                                       "[1e]",
                                       "[-]",
                                       "{\"a\":1}x",
                                       "[\\\"]",
                                       "[\"a\\\\\"]",
                                       "\"\\\\\\\"\""};
    // Backslash runs of each length, ending at each place around a block boundary.
    for (std::size_t run = 1; run <= 4; ++run)
        for (std::size_t at = 58; at <= 68; ++at)
            documents.push_back("[\"" + std::string(at, 'a') + std::string(run, '\\') + "\"]");
    // Deep nesting, up to the limit and past it.
    for (std::size_t depth = 127; depth <= 129; ++depth)
        documents.push_back(std::string(depth, '[') + std::string(depth, ']'));
    std::size_t tried = 0;
    for (const auto& document : documents)
        CHECK(agree(document, tried));
    CHECK(tried == 7 * documents.size());
}

TEST_CASE("block validation agrees with byte validation on every one-byte change of a document",
          "[json][blocks]") {
    const std::string replacements =
        std::string("\"\\ \n\t\r\x01{}[]:,0-+e.tnfa/u") + "\x7f\x80\xbf\xc3\xe2\xed\xf0\xf4\xff";
    std::size_t tried = 0, disagreements = 0;
    for (std::size_t at = 0; at <= every_kind.size(); ++at) {
        disagreements += !agree(every_kind.substr(0, at), tried); // cut
        if (at == every_kind.size()) break;
        disagreements += !agree(every_kind.substr(0, at) + every_kind.substr(at + 1), tried);
        for (const char byte : replacements) {
            auto changed = every_kind;
            changed[at] = byte;
            disagreements += !agree(changed, tried);
        }
    }
    CHECK(disagreements == 0);
    CHECK(tried == 7 * (every_kind.size() * (2 + replacements.size()) + 1));
}

#ifdef DIDIT_JSON_TEST_SUITE_DIR
TEST_CASE("block validation agrees with byte validation on JSONTestSuite", "[json][blocks]") {
    std::size_t tried = 0;
    const auto files = didit_test::for_each_json_test_suite_file(
        [&](const std::string& name, const std::string& text) {
            INFO(name);
            CHECK(agree(text, tried));
        });
    CHECK(files == 318);
    CHECK(tried == 7 * files);
}
#endif

#if defined(DIDIT_SESSIONS_SIMD_AVX2)
TEST_CASE("AVX2 sorts the bytes of a block as 16-byte vectors do, for validation and skipping, "
          "and finds the same strings",
          "[json][blocks]") {
    if (!didit::detail::avx2_available()) {
        WARN("this processor has no AVX2: nothing to compare");
        return;
    }
    // Half the blocks without backslashes, control or non-ASCII bytes (their masks are built
    // only when a block has some), half with bytes of every class.
    const std::string plain = "\" :,{}[]0aZ~";
    const std::string any_class = plain + "\\\t\n\r\x01\x1f\x7f\x80\xbf\xff";
    std::mt19937 random(2026);
    std::size_t differing = 0, with_rare_bytes = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto& alphabet = i % 2 == 0 ? plain : any_class;
        char block[didit::detail::block_size];
        for (auto& byte : block)
            byte = alphabet[random() % alphabet.size()];
        const auto narrow = didit::detail::classify_block(block);
        differing += narrow != didit::detail::classify_block_avx2(block);
        with_rare_bytes += (narrow.backslash | narrow.control | narrow.non_ascii) != 0;
        differing +=
            didit::detail::classify_brackets(block) != didit::detail::classify_brackets_avx2(block);
        // The strings' extents: the quotes' prefix XOR, by shifts and by multiplication.
        differing += didit::detail::prefix_xor(narrow.quote) !=
                     didit::detail::prefix_xor_clmul(narrow.quote);
    }
    CHECK(differing == 0);
    CHECK(with_rare_bytes > 9000);
    std::mt19937_64 words(2027);
    for (int i = 0; i < 20000; ++i) {
        const auto word = words() >> (i % 64); // sparse words too
        REQUIRE(didit::detail::prefix_xor(word) == didit::detail::prefix_xor_clmul(word));
    }
}
#endif

#endif
