// The exactly-once row traversal against the emulator while it creates and deletes sessions
// between requests: every session that exists throughout is yielded once, in order, checked
// against the emulator's own record of what changed.

#include <algorithm>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <didit/client/buffered_response.hpp>
#include <didit/client/client.hpp>
#include <didit/client/row_traversal.hpp>
#include <didit/rows.hpp>
#include <didit/testing/emulator.hpp>
#include <didit/testing/generate.hpp>

#include <catch2/catch.hpp>

namespace {

using didit::testing::emulator;

constexpr std::string_view key = "sk_test_traversal";

struct no_wait {
    std::int64_t monotonic_ms() const { return 0; }
    std::int64_t unix_seconds() const { return 0; }
    void sleep_ms(std::int64_t) const {}
};

using test_client = didit::client<emulator, no_wait>;

std::int64_t number_of(const didit::row& r) {
    if (r.kind() == didit::row_kind::kyc) return r.kyc().session_number;
    if (r.kind() == didit::row_kind::kyb) return r.kyb().session_number;
    const auto object = r.source().get_object();
    const auto number = object->find("session_number");
    return number->get_int64().value();
}

std::vector<std::int64_t> traverse(test_client& client, const didit::query& q) {
    std::vector<std::int64_t> numbers;
    for (const auto& row : didit::rows(client, q)) {
        REQUIRE(row.has_value());
        numbers.push_back(number_of(*row));
    }
    return numbers;
}

// Each session there from the start and never deleted is yielded once, in descending order;
// none created meanwhile is.
template<class Sessions>
void check_exactly_once(const std::vector<std::int64_t>& yielded, const Sessions& initial,
                        const std::vector<std::int64_t>& created,
                        const std::vector<std::int64_t>& deleted) {
    CHECK(std::is_sorted(yielded.rbegin(), yielded.rend()));
    CHECK(std::adjacent_find(yielded.begin(), yielded.end()) == yielded.end());
    const std::set<std::int64_t> seen(yielded.begin(), yielded.end());
    const std::set<std::int64_t> gone(deleted.begin(), deleted.end());
    for (const auto& s : initial) {
        if (gone.count(s.session_number)) continue; // may or may not have been yielded
        INFO("session " << s.session_number << " existed throughout");
        CHECK(seen.count(s.session_number) == 1);
    }
    for (const auto n : created)
        CHECK(seen.count(n) == 0);
}

} // namespace

TEST_CASE("a quiet listing is traversed row by row, each once", "[traversal]") {
    emulator server{std::string(key)};
    server.sessions().kyc = didit::testing::session_generator(5).kyc(97);
    test_client client(server, didit::client_config::make(key).value());
    std::vector<std::int64_t> expected(97);
    for (std::int64_t i = 0; i < 97; ++i)
        expected[static_cast<std::size_t>(i)] = 97 - i;
    for (const std::int64_t limit : {1, 2, 10, 96, 97, 100}) {
        INFO("limit " << limit);
        CHECK(traverse(client, {.limit = limit}) == expected);
    }
}

TEST_CASE("property: exactly once while sessions are created and deleted",
          "[traversal][property]") {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        emulator server{std::string(key)};
        didit::testing::session_generator generate(seed);
        server.sessions().kyc = generate.kyc(static_cast<std::size_t>(40 + seed % 50));
        server.sessions().kyb = generate.kyb(static_cast<std::size_t>(30 + seed % 40));
        const auto initial_kyc = server.sessions().kyc;
        const auto initial_kyb = server.sessions().kyb;
        const auto limit = static_cast<std::int64_t>(2 + seed % 9);
        // Pages of `limit` rows with one of overlap gain limit - 1 rows a request: creations
        // stay below that, or no traversal could catch up (see the next test).
        server.inject(
            {.created_between_requests = static_cast<int>(seed % 5) % static_cast<int>(limit - 1),
             .deleted_between_requests = static_cast<int>(seed % 7),
             .seed = seed});
        test_client client(server, didit::client_config::make(key).value());
        INFO("seed " << seed << ", limit " << limit);

        const auto kind = seed % 2 ? didit::session_kind::user : didit::session_kind::business;
        const auto yielded = traverse(client, {.session_kind = kind, .limit = limit});
        const auto& changes = server.sessions().changes;
        if (kind == didit::session_kind::user)
            check_exactly_once(yielded, initial_kyc, changes.created_kyc, changes.deleted_kyc);
        else
            check_exactly_once(yielded, initial_kyb, changes.created_kyb, changes.deleted_kyb);
    }
}

