// Canonical URLs: the form the server's own `next` links take.

#include <algorithm>
#include <cctype>
#include <deque>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include <didit/query.hpp>

#include <catch2/catch.hpp>

namespace {

constexpr didit::query example{
    .session_kind = didit::session_kind::all,
    .limit = 20,
    .status = {didit::status::approved, didit::status::in_review},
    .search = "jane doe",
    .workflow_id = {didit::uuid("9F9B1234-AAAA-BBBB-CCCC-1234567890AB")},
    .date_from = didit::date("2026-06-01"),
    .document_type = {didit::document_type::passport, didit::document_type::identity_card},
    .api_service = didit::api_service::aml,
    .is_kyc_to_be_reviewed = true,
};

constexpr std::string_view example_url =
    "https://verification.didit.me/v3/sessions/?api_service=AML&date_from=2026-06-01"
    "&document_type=P%2CID&is_kyc_to_be_reviewed=true&limit=20&search=jane+doe"
    "&session_kind=all&status=Approved%2CIn+Review"
    "&workflow_id=9f9b1234-aaaa-bbbb-cccc-1234567890ab";

// Encoding runs in constant evaluation.
static_assert(didit::encode_url<512>(example).value() == example_url);
static_assert(didit::encode_url<64>(didit::query{}).value() ==
              "https://verification.didit.me/v3/sessions/");

} // namespace

TEST_CASE("a query encodes to the server's canonical URL", "[encode]") {
    CHECK(didit::to_url(example) == example_url);
    // The reference's example `next` link.
    CHECK(didit::to_url({.limit = 20, .offset = 20}) ==
          "https://verification.didit.me/v3/sessions/?limit=20&offset=20");
}

TEST_CASE("the base URL is configurable and its trailing slash optional", "[encode]") {
    const didit::query q{.limit = 5};
    CHECK(didit::to_url(q, "http://127.0.0.1:8080") ==
          "http://127.0.0.1:8080/v3/sessions/?limit=5");
    CHECK(didit::to_url(q, "http://127.0.0.1:8080/") ==
          "http://127.0.0.1:8080/v3/sessions/?limit=5");
}

TEST_CASE("empty values are left out, as the server ignores them", "[encode]") {
    const didit::query empty_values{.vendor_data = "", .region = {""}};
    CHECK(didit::to_url(empty_values) == "https://verification.didit.me/v3/sessions/");
}

TEST_CASE("a parameter is set exactly when its value is sent as non-empty text", "[encode]") {
    using didit::parameter;
    const didit::query lone_empty_items{
        .session_kind = didit::session_kind::business,
        .status = {didit::lenient<didit::status>::from_text("")},
        .workflow_id = {didit::lenient<didit::uuid>::from_text("")},
        .region = {""},
    };
    CHECK_FALSE(didit::is_set(lone_empty_items, parameter::status));
    CHECK_FALSE(didit::is_set(lone_empty_items, parameter::workflow_id));
    CHECK_FALSE(didit::is_set(lone_empty_items, parameter::region));
    CHECK(didit::to_url(lone_empty_items) ==
          "https://verification.didit.me/v3/sessions/?session_kind=business");
    // The server sees none of them, so there is nothing to match or to ignore.
    CHECK(didit::validate(lone_empty_items).empty());

    const didit::query two_empty_items{.region = {"", ""}};
    CHECK(didit::is_set(two_empty_items, parameter::region));
    CHECK(didit::to_url(two_empty_items) ==
          "https://verification.didit.me/v3/sessions/?region=%2C");
}

TEST_CASE("the query string is the URL after its '?'", "[encode]") {
    struct string_sink {
        std::string text;
        void append(std::string_view more) { text.append(more); }
    };
    string_sink query_string;
    didit::write_query_string(query_string, example);
    CHECK(query_string.text == example_url.substr(example_url.find('?') + 1));

    string_sink nothing;
    didit::write_query_string(nothing, didit::query{.vendor_data = ""});
    CHECK(nothing.text.empty());
}

TEST_CASE("encoding into a caller's buffer reports a buffer that is too small", "[encode]") {
    std::vector<char> exact(example_url.size());
    const auto written = didit::encode_url(example, exact);
    REQUIRE(written.value() == example_url.size());
    CHECK(std::string_view(exact.data(), exact.size()) == example_url);

    std::vector<char> short_by_one(example_url.size() - 1, '#');
    const auto failed = didit::encode_url(example, short_by_one);
    CHECK(failed.code() == didit::errc::buffer_too_small);
}

