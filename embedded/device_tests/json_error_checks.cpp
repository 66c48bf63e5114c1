// JSON documents with errors, read on the device: each error is reported with its code, its
// message, its byte offset, its line and column (columns count characters, not bytes) and the
// JSON path of the value it is in. Also the limits a 32-bit core must get right: 64-bit
// integers, nesting depth without recursion, and UTF-16 surrogate pairs.

#include <csetjmp>
#include <cstdint>
#include <limits>
#include <string_view>

#include <didit/json.hpp>

#include "checks.hpp"
#include "fixed_text.hpp"
#include "groups.hpp"

namespace device {

// A page with a missing comma on line 5, after two-byte characters on the same line (so its
// column in characters, 71, is not its column in bytes, 73).
char page_missing_a_comma[] = R"({
  "count": 2,
  "results": [
    {"session_number": 1, "full_name": "Zoë", "features": []},
    {"session_number": 2, "full_name": "Łukasz Øster", "features": [] "status": "Approved"}
  ]
})";

// A name in Latin-1, not UTF-8: the byte 0xE9 is the 53rd character of the line.
char name_in_latin1[] = "{\"results\": [{\"session_number\": 3, \"full_name\": \"Ren\xE9\"}]}";

char numbers[] = "[9223372036854775807, -9223372036854775808, 9223372036854775808, 1.5, 1e400]";
char surrogate_pair[] = R"("\ud83d\ude00 ok")";
char cut_short[] = R"({"count": 1, "results": [)";

namespace {

// `what` names the document's flaw (a literal: checks keep it until printed).
void expect_error(std::string_view what, std::string_view document, const located_error& expected) {
    const auto root = didit::json::parse(document);
    expect(what, !root);
    if (!root) expect_located(root.error(), expected);
}

void located_errors() {
    expect_error(
        "a missing comma is an error", text_of(page_missing_a_comma),
        {didit::errc::syntax_error, "expected ',' or '}'", 5, 71, 167, "results[1].features"});
    expect_error("a Latin-1 byte in a string is an error", text_of(name_in_latin1),
                 {didit::errc::invalid_string, "invalid UTF-8 in string", 1, 53, 52,
                  "results[0].full_name"});
}

void too_deep() {
    // 200 arrays in one another, past the default limit of 128: an error, not a deep recursion.
    static char nested[400];
    for (std::size_t i = 0; i < 200; ++i) {
        nested[i] = '[';
        nested[399 - i] = ']';
    }
    const auto root = didit::json::parse(std::string_view(nested, sizeof nested));
    expect_equal("200 nested arrays", root.code(), didit::errc::depth_exceeded);
    expect_equal("at the 129th bracket", static_cast<std::int64_t>(root.error().offset), 128);
    expect_equal("its column", root.error().column, 129);
}

void integers_of_64_bits() {
    const auto root = didit::json::parse(text_of(numbers));
    expect("the numbers parse", root.has_value());
    if (!root) return;
    const auto list = root->get_array();
    expect("they are an array", list.has_value());
    if (!list) return;
    auto at = list->begin();
    const auto largest = (*at).get_int64();
    expect_equal("the largest int64", largest ? *largest : 0,
                 std::numeric_limits<std::int64_t>::max());
    ++at;
    const auto smallest = (*at).get_int64();
    expect_equal("the smallest int64", smallest ? *smallest : 0,
                 std::numeric_limits<std::int64_t>::min());
    ++at;
    expect_equal("one past the largest", (*at).get_int64().code(), didit::errc::out_of_range);
    ++at;
    expect_equal("1.5 is not an integer", (*at).get_int64().code(), didit::errc::wrong_type);
    ++at;
    expect_equal("1e400 is beyond a double", (*at).get_double().code(), didit::errc::out_of_range);
}

void surrogates() {
    const auto root = didit::json::parse(text_of(surrogate_pair));
    const auto text = root ? root->get_string() : didit::result<didit::json::string>(root.error());
    expect("a string with a surrogate pair", text.has_value());
    if (!text) return;
    char decoded[16];
    const auto size = text->unescape_to(decoded);
    expect_equal("the pair decoded to one 4-byte UTF-8 character",
                 size ? std::string_view(decoded, *size) : "", "\xF0\x9F\x98\x80 ok");
}

void truncated() {
    const auto root = didit::json::parse(text_of(cut_short));
    expect_equal("a document cut short", root.code(), didit::errc::syntax_error);
    expect_equal("where it ends", static_cast<std::int64_t>(root.error().offset), 25);
    expect_equal("the column after its last character", root.error().column, 26);
}

// What the bad-access handler was called with; it jumps back to the check (there are no
// exceptions here, and nothing on the stack between needs destroying).
std::jmp_buf after_bad_access;
didit::error bad_access_error;
unsigned bad_access_line = 0;

[[noreturn]] void jump_back(const didit::error& failure, const didit::call_site& where) {
    bad_access_error = failure;
    bad_access_line = where.line;
    std::longjmp(after_bad_access, 1);
}

void bad_access() {
    // Bare metal has no stderr: reading the value of an error calls the handler set.
    const auto root = didit::json::parse(text_of(cut_short));
    const auto replaced = didit::set_bad_access_handler(jump_back);
    const unsigned line_of_the_read = __LINE__ + 2;
    if (setjmp(after_bad_access) == 0) {
        (void)root.value();
        expect("value() of an error does not return", false);
    }
    didit::set_bad_access_handler(replaced);
    expect_equal("the handler gets the error", bad_access_error.code, didit::errc::syntax_error);
    expect_equal("and the line of the read", bad_access_line, line_of_the_read);
}

} // namespace

void json_error_checks() {
    bad_access();
    located_errors();
    too_deep();
    integers_of_64_bits();
    surrogates();
    truncated();
}

} // namespace device