TEST_CASE("property: both kinds merged, each once, while sessions change",
          "[traversal][property]") {
    for (std::uint64_t seed = 1; seed <= 50; ++seed) {
        emulator server{std::string(key)};
        didit::testing::session_generator generate(seed);
        server.sessions().kyc = generate.kyc(50);
        server.sessions().kyb = generate.kyb(40);
        const auto initial_kyc = server.sessions().kyc;
        const auto initial_kyb = server.sessions().kyb;
        server.inject({.created_between_requests = 2, .deleted_between_requests = 3, .seed = seed});
        test_client kyc_client(server, didit::client_config::make(key).value());
        test_client kyb_client(server, didit::client_config::make(key).value());
        std::vector<std::int64_t> kyc_numbers, kyb_numbers;
        for (const auto& row : didit::all_rows(kyc_client, kyb_client, {.limit = 7})) {
            REQUIRE(row.has_value());
            (row->kind() == didit::row_kind::kyc ? kyc_numbers : kyb_numbers)
                .push_back(number_of(*row));
        }
        INFO("seed " << seed);
        // The KYB walk starts a request after the KYC walk, so sessions created in between are
        // part of its starting listing: for KYB the created-meanwhile check is left out.
        const auto& changes = server.sessions().changes;
        check_exactly_once(kyc_numbers, initial_kyc, changes.created_kyc, changes.deleted_kyc);
        check_exactly_once(kyb_numbers, initial_kyb, {}, changes.deleted_kyb);
    }
}

TEST_CASE("a listing that grows faster than it can be read ends in an error", "[traversal]") {
    emulator server{std::string(key)};
    server.sessions().kyc = didit::testing::session_generator(3).kyc(30);
    server.inject({.created_between_requests = 5, .seed = 3});
    test_client client(server, didit::client_config::make(key).value());
    std::vector<didit::errc> outcomes;
    for (const auto& row : didit::rows(client, {.limit = 3}))
        outcomes.push_back(row.code());
    REQUIRE_FALSE(outcomes.empty());
    CHECK(outcomes.back() == didit::errc::pagination_loop);
    CHECK(std::count(outcomes.begin(), outcomes.end(), didit::errc::pagination_loop) == 1);
}

TEST_CASE("a traversal lists one kind", "[traversal]") {
    emulator server{std::string(key)};
    test_client client(server, didit::client_config::make(key).value());
    std::vector<didit::errc> outcomes;
    for (const auto& row :
         didit::rows(client, didit::query{.session_kind = didit::session_kind::all}))
        outcomes.push_back(row.code());
    CHECK(outcomes == std::vector<didit::errc>{didit::errc::invalid_value}); // then the end
}

TEST_CASE("a failed request ends the traversal with its error", "[traversal]") {
    emulator server{std::string(key)};
    server.sessions().kyc = didit::testing::session_generator(4).kyc(10);
    server.sessions().kyb = didit::testing::session_generator(4).kyb(10);
    const auto outcomes_of = [](auto&& traversal) {
        std::vector<didit::errc> outcomes;
        for (const auto& row : traversal)
            outcomes.push_back(row.code());
        return outcomes;
    };
    SECTION("on the first page") {
        test_client wrong_key(server, didit::client_config::make("not-the-key").value());
        test_client also_wrong(server, didit::client_config::make("not-the-key").value());
        CHECK(outcomes_of(didit::rows(wrong_key, {.limit = 4})) ==
              std::vector<didit::errc>{didit::errc::forbidden});
        CHECK(outcomes_of(didit::all_rows(wrong_key, also_wrong, {.limit = 4})) ==
              std::vector<didit::errc>{didit::errc::forbidden, didit::errc::forbidden});
    }
    SECTION("on a later page") {
        test_client client(server, didit::client_config::make(key).value());
        std::vector<didit::errc> outcomes;
        for (const auto& row : didit::rows(client, {.limit = 4})) {
            outcomes.push_back(row.code());
            server.inject({.transport_failure_percent = 100}); // from the next request on
        }
        CHECK(outcomes == std::vector<didit::errc>{didit::errc::ok, didit::errc::ok,
                                                   didit::errc::ok, didit::errc::ok,
                                                   didit::errc::transport_failure});
    }
}