namespace {

// Random queries with typed values the server takes as they are, and list items of every kind:
// values, text the server may not recognise, empty items and items that hold a comma. Strings
// live in an arena that outlives the queries.
class query_generator {
public:
    explicit query_generator(unsigned seed)
        : random_(seed) {}

    didit::query next() {
        didit::query q;
        if (coin()) q.session_kind = pick<didit::session_kind>();
        if (coin()) q.limit = between(1, 100);
        if (coin()) q.offset = between(0, 1'000'000);
        fill(q.status, [&] { return choice_item<didit::status>(); });
        if (coin()) q.vendor_data = text(true);
        if (coin()) q.search = text(true);
        fill(q.workflow_id, [&] { return workflow_item(); });
        if (coin()) q.date_from = random_date();
        if (coin()) q.date_to = random_date();
        fill(q.country, [&] { return item_text(); });
        fill(q.document_type, [&] { return choice_item<didit::document_type>(); });
        fill(
            q.document_name, [&] { return name_with_separator(); }, /*several=*/true);
        fill(q.region, [&] { return item_text(); });
        if (coin()) q.didit_internal_id = random_uuid();
        fill(q.session_type, [&] { return choice_item<didit::session_type>(); });
        if (coin()) q.api_service = pick<didit::api_service>();
        if (coin()) q.screened_full_name = text(true);
        fill(q.warning, [&] { return item_text(); });
        if (coin()) q.status_initialized_as_in_review = coin();
        if (coin()) q.is_kyc_to_be_reviewed = coin();
        if (coin()) q.euuid = random_uuid();
        fill(q.organization_name, [&] { return item_text(); });
        return q;
    }

private:
    bool coin() { return random_() % 2 == 0; }
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low +
               static_cast<std::int64_t>(random_() % static_cast<std::uint64_t>(high - low + 1));
    }

    template<class E>
    E pick() {
        return static_cast<E>(between(0, didit::enum_count<E> - 1));
    }

    // A value, the text of a value, or other text.
    template<class E>
    didit::lenient<E> choice_item() {
        switch (between(0, 2)) {
        case 0:
            return pick<E>();
        case 1:
            return didit::lenient<E>::from_text(didit::to_string(pick<E>()));
        default:
            return didit::lenient<E>::from_text(item_text());
        }
    }

    // A UUID, a UUID in upper case with braces, or other text.
    didit::lenient<didit::uuid> workflow_item() {
        switch (between(0, 2)) {
        case 0:
            return random_uuid();
        case 1: {
            char id[didit::uuid::text_size];
            random_uuid().to_chars(id);
            std::string spelled = "{" + std::string(id, sizeof id) + "}";
            for (auto& c : spelled)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            return didit::lenient<didit::uuid>::from_text(arena_.emplace_back(std::move(spelled)));
        }
        default:
            return didit::lenient<didit::uuid>::from_text(item_text());
        }
    }

    didit::uuid random_uuid() {
        std::array<std::uint8_t, 16> bytes{};
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(random_());
        return didit::uuid::from_bytes(bytes);
    }

    didit::date random_date() {
        const auto year = static_cast<int>(between(1, 9999)),
                   month = static_cast<int>(between(1, 12));
        return didit::date::from_ymd(
                   year, month,
                   static_cast<int>(between(1, didit::date::days_in_month(year, month))))
            .value();
    }

    // Text for a list item: now and then empty, and now and then with commas.
    std::string_view item_text() {
        switch (between(0, 5)) {
        case 0:
            return {};
        case 1:
            return text(true);
        default:
            return text(false);
        }
    }

    // Non-empty text of any bytes, with commas only when they are allowed.
    std::string_view text(bool commas_allowed) {
        static constexpr std::string_view pieces[] = {"a",
                                                      "Z",
                                                      "0",
                                                      " ",
                                                      "+",
                                                      "%",
                                                      "&",
                                                      "=",
                                                      "?",
                                                      "#",
                                                      "/",
                                                      "~",
                                                      "-",
                                                      "_",
                                                      ".",
                                                      "\t",
                                                      "\xC3\xA9",
                                                      "\xE2\x82\xAC",
                                                      "\xF0\x9F\x98\x80",
                                                      "\x01",
                                                      "\xFF",
                                                      ",",
                                                      "%2C"};
        std::string s;
        for (auto n = between(1, 12); n > 0; --n) {
            const auto piece = pieces[between(0, std::size(pieces) - 1)];
            if (piece != "," || commas_allowed) s += piece;
        }
        if (s.empty()) s = "x";
        return arena_.emplace_back(std::move(s));
    }

