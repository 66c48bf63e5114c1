// Walking a validated document: skipping a container by 64-byte blocks (where the target has
// vectors) and byte by byte both land just past its closing bracket, as a plain reading of the text
// finds it; and finding several members in one walk gives, for each key, the first member an
// iteration finds. Inputs are random documents whose strings are full of brackets, quotes and
// backslashes, shifted across block boundaries, and JSONTestSuite's valid files when they are
// found. Each input sits at the end of an allocation of its exact size, so that AddressSanitizer
// sees any read past it.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <didit/json.hpp>

#include <catch2/catch.hpp>

#include "exact_buffer.hpp"
#include "json_test_suite_files.hpp"

namespace {

namespace detail = didit::json::detail;

using didit_test::exact_buffer;

struct container_extent {
    std::size_t open = 0, end = 0;
};

// Every array and object of a valid document, read plainly: a quote opens or closes a string
// unless a backslash inside a string escapes it, and brackets outside strings nest.
std::vector<container_extent> containers_of(std::string_view doc) {
    std::vector<container_extent> found;
    std::vector<std::size_t> open;
    bool in_string = false;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        const char c = doc[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            open.push_back(i);
        } else if (c == '}' || c == ']') {
            found.push_back({open.back(), i + 1});
            open.pop_back();
        }
    }
    return found;
}

// A random JSON value whose strings hold what makes skipping hard: brackets, escaped quotes and
// backslash runs, UTF-8, and runs long enough to cross a block.
class random_json {
public:
    explicit random_json(unsigned seed)
        : random_(seed) {}

    std::string value(int depth = 0) {
        switch (pick(depth < 4 ? 6 : 3)) {
        case 0:
            return string();
        case 1:
            return std::to_string(pick(100000)) + (pick(2) ? ".5e-3" : "");
        case 2:
            return pick(2) ? "true" : "null";
        case 3:
            return array(depth + 1);
        default:
            return object(depth + 1);
        }
    }
    std::string object(int depth = 0) {
        std::string out = "{";
        for (std::size_t n = pick(6), i = 0; i < n; ++i)
            out += (i ? "," : "") + key() + space() + ":" + space() + value(depth);
        return out + "}";
    }
    std::string key() { return "\"" + std::string(1, static_cast<char>('a' + pick(4))) + "\""; }
    std::size_t pick(std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
    }

private:
    std::string array(int depth) {
        std::string out = "[";
        for (std::size_t n = pick(6), i = 0; i < n; ++i)
            out += (i ? "," : "") + space() + value(depth);
        return out + "]";
    }
    std::string string() {
        static constexpr std::string_view pieces[] = {
            "a",       "{",
            "}",       "[",
            "]",       "\\\"",
            "\\\\",    "\\\\\\\"",
            " ",       ",",
            ":",       "\xc3\xa9",
            "\\u005d", "0123456789012345678901234567890123456789012345678901234567890123"};
        std::string out = "\"";
        for (std::size_t n = pick(12), i = 0; i < n; ++i)
            out += pieces[pick(std::size(pieces))];
        return out + "\"";
    }
    std::string space() { return pick(4) == 0 ? std::string(pick(70), ' ') : ""; }

    std::mt19937 random_;
};

// Where each way of skipping puts the end of the container at doc[open]: by blocks (where the
// target has vectors: with 16-byte vectors, then with AVX2 where the processor has it), byte by
// byte, and skip_value, which picks one of them.
std::vector<std::size_t> skip_ends(std::string_view doc, std::size_t open) {
    std::vector<std::size_t> ends;
#if defined(DIDIT_SESSIONS_SIMD_VECTORS)
    ends.push_back(
        detail::skip_container_with<didit::detail::classify_brackets, didit::detail::prefix_xor>(
            doc, open));
#endif
#if defined(DIDIT_SESSIONS_SIMD_AVX2)
    if (didit::detail::avx2_available()) ends.push_back(detail::skip_container_avx2(doc, open));
#endif
    ends.push_back(detail::skip_container_by_bytes(doc, open));
    ends.push_back(detail::skip_value(doc, open));
    return ends;
}