namespace {

// Serves a fixed listing at any limit and offset: the rows are JSON objects as text, sent as
// they are, whatever they hold.
struct fixed_listing {
    std::vector<std::string> rows;

    // The value of an integer parameter of `url`'s query, or `otherwise`.
    static std::int64_t parameter(std::string_view url, std::string_view name,
                                  std::int64_t otherwise) {
        for (const char separator : {'?', '&'}) {
            const auto at = url.find(std::string(1, separator) + std::string(name) + "=");
            if (at != std::string_view::npos)
                return std::stoll(std::string(url.substr(at + name.size() + 2)));
        }
        return otherwise;
    }

    didit::result<didit::buffered_response> operator()(const didit::http_request& request) const {
        const auto size = static_cast<std::int64_t>(rows.size());
        const auto offset =
            static_cast<std::size_t>(std::min(parameter(request.url, "offset", 0), size));
        const auto end = static_cast<std::size_t>(std::min(
            static_cast<std::int64_t>(offset) + parameter(request.url, "limit", 50), size));
        std::string body = R"({"count": )" + std::to_string(rows.size()) +
                           R"(, "next": null, "previous": null, "results": [)";
        for (auto i = offset; i < end; ++i)
            body += (i > offset ? ", " : "") + rows[i];
        return didit::buffered_response{200, {}, body + "]}"};
    }
};

std::string user_row(std::int64_t number) {
    return R"({"session_id": "5b3720ed-d429-42ef-b67f-37ea805f48ee", "session_kind": "user", )"
           R"("session_number": )" +
           std::to_string(number) +
           R"(, "status": "Approved", "created_at": "2026-06-09T12:00:00Z"})";
}

// A row's number and kind as the traversal yielded it, or its error.
struct outcome {
    outcome(std::int64_t n, didit::row_kind k = didit::row_kind::kyc)
        : number(n)
        , kind(k) {}
    outcome(didit::errc c, std::string_view at)
        : code(c)
        , path(at) {}

    std::int64_t number = 0;
    didit::row_kind kind = didit::row_kind::kyc;
    didit::errc code = didit::errc::ok;
    std::string path;
    friend bool operator==(const outcome&, const outcome&) = default;
};

std::ostream& operator<<(std::ostream& out, const outcome& o) {
    if (o.code != didit::errc::ok)
        return out << "error " << static_cast<int>(o.code) << " at " << o.path;
    return out << o.number << (o.kind == didit::row_kind::unknown ? " (unknown kind)" : "");
}

std::vector<outcome> traverse(const std::vector<std::string>& rows, std::int64_t limit) {
    didit::client<fixed_listing, no_wait> client(fixed_listing{rows},
                                                 didit::client_config::make(key).value());
    std::vector<outcome> outcomes;
    for (const auto& row : didit::rows(client, {.limit = limit})) {
        if (row)
            outcomes.push_back({number_of(*row), row->kind()});
        else
            outcomes.push_back({row.code(), row.error().path.view()});
    }
    return outcomes;
}

} // namespace

TEST_CASE("a row of an unknown kind is yielded in its place, not taken for a row seen already",
          "[traversal]") {
    using didit::row_kind;
    std::vector<std::string> rows;
    for (std::int64_t n = 9; n >= 1; --n)
        rows.push_back(user_row(n));
    rows[2] = R"({"session_kind": "robot", "session_number": 7})";
    rows[4] = R"({"session_number": 5, "status": "Approved"})";
    rows[6] = R"({"session_kind": null, "session_number": 3})";
    const std::vector<outcome> expected{
        {9, row_kind::kyc},     {8, row_kind::kyc},     {7, row_kind::unknown},
        {6, row_kind::kyc},     {5, row_kind::unknown}, {4, row_kind::kyc},
        {3, row_kind::unknown}, {2, row_kind::kyc},     {1, row_kind::kyc}};
    for (const std::int64_t limit : {2, 3, 4, 9, 100}) {
        INFO("limit " << limit);
        CHECK(traverse(rows, limit) == expected);
    }
}

