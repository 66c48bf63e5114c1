// A listing through the client on the device, over the in-memory server: the pages it asks for
// (each URL and its API key checked), a 429 waited out on a clock of the test's own (the board
// has no system clock), every row number yielded by didit::pages and by the exactly-once
// didit::rows, a `next` link to another origin refused, and a refused key.

#include <charconv>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include <didit/client/client.hpp>
#include <didit/client/pages.hpp>
#include <didit/client/row_traversal.hpp>

#include "checks.hpp"
#include "fixed_text.hpp"
#include "groups.hpp"
#include "memory_server.hpp"

namespace device {

// Writable, as a key read from a device's storage.
char api_key[] = "device-key-7f3a";

// The listing of five approved KYC sessions, numbered 9 down to 5, in pages of 3 as the server
// writes them: from offset 0 and 3 (following `next`), and from offset 2 and 4 (where the
// exactly-once traversal asks, one row of overlap).
char page_at_0[] = R"({"count": 5,
 "next":
  "https://verification.didit.me/v3/sessions/?limit=3&offset=3&session_kind=user&status=Approved",
 "previous": null,
 "results": [
  {"session_id": "...", "session_kind": "user", "session_number": 9, "status": "Approved",
   "created_at": "2026-06-09T12:00:09Z"},
  {"session_id": "...", "session_kind": "user", "session_number": 8, "status": "Approved",
   "created_at": "2026-06-09T12:00:08Z"},
  {"session_id": "...", "session_kind": "user", "session_number": 7, "status": "Approved",
   "created_at": "2026-06-09T12:00:07Z"}]})";
char page_at_3[] = R"({"count": 5,
 "next": null,
 "previous":
  "https://verification.didit.me/v3/sessions/?limit=3&session_kind=user&status=Approved",
 "results": [
  {"session_id": "...", "session_kind": "user", "session_number": 6, "status": "Approved",
   "created_at": "2026-06-09T12:00:06Z"},
  {"session_id": "...", "session_kind": "user", "session_number": 5, "status": "Approved",
   "created_at": "2026-06-09T12:00:05Z"}]})";
char page_at_2[] = R"({"count": 5,
 "next":
  "https://verification.didit.me/v3/sessions/?limit=3&offset=5&session_kind=user&status=Approved",
 "previous":
  "https://verification.didit.me/v3/sessions/?limit=3&session_kind=user&status=Approved",
 "results": [
  {"session_id": "...", "session_kind": "user", "session_number": 7, "status": "Approved",
   "created_at": "2026-06-09T12:00:07Z"},
  {"session_id": "...", "session_kind": "user", "session_number": 6, "status": "Approved",
   "created_at": "2026-06-09T12:00:06Z"},
  {"session_id": "...", "session_kind": "user", "session_number": 5, "status": "Approved",
   "created_at": "2026-06-09T12:00:05Z"}]})";
char page_at_4[] = R"({"count": 5,
 "next": null,
 "previous":
  "https://verification.didit.me/v3/sessions/?limit=3&offset=1&session_kind=user&status=Approved",
 "results": [
  {"session_id": "...", "session_kind": "user", "session_number": 5, "status": "Approved",
   "created_at": "2026-06-09T12:00:05Z"}]})";
// A page whose `next` link leads to another origin, where the key must never go.
char page_leading_away[] = R"({"count": 2,
 "next":
  "https://didit.example.net/v3/sessions/?limit=1&offset=1&session_kind=user&status=Declined",
 "previous": null,
 "results": [
  {"session_id": "...", "session_kind": "user", "session_number": 4, "status": "Declined",
   "created_at": "2026-06-09T12:00:04Z"}]})";
char throttled[] = R"({"detail": "Request was throttled. Expected available in 2 seconds."})";

namespace {

constexpr std::string_view url_at_start =
    "https://verification.didit.me/v3/sessions/?limit=3&session_kind=user&status=Approved";
constexpr std::string_view url_at_0 =
    "https://verification.didit.me/v3/sessions/?limit=3&offset=0&session_kind=user&status=Approved";
constexpr std::string_view url_at_2 =
    "https://verification.didit.me/v3/sessions/?limit=3&offset=2&session_kind=user&status=Approved";
constexpr std::string_view url_at_3 =
    "https://verification.didit.me/v3/sessions/?limit=3&offset=3&session_kind=user&status=Approved";
constexpr std::string_view url_at_4 =
    "https://verification.didit.me/v3/sessions/?limit=3&offset=4&session_kind=user&status=Approved";
constexpr std::string_view url_declined =
    "https://verification.didit.me/v3/sessions/?limit=1&session_kind=user&status=Declined";

// Time for the client's retries. The board has no clock: this one stands still until the
// client waits, and then moves on by exactly the wait, which it records.
struct clock_state {
    std::int64_t now_ms = 0;
    std::int64_t waited_ms = 0;
    int waits = 0;
};

struct simulated_clock {
    clock_state* state;

