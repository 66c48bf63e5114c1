// The exactly-once row traversal against the emulator while sessions are created and deleted
// between requests: every session that exists throughout is yielded once, in order.

#include <algorithm>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

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

// Before each request, creates and deletes sessions at random, and keeps the record.
class churning_transport {
public:
    struct record {
        std::set<std::int64_t> deleted;
        std::int64_t first_created = 0; // numbers from here on were created during the traversal
    };

    churning_transport(emulator server, std::uint64_t seed, int churn, std::shared_ptr<record> log)
        : server_(std::move(server))
        , random_(seed)
        , generate_(seed)
        , churn_(churn)
        , log_(std::move(log)) {}

    didit::result<didit::testing::emulator_response>
    operator()(const didit::http_request& request) {
        auto& kyc = server_.sessions().kyc;
        // Changes come between requests: the first request sees the listing as it starts.
        const int changes = log_->first_created == 0 ? 0 : churn_;
        if (log_->first_created == 0) log_->first_created = newest() + 1;
        for (int i = 0; i < changes; ++i) {
            if (random_() % 2 == 0 && !kyc.empty()) {
                const auto victim =
                    kyc.begin() + static_cast<std::ptrdiff_t>(random_() % kyc.size());
                log_->deleted.insert(victim->session_number);
                kyc.erase(victim);
            } else {
                const auto latest =
                    std::max_element(kyc.begin(), kyc.end(), [](const auto& a, const auto& b) {
                        return a.created_at < b.created_at;
                    });
                kyc.push_back(generate_.next_kyc(newest() + 1, latest->created_at));
            }
        }
        return server_(request);
    }

private:
    std::int64_t newest() const {
        std::int64_t n = 0;
        for (const auto& s : server_.sessions().kyc)
            n = std::max(n, s.session_number);
        for (const auto d : log_->deleted)
            n = std::max(n, d);
        return n;
    }

    emulator server_;
    std::mt19937_64 random_;
    didit::testing::session_generator generate_;
    int churn_;
    std::shared_ptr<record> log_;
};

std::vector<std::int64_t> traverse(didit::client<churning_transport, no_wait>& client,
                                   std::int64_t limit) {
    std::vector<std::int64_t> numbers;
    for (const auto& row : didit::rows(client, didit::query{.limit = limit})) {
        REQUIRE(row.has_value());
        numbers.push_back(row->kyc().session_number);
    }
    return numbers;
}

} // namespace

TEST_CASE("a quiet listing is traversed row by row, each once", "[traversal]") {
    emulator server{std::string(key)};
    server.sessions().kyc = didit::testing::session_generator(5).kyc(97);
    auto log = std::make_shared<churning_transport::record>();
    didit::client<churning_transport, no_wait> client(churning_transport(server, 5, 0, log),
                                                      didit::client_config::make(key).value());
    std::vector<std::int64_t> expected(97);
    for (std::int64_t i = 0; i < 97; ++i)
        expected[static_cast<std::size_t>(i)] = 97 - i;
    for (const std::int64_t limit : {1, 2, 10, 96, 97, 100}) {
        INFO("limit " << limit);
        CHECK(traverse(client, limit) == expected);
    }
}

TEST_CASE("property: exactly once while sessions are created and deleted",
          "[traversal][property]") {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        emulator server{std::string(key)};
        const auto initial = didit::testing::session_generator(seed).kyc(40 + seed % 50);
        server.sessions().kyc = initial;
        auto log = std::make_shared<churning_transport::record>();
        const int churn = static_cast<int>(seed % 7);
        didit::client<churning_transport, no_wait> client(
            churning_transport(server, seed, churn, log), didit::client_config::make(key).value());
        const auto limit = static_cast<std::int64_t>(2 + seed % 9);
        const auto yielded = traverse(client, limit);
        INFO("seed " << seed << ", churn " << churn << ", limit " << limit);

        CHECK(std::is_sorted(yielded.rbegin(), yielded.rend()));
        CHECK(std::adjacent_find(yielded.begin(), yielded.end()) == yielded.end()); // no repeats
        std::set<std::int64_t> seen(yielded.begin(), yielded.end());
        for (const auto& s : initial) {
            if (log->deleted.count(s.session_number)) continue; // may or may not be yielded
            INFO("session " << s.session_number << " existed throughout");
            CHECK(seen.count(s.session_number) == 1);
        }
        for (const auto n : yielded)
            CHECK(n < log->first_created); // none created meanwhile
    }
}

TEST_CASE("a traversal lists one kind", "[traversal]") {
    emulator server{std::string(key)};
    auto log = std::make_shared<churning_transport::record>();
    didit::client<churning_transport, no_wait> client(churning_transport(server, 1, 0, log),
                                                      didit::client_config::make(key).value());
    std::vector<didit::errc> outcomes;
    for (const auto& row :
         didit::rows(client, didit::query{.session_kind = didit::session_kind::all}))
        outcomes.push_back(row.code());
    CHECK(outcomes == std::vector<didit::errc>{didit::errc::invalid_value}); // then the end
}