// Whether every skip lands where the plain reading ends each container of `text`, shifted by
// each count of leading spaces from 0 to 64 (a block). Counts the containers tried in `tried`.
bool skips_agree(const std::string& text, std::size_t& tried) {
    for (std::size_t shift = 0; shift <= 64; ++shift) {
        const exact_buffer copy(std::string(shift, ' ') + text);
        const auto doc = copy.view();
        for (const auto [open, end] : containers_of(doc)) {
            ++tried;
            const auto ends = skip_ends(doc, open);
            // A named copy: clang 14 cannot capture a structured binding.
            const std::size_t plain_end = end;
            if (std::any_of(ends.begin(), ends.end(),
                            [plain_end](std::size_t at) { return at != plain_end; })) {
                UNSCOPED_INFO("shifted by " << shift << ", the container at " << open << " ends at "
                                            << end << "; by blocks (each kind of vector the "
                                            << "build and processor have), by bytes and by "
                                            << "skip_value: " << Catch::Detail::stringify(ends)
                                            << ": " << doc);
                return false;
            }
        }
    }
    return true;
}

} // namespace

TEST_CASE("containers are skipped to their closing bracket, by blocks and byte by byte",
          "[json][blocks]") {
    random_json generate(20261206);
    std::vector<std::string> documents{"[]",      "{}",         "[[[]]]",
                                       "[\"]\"]", "[\"\\\\\"]", "{\"a\":\"\\\"}\"}"};
    // Backslash runs of each length, ending at each place around a block boundary.
    for (std::size_t run = 2; run <= 6; run += 2)
        for (std::size_t at = 58; at <= 68; ++at)
            documents.push_back("[\"" + std::string(at, 'a') + std::string(run, '\\') + "]\"]");
    for (int i = 0; i < 300; ++i)
        documents.push_back(generate.value());
    std::size_t tried = 0, valid = 0;
    for (const auto& document : documents) {
        const exact_buffer copy(document);
        valid += didit::json::validate(copy.view()).has_value();
        CHECK(skips_agree(document, tried));
    }
    CHECK(valid == documents.size()); // the skips' precondition
    CHECK(tried > 50000);
}

#ifdef DIDIT_JSON_TEST_SUITE_DIR
TEST_CASE("containers are skipped to their closing bracket in JSONTestSuite's valid files",
          "[json][blocks]") {
    std::size_t tried = 0, valid = 0;
    didit_test::for_each_json_test_suite_file(
        [&](const std::string& name, const std::string& text) {
            const exact_buffer copy(text);
            if (!didit::json::validate(copy.view())) return;
            INFO(name);
            CHECK(skips_agree(text, tried));
            ++valid;
        });
    CHECK(valid >= 95); // the y_ files, and the i_ files this reader accepts
    CHECK(tried > 1000);
}
#endif

TEST_CASE("finding several members in one walk gives what iterating finds first", "[json]") {
    random_json generate(1206);
    std::size_t found = 0, absent = 0;
    for (int i = 0; i < 2000; ++i) {
        const auto text = generate.object();
        const exact_buffer copy(text);
        const auto parsed = didit::json::parse(copy.view());
        REQUIRE(parsed);
        const auto object = parsed->get_object().value();
        // Keys a to e (e is never a key), each asked for up to twice.
        const std::string keys[] = {std::string(1, static_cast<char>('a' + generate.pick(5))),
                                    std::string(1, static_cast<char>('a' + generate.pick(5))),
                                    std::string(1, static_cast<char>('a' + generate.pick(5)))};
        const auto each = object.find_each({keys[0], keys[1], keys[2]});
        for (std::size_t k = 0; k < 3; ++k) {
            std::optional<std::size_t> first;
            for (const auto member : object)
                if (!first && member.key.raw() == keys[k]) first = member.value.offset();
            CHECK(each[k].has_value() == first.has_value());
            if (each[k] && first) CHECK(each[k]->offset() == *first);
            found += first.has_value();
            absent += !first.has_value();
        }
    }
    CHECK(found > 1000);
    CHECK(absent > 1000);
}