    std::int64_t monotonic_ms() const { return state->now_ms; }
    std::int64_t unix_seconds() const { return 1'781'006'400 + state->now_ms / 1000; }
    void sleep_ms(std::int64_t milliseconds) const {
        state->now_ms += milliseconds;
        state->waited_ms += milliseconds;
        ++state->waits;
    }
};

using device_client = didit::client<memory_transport, simulated_clock>;

std::int64_t number_of(const didit::row& r) {
    return r.kind() == didit::row_kind::kyc ? r.kyc().session_number : -1;
}

// Row numbers as text, "9 8 7", so that a failure shows the whole sequence.
class number_list {
public:
    void add(std::int64_t number) {
        char digits[24];
        const auto written = std::to_chars(digits, digits + sizeof digits, number);
        if (text_.view().size() != 0) text_.append(" ");
        text_.append(std::string_view(digits, static_cast<std::size_t>(written.ptr - digits)));
    }
    std::string_view view() const { return text_.view(); }

private:
    fixed_text<64> text_;
};

constexpr didit::query approved{
    .session_kind = didit::session_kind::user,
    .limit = 3,
    .status = {didit::status::approved},
};

void pages_following_next(device_client& client, memory_server& server, clock_state& clock) {
    number_list numbers;
    std::int64_t pages = 0, errors = 0;
    for (const didit::result<didit::page>& page : didit::pages(client, approved)) {
        if (!page) {
            ++errors;
            continue;
        }
        ++pages;
        for (const didit::result<didit::row> row : page->results)
            numbers.add(row ? number_of(*row) : -1);
    }
    expect_equal("pages: the rows yielded", numbers.view(), "9 8 7 6 5");
    expect_equal("pages: pages", pages, 2);
    expect_equal("pages: errors", errors, 0);
    expect_equal("pages: requests, a retry after 429 included",
                 static_cast<std::int64_t>(server.requests()), 3);
    expect_equal("pages: first request", server.url(0), url_at_start);
    expect_equal("pages: the next link", server.url(1), url_at_3);
    expect_equal("pages: the retry", server.url(2), url_at_3);
    expect_equal("pages: requests with the API key",
                 static_cast<std::int64_t>(server.requests_with_key()), 3);
    expect_equal("pages: requests with Accept: application/json",
                 static_cast<std::int64_t>(server.requests_accepting_json()), 3);
    expect_equal("pages: waits", clock.waits, 1);
    expect_equal("pages: the wait Retry-After asked for", clock.waited_ms, 2000);
}

void rows_exactly_once(device_client& client, memory_server& server) {
    number_list numbers;
    std::int64_t errors = 0;
    for (const didit::result<didit::row>& row : didit::rows(client, approved)) {
        if (row)
            numbers.add(number_of(*row));
        else
            ++errors;
    }
    expect_equal("rows: every row once, in order", numbers.view(), "9 8 7 6 5");
    expect_equal("rows: errors", errors, 0);
    expect_equal("rows: requests", static_cast<std::int64_t>(server.requests()), 3);
    expect_equal("rows: first request", server.url(0), url_at_0);
    expect_equal("rows: at the last row yielded", server.url(1), url_at_2);
    expect_equal("rows: and again", server.url(2), url_at_4);
}

void next_link_to_another_origin(device_client& client, memory_server& server) {
    const didit::query declined{
        .session_kind = didit::session_kind::user,
        .limit = 1,
        .status = {didit::status::declined},
    };
    std::int64_t pages = 0;
    didit::errc last = didit::errc::ok;
    for (const didit::result<didit::page>& page : didit::pages(client, declined)) {
        if (page)
            ++pages;
        else
            last = page.code();
    }
    expect_equal("foreign next: the first page", pages, 1);
    expect_equal("foreign next: refused", last, didit::errc::foreign_origin);
    expect_equal("foreign next: nothing sent there", static_cast<std::int64_t>(server.requests()),
                 1);
    expect_equal("foreign next: the one request", server.url(0), url_declined);
}

// A board has no system clock, so a client left to the default time source gets the one that
// never waits (and needs no sleep() from the C library, which the board does not have).
static_assert(std::is_same_v<didit::default_time_source, didit::no_time>);

void refused_key(memory_server& server) {
    const auto config = didit::client_config::make("revoked-key");
    expect("a key of visible ASCII is accepted", config.has_value());
    if (!config) return;
    didit::client<memory_transport> client(memory_transport{&server}, config.value());
    const didit::result<didit::page> page = client.fetch_page(approved);
    expect_equal("refused key: the error", page.code(), didit::errc::forbidden);
    expect_equal("refused key: the server's detail", page.error().subject, "Invalid API key.");
    expect_equal("refused key: not retried", static_cast<std::int64_t>(server.requests()), 1);
}

} // namespace

void client_checks() {
    route routes[] = {
        {.url = url_at_start, .body = text_of(page_at_0)},
        {.url = url_at_3,
         .status = 429,
         .body = text_of(throttled),
         .retry_after = "2",
         .times = 1},
        {.url = url_at_3, .body = text_of(page_at_3)},
        {.url = url_at_0, .body = text_of(page_at_0)},
        {.url = url_at_2, .body = text_of(page_at_2)},
        {.url = url_at_4, .body = text_of(page_at_4)},
        {.url = url_declined, .body = text_of(page_leading_away)},
    };
    memory_server server(routes, text_of(api_key));
    clock_state clock;
    const auto config = didit::client_config::make(text_of(api_key));
    expect("the device's key makes a configuration", config.has_value());
    if (!config) return;
    device_client client(memory_transport{&server}, config.value(), simulated_clock{&clock});

    pages_following_next(client, server, clock);
    server.forget_requests();
    rows_exactly_once(client, server);
    server.forget_requests();
    next_link_to_another_origin(client, server);
    server.forget_requests();
    refused_key(server);
}

} // namespace device