    std::string_view name_with_separator() {
        return arena_.emplace_back(std::string(text(false)) + " - " + std::string(text(false)));
    }

    // A list of zero to four items. With `several`, a list has zero or at least two items.
    template<class List, class Make>
    void fill(List& list, Make make, bool several = false) {
        auto n = between(0, 4);
        if (several && n == 1) n = 0;
        for (; n > 0; --n)
            REQUIRE(list.try_push_back(make()));
    }

    std::mt19937_64 random_;
    std::deque<std::string> arena_;
};

} // namespace

namespace {

template<class T>
concept item_list = requires {
    std::remove_cvref_t<T>::capacity();
};

// Whether an item is sent as empty text.
bool written_empty(std::string_view item) {
    return item.empty();
}
template<class T>
bool written_empty(const didit::lenient<T>& item) {
    return !item.recognised() && item.text().empty();
}

bool holds_comma(std::string_view item) {
    return item.find(',') != std::string_view::npos;
}
template<class T>
bool holds_comma(const didit::lenient<T>& item) {
    return !item.recognised() && holds_comma(item.text());
}

// Whether any list item other than a document name holds a comma.
bool has_item_with_comma(const didit::query& q) {
    bool found = false;
    for (const auto p : didit::parameters_by_name) {
        if (p == didit::parameter::document_name) continue;
        didit::visit_parameter(q, p, [&](const auto& member) {
            if constexpr (item_list<decltype(member)>)
                found = found || std::any_of(member.begin(), member.end(),
                                             [](const auto& item) { return holds_comma(item); });
        });
    }
    return found;
}

// The query the server reads from `q` when no item holds a comma: lists of one empty item are
// not sent, and all the rest arrives as it is.
didit::query as_received(didit::query q) {
    for (const auto p : didit::parameters_by_name)
        didit::visit_parameter(q, p, [](auto& member) {
            if constexpr (item_list<decltype(member)>)
                if (member.size() == 1 && written_empty(member[0])) member.clear();
        });
    return q;
}

} // namespace

TEST_CASE("random queries survive encoding and the server's reading, or are warned about",
          "[encode][property]") {
    query_generator generate(20261126);
    int with_commas = 0;
    for (int i = 0; i < 3000; ++i) {
        const auto original = generate.next();
        const std::string url = didit::to_url(original);
        const auto query_start = url.find('?');
        const std::string_view query_string = query_start == std::string::npos
                                                  ? std::string_view{}
                                                  : std::string_view(url).substr(query_start + 1);

        std::vector<char> scratch(query_string.size());
        std::vector<didit::raw_parameter> raw(32);
        const auto count = didit::parse_form(query_string, scratch, raw);
        REQUIRE(count.has_value());
        raw.resize(count.value());
        const auto parsed = didit::parse_query(raw);
        INFO(url);
        REQUIRE(parsed.has_value());
        CHECK(parsed.value().ok());
        // Items joined at commas and split there again make the same URL.
        REQUIRE(didit::to_url(parsed.value().value) == url);

        // The server reads the query as it was built unless an item holds a comma, and then
        // validation says so.
        const auto findings = didit::validate(original);
        REQUIRE(findings.dropped_warnings() == 0);
        const bool split = has_item_with_comma(original);
        with_commas += split ? 1 : 0;
        const bool warned =
            std::any_of(findings.begin(), findings.end(), [](const didit::diagnostic& d) {
                return d.what == didit::finding::list_item_split_at_comma;
            });
        CHECK(warned == split);
        if (!split) REQUIRE(parsed.value().value == as_received(original));

        for (const auto p : didit::parameters_by_name) {
            const bool sent = std::any_of(raw.begin(), raw.end(), [&](const auto& r) {
                return r.name == didit::to_string(p);
            });
            INFO(didit::to_string(p));
            REQUIRE(didit::is_set(original, p) == sent);
        }
    }
    // Both outcomes are common enough to be tested.
    CHECK(with_commas > 300);
    CHECK(with_commas < 2700);
}
