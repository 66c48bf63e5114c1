// The exactly-once row traversal against the emulator while it creates and deletes sessions
// between requests: every session that exists throughout is yielded once, in order, checked
// against the emulator's own record of what changed.

#include <algorithm>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <random>
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

namespace {

// The emulator, creating before each request as many sessions as a schedule says for that
// request (of either kind at random), and deleting some at random.
struct scheduled_changes {
    emulator server;
    std::function<int(std::size_t request)> created;

    didit::result<didit::buffered_response> operator()(const didit::http_request& request) const {
        server.sessions().faults.created_between_requests = created(server.sessions().requests);
        return server(request);
    }
};

// The most requests the README promises for a traversal that yields `rows` rows.
std::int64_t request_bound(std::int64_t rows, std::int64_t limit) {
    const auto per_request = std::max<std::int64_t>(limit, 2) - 1;
    return 64 + 4 * ((rows + per_request - 1) / per_request);
}

} // namespace

TEST_CASE("property: a listing growing at any pace is read exactly once in few requests, or "
          "ends in pagination_loop",
          "[traversal][property]") {
    // Sessions created before request r, for pages of l rows. A steady pace, however fast, can
    // be kept up with; an erratic or accelerating one may end the traversal early.
    struct schedule {
        std::string name;
        bool steady;
        std::function<int(std::size_t r, std::int64_t l)> created;
    };
    const std::vector<schedule> schedules{
        {"a page per request", true, [](std::size_t, std::int64_t l) { return int(l); }},
        {"two pages per request", true, [](std::size_t, std::int64_t l) { return 2 * int(l); }},
        {"ten pages per request", true, [](std::size_t, std::int64_t l) { return 10 * int(l); }},
        {"bursts of five pages", false,
         [](std::size_t r, std::int64_t l) { return r % 7 == 3 ? 5 * int(l) : 0; }},
        {"random, up to four pages", false,
         [](std::size_t r, std::int64_t l) {
             return static_cast<int>((r * 2654435761U) % static_cast<std::size_t>(4 * l + 1));
         }},
        {"accelerating", false, [](std::size_t r, std::int64_t) { return static_cast<int>(r); }},
    };
    for (const auto& [name, steady, schedule] : schedules) {
        for (std::uint64_t seed = 1; seed <= 12; ++seed) {
            emulator server{std::string(key)};
            didit::testing::session_generator generate(seed);
            server.sessions().kyc = generate.kyc(static_cast<std::size_t>(60 + seed * 7));
            server.sessions().kyb = generate.kyb(static_cast<std::size_t>(60 + seed * 5));
            const auto initial_kyc = server.sessions().kyc;
            const auto initial_kyb = server.sessions().kyb;
            const auto limit = static_cast<std::int64_t>(2 + seed % 12);
            const auto kind = seed % 2 ? didit::session_kind::user : didit::session_kind::business;
            server.inject({.created_kyc_percent = kind == didit::session_kind::user ? 100 : 0,
                           .deleted_between_requests = static_cast<int>(seed % 3),
                           .seed = seed});
            const auto created = [&, schedule = schedule](std::size_t request) {
                return schedule(request, limit);
            };
            didit::client<scheduled_changes, no_wait> client(
                scheduled_changes{server, created}, didit::client_config::make(key).value());
            INFO(name << ", seed " << seed << ", limit " << limit);

            std::vector<std::int64_t> yielded;
            std::optional<didit::errc> failure;
            for (const auto& row : didit::rows(client, {.session_kind = kind, .limit = limit})) {
                if (!row) {
                    failure = row.code();
                    break;
                }
                yielded.push_back(number_of(*row));
            }
            const auto rows = static_cast<std::int64_t>(yielded.size());
            CHECK(static_cast<std::int64_t>(server.sessions().requests) <=
                  request_bound(rows, limit));
            if (steady) CHECK_FALSE(failure);
            if (failure) CHECK(*failure == didit::errc::pagination_loop);
            const auto& changes = server.sessions().changes;
            // A traversal that ended early has read the newest sessions down to its last row.
            auto below = std::numeric_limits<std::int64_t>::min();
            if (failure)
                below = yielded.empty() ? std::numeric_limits<std::int64_t>::max() : yielded.back();
            const auto kept = [&](const auto& initial) {
                auto sessions = initial;
                std::erase_if(sessions, [&](const auto& s) { return s.session_number < below; });
                return sessions;
            };
            if (kind == didit::session_kind::user)
                check_exactly_once(yielded, kept(initial_kyc), changes.created_kyc,
                                   changes.deleted_kyc);
            else
                check_exactly_once(yielded, kept(initial_kyb), changes.created_kyb,
                                   changes.deleted_kyb);
        }
    }
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

// What a traversal of pages of `limit` rows through `client` yields.
template<class Transport>
std::vector<outcome> outcomes_of(didit::client<Transport, no_wait>& client, std::int64_t limit) {
    std::vector<outcome> outcomes;
    for (const auto& row : didit::rows(client, {.limit = limit})) {
        if (row)
            outcomes.push_back({number_of(*row), row->kind()});
        else
            outcomes.push_back({row.code(), row.error().path.view()});
    }
    return outcomes;
}

std::vector<outcome> traverse(const std::vector<std::string>& rows, std::int64_t limit) {
    didit::client<fixed_listing, no_wait> client(fixed_listing{rows},
                                                 didit::client_config::make(key).value());
    return outcomes_of(client, limit);
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

TEST_CASE("a listing that fills every page with newer rows ends in pagination_loop",
          "[traversal]") {
    // Each request, a page of sessions newer than all before, however far the traversal looks.
    struct ever_newer {
        std::shared_ptr<std::int64_t> requests;
        didit::result<didit::buffered_response> operator()(const didit::http_request&) const {
            const auto newest = 1000 * ++*requests;
            std::string body = R"({"count": 0, "next": null, "previous": null, "results": [)";
            for (std::int64_t k = 0; k < 5; ++k)
                body += (k > 0 ? ", " : "") + user_row(newest - k);
            return didit::buffered_response{200, {}, body + "]}"};
        }
    };
    const auto requests = std::make_shared<std::int64_t>(0);
    didit::client<ever_newer, no_wait> client(ever_newer{requests},
                                              didit::client_config::make(key).value());
    std::vector<didit::errc> outcomes;
    for (const auto& row : didit::rows(client, {.limit = 5}))
        outcomes.push_back(row.code());
    REQUIRE(outcomes.size() == 6); // the first page, then the error
    CHECK(outcomes.back() == didit::errc::pagination_loop);
    CHECK(*requests == request_bound(5, 5));
}

namespace {

// Pages of rows in descending order but otherwise at random, numbers near the ends of int64
// among them: a listing no estimate can follow.
struct erratic_listing {
    std::shared_ptr<std::vector<std::int64_t>> offsets_requested;
    std::shared_ptr<std::mt19937_64> dice;

    std::int64_t draw() const {
        constexpr auto low = std::numeric_limits<std::int64_t>::min();
        constexpr auto high = std::numeric_limits<std::int64_t>::max();
        switch ((*dice)() % 4) {
        case 0:
            return low + static_cast<std::int64_t>((*dice)() % 8);
        case 1:
            return high - static_cast<std::int64_t>((*dice)() % 8);
        case 2:
            return static_cast<std::int64_t>((*dice)() % 64) - 32;
        default:
            return static_cast<std::int64_t>((*dice)());
        }
    }

    didit::result<didit::buffered_response> operator()(const didit::http_request& request) const {
        offsets_requested->push_back(fixed_listing::parameter(request.url, "offset", 0));
        const auto limit =
            static_cast<std::uint64_t>(fixed_listing::parameter(request.url, "limit", 50));
        // A short page now and then: the listing's end, as far as the traversal can tell.
        std::vector<std::int64_t> numbers(
            static_cast<std::size_t>((*dice)() % 4 == 0 ? (*dice)() % limit : limit));
        for (auto& n : numbers)
            n = draw();
        std::sort(numbers.rbegin(), numbers.rend());
        numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
        std::string body = R"({"count": )" + std::to_string((*dice)() % 1000) +
                           R"(, "next": null, "previous": null, "results": [)";
        for (std::size_t k = 0; k < numbers.size(); ++k)
            body += (k > 0 ? ", " : "") + user_row(numbers[k]);
        return didit::buffered_response{200, {}, body + "]}"};
    }
};

} // namespace

TEST_CASE("property: an erratic listing ends the traversal within its budget, offsets in range",
          "[traversal][property]") {
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        const auto offsets = std::make_shared<std::vector<std::int64_t>>();
        const auto limit = static_cast<std::int64_t>(2 + seed % 9);
        didit::client<erratic_listing, no_wait> client(
            erratic_listing{offsets, std::make_shared<std::mt19937_64>(seed)},
            didit::client_config::make(key).value());
        INFO("seed " << seed << ", limit " << limit);
        std::vector<std::int64_t> yielded;
        for (const auto& row : didit::rows(client, {.limit = limit})) {
            if (!row) {
                CHECK(row.code() == didit::errc::pagination_loop);
                break;
            }
            yielded.push_back(number_of(*row));
        }
        CHECK(std::adjacent_find(yielded.begin(), yielded.end(), std::less_equal<>()) ==
              yielded.end());
        CHECK(static_cast<std::int64_t>(offsets->size()) <=
              request_bound(static_cast<std::int64_t>(yielded.size()), limit));
        CHECK(std::all_of(offsets->begin(), offsets->end(), [](std::int64_t o) { return o >= 0; }));
    }
}

TEST_CASE("a listing that shrinks past the traversal's place is read to its end in few requests",
          "[traversal]") {
    // Rows 20 to 1; after the first page, every session from 20 down to 3 is deleted, so the
    // next page asked for lies past the end. The count (exact for KYC) says where the end is.
    struct shrinking {
        std::shared_ptr<fixed_listing> listing;
        std::shared_ptr<int> requests;
        didit::result<didit::buffered_response> operator()(const didit::http_request& r) const {
            if (++*requests == 2)
                listing->rows.erase(listing->rows.begin(), listing->rows.end() - 2);
            return (*listing)(r);
        }
    };
    auto listing = std::make_shared<fixed_listing>();
    for (std::int64_t n = 20; n >= 1; --n)
        listing->rows.push_back(user_row(n));
    const auto requests = std::make_shared<int>(0);
    didit::client<shrinking, no_wait> client(shrinking{listing, requests},
                                             didit::client_config::make(key).value());
    CHECK(outcomes_of(client, 5) == std::vector<outcome>{{20}, {19}, {18}, {17}, {16}, {2}, {1}});
    CHECK(*requests <= 5); // the first page, the empty one, the last row, then the last page
}