TEST_CASE("a row the traversal cannot place ends it with an error that names the row",
          "[traversal]") {
    using didit::errc;
    using didit::row_kind;
    const auto error_at = [](std::string_view path) {
        return outcome(errc::unplaceable_row, path);
    };
    SECTION("a row without a session_number") {
        for (const auto& unplaceable :
             {std::string(R"({"session_kind": "robot"})"),
              std::string(R"({"session_number": "4"})"), std::string(R"({"session_number": 4.5})"),
              std::string(R"({"session_number": null})")}) {
            INFO(unplaceable);
            const std::vector<std::string> rows{user_row(6), user_row(5), unplaceable, user_row(3)};
            CHECK(traverse(rows, 10) == std::vector<outcome>{{6}, {5}, error_at("results[2]")});
            CHECK(traverse(rows, 2) == std::vector<outcome>{{6}, {5}, error_at("results[1]")});
        }
    }
    SECTION("a number repeated") {
        const std::vector<std::string> rows{user_row(6), user_row(5), user_row(5), user_row(4)};
        CHECK(traverse(rows, 10) == std::vector<outcome>{{6}, {5}, error_at("results[2]")});
        CHECK(traverse(rows, 2) == std::vector<outcome>{{6}, {5}, error_at("results[1]")});
    }
    SECTION("rows out of order") {
        const std::vector<std::string> rows{user_row(1), user_row(2), user_row(3)};
        CHECK(traverse(rows, 10) == std::vector<outcome>{{1}, error_at("results[1]")});
    }
}

TEST_CASE("rows numbered zero or below are listed like any other", "[traversal]") {
    std::vector<std::string> rows;
    for (std::int64_t n = 3; n >= -4; --n)
        rows.push_back(user_row(n));
    for (const std::int64_t limit : {2, 3, 100}) {
        INFO("limit " << limit);
        CHECK(traverse(rows, limit) ==
              std::vector<outcome>{{3}, {2}, {1}, {0}, {-1}, {-2}, {-3}, {-4}});
    }
}

namespace {

// A listing that grows faster than it can be read, near the largest offset: the first page
// asked for holds rows 100 to 91, every later one ten rows newer than any yielded.
struct growing_at_the_end_of_offsets {
    std::shared_ptr<std::vector<std::int64_t>> offsets_requested;

    didit::result<didit::buffered_response> operator()(const didit::http_request& request) const {
        offsets_requested->push_back(fixed_listing::parameter(request.url, "offset", 0));
        const std::int64_t newest = offsets_requested->size() == 1 ? 100 : 1000;
        std::string body = R"({"count": 0, "next": null, "previous": null, "results": [)";
        for (std::int64_t k = 0; k < 10; ++k)
            body += (k > 0 ? ", " : "") + user_row(newest - k);
        return didit::buffered_response{200, {}, body + "]}"};
    }
};

} // namespace

TEST_CASE("a traversal striding on near the largest offset never asks for a negative one",
          "[traversal]") {
    const auto offsets = std::make_shared<std::vector<std::int64_t>>();
    didit::client<growing_at_the_end_of_offsets, no_wait> client(
        growing_at_the_end_of_offsets{offsets}, didit::client_config::make(key).value());
    std::vector<didit::errc> outcomes;
    const auto start = std::numeric_limits<std::int64_t>::max() - 25;
    for (const auto& row : didit::rows(client, {.limit = 10, .offset = start}))
        outcomes.push_back(row.code());
    REQUIRE(outcomes.size() == 11); // rows 100 to 91, then the listing outruns the traversal
    CHECK(outcomes.back() == didit::errc::pagination_loop);
    CHECK(offsets->size() > 3);
    CHECK(
        std::all_of(offsets->begin(), offsets->end(), [&](std::int64_t o) { return o >= start; }));
}
