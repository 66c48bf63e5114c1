// The server's 400 body, as its JSON renderer writes it.

#include <set>
#include <string>
#include <vector>

#include <didit/json.hpp>
#include <didit/query.hpp>

#include <catch2/catch.hpp>

namespace {
std::string body_for_api_service(std::string_view value) {
    const std::vector<didit::raw_parameter> raw{{"api_service", value}};
    return didit::error_body(didit::parse_query(raw).value().findings);
}
} // namespace

TEST_CASE("the 400 body escapes the value as Python's json.dumps(ensure_ascii=False)",
          "[messages]") {
    const std::string prefix = R"({"api_service":["Select a valid choice. )";
    const std::string suffix = R"( is not one of the available choices."]})";
    CHECK(body_for_api_service("a\"b\\c") == prefix + R"(a\"b\\c)" + suffix);
    CHECK(body_for_api_service("\n\r\t\b\f\x01\x1f\x7f") ==
          prefix + R"(\n\r\t\b\f\u0001\u001f)" + "\x7f" + suffix);
    CHECK(body_for_api_service("caf\xC3\xA9 \xE2\x82\xAC") ==
          prefix + "caf\xC3\xA9 \xE2\x82\xAC" + suffix);
    // The server's renderer escapes the two JavaScript line terminators.
    CHECK(body_for_api_service("\xE2\x80\xA8\xE2\x80\xA9") == prefix + R"(\u2028\u2029)" + suffix);
    // Bytes that are not UTF-8 reached the server as U+FFFD, one per maximal invalid subpart.
    CHECK(body_for_api_service("a\xFF\xE2\x82z\xED\xA0\x80") ==
          prefix + "a\xEF\xBF\xBD\xEF\xBF\xBDz\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" + suffix);
}

TEST_CASE("a query without errors renders an empty body", "[messages]") {
    CHECK(didit::error_body(didit::diagnostics{}) == "{}");
}

TEST_CASE("every finding has a message of its own, naming the value and the hint it is about",
          "[messages]") {
    using didit::finding;
    // The findings about one value the user gave, and those that suggest what was meant.
    const std::set<finding> about_the_value{finding::invalid_choice,
                                            finding::empty_value,
                                            finding::unrecognised_status,
                                            finding::unrecognised_document_type,
                                            finding::document_display_name,
                                            finding::unrecognised_session_type,
                                            finding::workflow_id_dropped,
                                            finding::boolean_ignored,
                                            finding::limit_replaced,
                                            finding::limit_clamped,
                                            finding::offset_replaced,
                                            finding::empty_date_range,
                                            finding::registration_number_separators,
                                            finding::document_name_split_at_comma,
                                            finding::list_item_split_at_comma};
    const std::set<finding> with_a_hint{finding::unknown_parameter, finding::unrecognised_status,
                                        finding::unrecognised_document_type,
                                        finding::document_display_name,
                                        finding::unrecognised_session_type};
    std::set<std::string> texts;
    for (std::size_t f = 0; f < didit::finding_count; ++f) {
        didit::diagnostic d;
        d.what = static_cast<finding>(f);
        d.parameter = "a_parameter";
        d.value = "the-value";
        d.hint = "the-hint";
        INFO(f);
        const auto text = didit::message(d);
        CHECK(text.find('\n') == std::string::npos);
        CHECK((text.find("`the-value`") != std::string::npos ||
               text.find(" the-value ") != std::string::npos) == about_the_value.count(d.what));
        CHECK((text.find("`the-hint`") != std::string::npos) == with_a_hint.count(d.what));
        CHECK(texts.insert(std::string(text)).second); // no two findings say the same
    }
}

TEST_CASE("messages quote control characters so that a warning stays on one line", "[messages]") {
    const std::vector<didit::raw_parameter> raw{{"status", "A\nB\x1b"}};
    const auto findings = didit::parse_query(raw).value().findings;
    CHECK(didit::message(findings[0]) ==
          "`A\\x0aB\\x1b` matches no session: statuses are case-sensitive display names");
}

TEST_CASE("quoted text keeps its characters whole, so JSON rendering keeps them intact",
          "[messages]") {
    const std::vector<didit::raw_parameter> raw{
        {"status", "Caf\xC3\xA9\t\xE2\x82\xAC\xF0\x9F\x98\x80"}};
    const auto findings = didit::parse_query(raw).value().findings;
    REQUIRE(findings.size() == 1);
    const std::string text = didit::message(findings[0]);
    CHECK(text == "`Caf\xC3\xA9\\x09\xE2\x82\xAC\xF0\x9F\x98\x80` matches no session: "
                  "statuses are case-sensitive display names");

    // The escaper that writes the 400 body, given the message as write_message writes it.
    struct string_sink {
        std::string text;
        void append(std::string_view more) { text.append(more); }
    } json{"\""};
    didit::detail::json_escaper<string_sink> escaped(json);
    didit::write_message(escaped, findings[0]);
    json.text += '"';
    const auto parsed = didit::json::parse(json.text);
    REQUIRE(parsed.has_value());
    CHECK(parsed->get_string().value() == text);
}

TEST_CASE("quote shows text as messages quote it", "[messages]") {
    CHECK(didit::quote("col\nour") == "`col\\x0aour`");
    CHECK(didit::quote("") == "``");
    CHECK(didit::quote("caf\xC3\xA9\x7F") == "`caf\xC3\xA9\\x7f`");
}
