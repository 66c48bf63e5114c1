// Errors as text: every code has its own name, and an error is written with each part it has.

#include <set>
#include <string>
#include <string_view>

#include <didit/sessions.hpp>

#include <catch2/catch.hpp>

using didit::errc;

TEST_CASE("every error code has a name of its own, spelled as the enumeration spells it",
          "[error]") {
    CHECK(didit::to_string(errc::ok) == "ok");
    CHECK(didit::to_string(errc::missing_field) == "missing_field");
    CHECK(didit::to_string(errc::unplaceable_row) == "unplaceable_row");
    std::set<std::string_view> names;
    const auto last = static_cast<int>(errc::unplaceable_row);
    for (int code = 0; code <= last; ++code) {
        const auto name = didit::to_string(static_cast<errc>(code));
        CAPTURE(code, name);
        CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos);
        CHECK(names.insert(name).second);
    }
    CHECK_FALSE(names.contains("unknown"));
    CHECK(didit::to_string(static_cast<errc>(last + 1)) == "unknown");
    STATIC_REQUIRE(didit::to_string(errc::wrong_type) == "wrong_type");
}

TEST_CASE("an error is written with where it is, what it is and what it is about", "[error]") {
    SECTION("a broken document: line:column, message and path") {
        const std::string text = "[1,\n 2"; // g++ -O3 misreads the scans' guards on a literal
        const auto root = didit::json::parse(text);
        REQUIRE_FALSE(root);
        CHECK(didit::to_string(root.error()) == "2:3: expected ',' or ']' at [1]");
    }
    SECTION("a row without a required member: the member is the subject") {
        const std::string_view body = R"({"count": 1, "next": null, "previous": null,
"results": [{"session_kind": "user", "session_number": 1}]})";
        const auto page = didit::parse_page(body);
        REQUIRE(page);
        for (const auto row : page->results) {
            REQUIRE_FALSE(row);
            CHECK(didit::to_string(row.error()) ==
                  "2:13: missing member `session_id` at results[0]");
        }
    }
    SECTION("an error without an offset or a path, about text with control bytes") {
        const didit::error failure{
            .code = errc::invalid_value, .message = "not a date", .subject = "2026-\n01\x7f"};
        CHECK(didit::to_string(failure) == "not a date `2026-\\x0a01\\x7f`");
    }
    SECTION("into any sink, at compile time too") {
        constexpr auto written = [] {
            char text[64]{};
            didit::detail::span_writer out(text);
            didit::write_error(out, didit::error{.code = errc::wrong_type,
                                                 .message = "expected a string",
                                                 .offset = 0,
                                                 .line = 1,
                                                 .column = 1});
            return out.size();
        }();
        STATIC_REQUIRE(written == std::string_view("1:1: expected a string").size());
    }
}
