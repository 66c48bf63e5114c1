// Reading the value of a result that holds an error: the handler the program sets is called
// with the error and the caller's place. (What the default does, write to stderr and abort, is
// checked by bad_access_test.sh on a program of its own.)

#include <csetjmp>
#include <cstdint>
#include <string>
#include <string_view>

#include <didit/sessions.hpp>

#include <catch2/catch.hpp>

// Every member of result compiles, but for the one that refuses a temporary (a template).
template class didit::result<int>;

namespace {

// What the handler saw. It jumps back to the test, so that the test goes on: the suite also
// runs without exceptions, and nothing on the stack it unwinds needs destroying.
struct bad_access {
    didit::error failure;
    didit::call_site where;
};
bad_access seen;
std::jmp_buf back_to_the_test;

[[noreturn]] void jump_back(const didit::error& failure, const didit::call_site& where) {
    seen = {failure, where};
    std::longjmp(back_to_the_test, 1);
}

// Installs jump_back for one test, and puts back the handler it replaced.
class handler_for_this_test {
public:
    handler_for_this_test()
        : replaced_(didit::set_bad_access_handler(jump_back)) {}
    ~handler_for_this_test() { didit::set_bad_access_handler(replaced_); }
    handler_for_this_test(const handler_for_this_test&) = delete;
    handler_for_this_test& operator=(const handler_for_this_test&) = delete;

private:
    didit::bad_access_handler replaced_;
};

constexpr std::string_view page_without_results = R"({"count": 1, "next": null, "previous": null})";

const unsigned line_of_the_read = __LINE__ + 3;
std::int64_t count_of_page_without_results() {
    const auto page = didit::parse_page(page_without_results);
    return page.value().count;
}

// What the handler saw when `read` read the value of an error.
bad_access caught(auto read) {
    seen = {};
    if (setjmp(back_to_the_test) == 0) {
        read();
        FAIL("the handler was not called");
    }
    return seen;
}

} // namespace

TEST_CASE("value() of an error calls the program's handler with the error and the caller's place",
          "[error]") {
    const handler_for_this_test installed;
    const auto access = caught(count_of_page_without_results);
    CHECK(access.failure.code == didit::errc::missing_field);
    CHECK(access.failure.subject == "results");
    CHECK(std::string_view(access.where.file).ends_with("bad_access_test.cpp"));
    CHECK(access.where.line == line_of_the_read);
    CHECK(std::string_view(access.where.function) == "count_of_page_without_results");
}

TEST_CASE("each way of reading the value of an error calls the handler", "[error]") {
    const handler_for_this_test installed;
    didit::result<int> failed = didit::error{didit::errc::invalid_value, "not a number"};
    const auto& const_failed = failed;
    const unsigned line = __LINE__;
    CHECK(caught([&] { (void)failed.value(); }).where.line == line + 1);
    CHECK(caught([&] { (void)const_failed.value(); }).where.line == line + 2);
    CHECK(caught([&] { (void)std::move(failed).value(); }).where.line == line + 3);
    // The operators cannot take the caller's place.
    CHECK(caught([&] { (void)*const_failed; }).where.line == 0);
    CHECK(caught([&] { (void)*std::move(failed); }).where.line == 0);
    const didit::result<std::string> no_text = didit::error{didit::errc::invalid_value, "none"};
    CHECK(caught([&] { (void)no_text->size(); }).failure.message == "none");
    // A value is handed out without a call.
    const didit::result<int> seven = 7;
    CHECK(seven.value() == 7);
    CHECK(*seven == 7);
}

TEST_CASE("set_bad_access_handler returns the handler it replaces", "[error]") {
    const auto before = didit::set_bad_access_handler(jump_back);
    CHECK(didit::set_bad_access_handler(before) == jump_back);
    CHECK(didit::set_bad_access_handler(before) == before);
}

TEST_CASE("a bad access is written with the caller's place, the code and the error", "[error]") {
    const std::string body = R"({"count": 1, "next": null, "previous": null,
"results": [{"session_kind": "user", "session_number": 1}]})";
    const auto page = didit::parse_page(body);
    REQUIRE(page);
    const auto row = *page->results.begin();
    REQUIRE_FALSE(row);
    const didit::call_site where{"src/report.cpp", 42, "print_report"};
    const auto text = didit::detail::written(
        [&](auto& out) { didit::write_bad_access(out, row.error(), where); });
    CHECK(text == "src/report.cpp:42 (in print_report): value() on a result that holds an error "
                  "(missing_field): 2:13: missing member `session_id` at results[0]");
    const auto unplaced = didit::detail::written(
        [&](auto& out) { didit::write_bad_access(out, row.error(), didit::call_site{}); });
    CHECK(unplaced == "* or -> on a result that holds an error (missing_field): 2:13: missing "
                      "member `session_id` at results[0]");
}
