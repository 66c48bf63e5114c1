#pragma once

// An in-memory server for GET /v3/sessions/, usable as a transport: point a client at it and
// test offline. It reads every query through the library's own parsing and validation, so it
// answers 400 exactly when the server does, and it pages, orders and links as the reference
// describes. Copies share one store, so a test can change the sessions between two requests.
// Test code: it allocates freely.

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <didit/client/buffered_response.hpp>
#include <didit/client/pages.hpp>
#include <didit/client/transport.hpp>
#include <didit/client/url.hpp>
#include <didit/config.hpp>
#include <didit/query/encode.hpp>
#include <didit/query/form.hpp>
#include <didit/query/messages.hpp>
#include <didit/query/parse.hpp>
#include <didit/query/validate.hpp>
#include <didit/result.hpp>
#include <didit/testing/generate.hpp>
#include <didit/testing/sessions.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::testing {

namespace detail {

// ASCII case folding for search: enough for the generated names.
// The base letter of a Latin letter with a diacritic (U+00C0 to U+017F), or 0.
inline char base_letter(std::uint32_t code) {
    // U+00C0..U+00FF, then U+0100..U+017F; '\0' where there is no single base letter.
    constexpr std::string_view latin1 = "AAAAAAACEEEEIIII"
                                        "DNOOOOO\0OUUUUYTs"
                                        "aaaaaaaceeeeiiii"
                                        "dnooooo\0ouuuuyty";
    constexpr std::string_view extended_a =
        "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi"
        "\0\0JjKkkLlLlLlLlLlNnNnNnnNnOoOoOo\0\0RrRrRrSsSsSsSsTtTtTt"
        "UuUuUuUuUuUuWwYyYZzZzZzs";
    if (code >= 0xC0 && code <= 0xFF) return latin1[code - 0xC0];
    if (code >= 0x100 && code <= 0x17F) return extended_a[code - 0x100];
    return '\0';
}

// Case- and accent-insensitive text, as the server compares names: letters of Latin-1 and
// Latin Extended-A lose their diacritics, ASCII letters their case.
inline std::string folded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto step = didit::detail::next_utf8(text.substr(i));
        std::uint32_t code = static_cast<unsigned char>(text[i]);
        if (step.valid && step.length == 2)
            code = ((code & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
        const char base = step.length == 2 ? base_letter(code) : '\0';
        if (base != '\0')
            out += didit::detail::to_lower(base);
        else if (step.length == 1)
            out += didit::detail::to_lower(text[i]);
        else
            out += text.substr(i, step.length);
        i += step.length;
    }
    return out;
}

inline bool contains_folded(const std::optional<std::string>& haystack, std::string_view needle) {
    return haystack && folded(*haystack).find(folded(needle)) != std::string::npos;
}

inline bool digits_only(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return didit::detail::is_digit(c) || c == '+' || c == '-' || c == '.' || c == ' ';
    });
}

inline std::string only_digits(std::string_view text) {
    std::string out;
    for (const char c : text)
        if (didit::detail::is_digit(c)) out += c;
    return out;
}

template<class Session>
bool in_status(const query& q, const Session& s) {
    if (q.status.empty()) return true;
    return std::any_of(q.status.begin(), q.status.end(),
                       [&](const auto& item) { return item == lenient<didit::status>(s.status); });
}

template<class Session>
bool in_workflows(const query& q, const Session& s) {
    if (q.workflow_id.empty()) return true;
    return std::any_of(q.workflow_id.begin(), q.workflow_id.end(),
                       [&](const auto& item) { return item == lenient<uuid>(s.workflow_id); });
}

template<class Session>
bool in_countries(const query& q, const Session& s) {
    if (q.country.empty()) return true;
    return s.country && std::find(q.country.begin(), q.country.end(),
                                  std::string_view(*s.country)) != q.country.end();
}

inline std::string text_of_date(const date& d) {
    char text[date::text_size];
    d.to_chars(text);
    return {text, sizeof text};
}

template<class Session>
bool in_dates(const query& q, const Session& s, bool to_is_midnight) {
    if (!q.date_from && !q.date_to) return true;
    const auto day = s.created_at.date();
    if (q.date_from && day < *q.date_from) return false;
    if (!q.date_to) return true;
    if (!to_is_midnight) return !(*q.date_to < day);
    // KYB rows compare date_to with its midnight, as the server's datetime field does.
    const auto midnight = timestamp::parse(text_of_date(*q.date_to) + "T00:00:00Z").value();
    return !(midnight < s.created_at);
}

template<class Session>
bool raised_warning(const query& q, const Session& s) {
    if (q.warning.empty()) return true;
    return std::any_of(s.warnings.begin(), s.warnings.end(), [&](const std::string& code) {
        return std::find(q.warning.begin(), q.warning.end(), std::string_view(code)) !=
               q.warning.end();
    });
}

template<class Session>
bool common_filters(const query& q, const Session& s, bool kyb) {
    if (!q.vendor_data.empty() && (!s.vendor_data || *s.vendor_data != q.vendor_data)) return false;
    return in_status(q, s) && in_workflows(q, s) && in_countries(q, s) && in_dates(q, s, kyb) &&
           raised_warning(q, s);
}

// The search rules of the reference: a UUID finds a session; digits (with + - . and spaces)
// match a session-number or phone prefix, a document or personal number, or vendor_data; text
// with '@' an email prefix; other text names and vendor_data, and, when it holds digits, also
// document/personal numbers and session-number prefixes.
inline bool search_matches(const query& q, const kyc_session& s) {
    const auto term = didit::detail::strip(q.search);
    if (term.empty()) return true;
    if (const auto id = uuid::parse(term)) return id.value() == s.session_id;
    if (term.find('@') != std::string_view::npos)
        return s.email_address && folded(*s.email_address).starts_with(folded(term));
    const auto digits = only_digits(term);
    const auto numbers_match = [&](std::string_view needle) {
        return contains_folded(s.document_number, needle) ||
               contains_folded(s.personal_number, needle);
    };
    if (digits_only(term)) {
        return std::to_string(s.session_number).starts_with(digits) ||
               (s.phone_number && only_digits(*s.phone_number).starts_with(digits)) ||
               numbers_match(term) || contains_folded(s.vendor_data, term);
    }
    if (contains_folded(s.full_name, term) || contains_folded(s.vendor_data, term)) return true;
    return !digits.empty() &&
           (numbers_match(term) || std::to_string(s.session_number).starts_with(digits));
}

inline bool search_matches(const query& q, const kyb_session& s) {
    const auto term = didit::detail::strip(q.search);
    if (term.empty()) return true;
    if (const auto id = uuid::parse(term)) return id.value() == s.session_id;
    return std::to_string(s.session_number).starts_with(term) ||
           contains_folded(s.company_name, term) || contains_folded(s.registration_number, term) ||
           contains_folded(s.vendor_data, term);
}

template<class Item, class Value>
bool any_item(const query_list<Item>& items, const Value& value) {
    return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item == value; });
}

inline bool in_text_list(const query_list<std::string_view>& items,
                         const std::optional<std::string>& value) {
    return items.empty() || (value && std::find(items.begin(), items.end(),
                                                std::string_view(*value)) != items.end());
}

// session_type: ALL in the list, or no list, disables the filter.
inline bool of_session_type(const query& q, const kyc_session& s) {
    if (q.session_type.empty() ||
        any_item(q.session_type, lenient<session_type>(session_type::all)))
        return true;
    return any_item(q.session_type, lenient<session_type>(s.session_type));
}

// Screened names searched accent-insensitively (ASCII folding here); api_service AML or
// DATABASE_VALIDATION narrows the search to that feature's data.
inline bool screened_as(const query& q, const kyc_session& s) {
    if (q.screened_full_name.empty()) return true;
    const bool aml = !q.api_service || *q.api_service == api_service::aml;
    const bool validation = !q.api_service || *q.api_service == api_service::database_validation;
    return (aml && contains_folded(s.aml_screened_name, q.screened_full_name)) ||
           (validation &&
            contains_folded(s.database_validation_screened_name, q.screened_full_name));
}

// Filters that apply to KYC rows only; KYB rows ignore them.
inline bool kyc_only_filters(const query& q, const kyc_session& s) {
    if (q.didit_internal_id && s.didit_internal_id != q.didit_internal_id) return false;
    if (q.euuid && s.euuid != *q.euuid) return false;
    if (!q.document_type.empty() &&
        !(s.document_type && any_item(q.document_type, lenient<document_type>(*s.document_type))))
        return false;
    if (!in_text_list(q.document_name, s.document_name) || !in_text_list(q.region, s.region))
        return false;
    if (q.api_service && s.api_service != q.api_service) return false;
    if (q.status_initialized_as_in_review == true && !s.initialized_in_review) return false;
    if (q.is_kyc_to_be_reviewed && s.kyc_to_be_reviewed != q.is_kyc_to_be_reviewed) return false;
    return of_session_type(q, s) && screened_as(q, s);
}

inline bool kyc_only_filters(const query&, const kyb_session&) {
    return true;
}

} // namespace detail

// Failures the emulator injects, each request drawing at random (seeded): the ones a client
// must survive by retrying.
struct faults {
    int rate_limited_percent = 0; // 429 with Retry-After
    std::int64_t retry_after_seconds = 1;
    int server_error_percent = 0;      // 500, 502 or 503
    int transport_failure_percent = 0; // no response at all
    // Once this many requests have been answered in all, no response at all to any (0: never):
    // the server has gone away.
    std::size_t outage_after_requests = 0;
    // Before each request but the first after inject(): sessions created (newest of their
    // kind, KYC at this chance in percent) and deleted (any, of either kind at random).
    int created_between_requests = 0;
    int created_kyc_percent = 50;
    int deleted_between_requests = 0;
    std::uint64_t seed = 1;
};

// What changed while faults were injected: the emulator's own record, for checking a client.
struct change_record {
    std::vector<std::int64_t> created_kyc, created_kyb; // session numbers
    std::vector<std::int64_t> deleted_kyc, deleted_kyb;
};

class emulator {
public:
    struct store {
        std::string api_key;
        std::string organization_name = "Acme Verifications";
        std::vector<kyc_session> kyc;
        std::vector<kyb_session> kyb;
        std::size_t requests = 0;
        didit::testing::faults faults{};
        std::mt19937_64 dice{1};
        session_generator newcomers{1};
        bool first_since_inject = true;
        std::size_t injected = 0; // requests answered with an injected failure
        change_record changes;
    };

    explicit emulator(std::string api_key)
        : store_(std::make_shared<store>()) {
        store_->api_key = std::move(api_key);
    }

    store& sessions() const { return *store_; }

    // From now on, inject these failures.
    void inject(const faults& f) const {
        store_->faults = f;
        store_->dice.seed(f.seed);
        store_->newcomers = session_generator(f.seed);
        store_->first_since_inject = true;
        store_->changes = {};
    }

    result<buffered_response> operator()(const http_request& request) const {
        ++store_->requests;
        auto& f = store_->faults;
        if (!std::exchange(store_->first_since_inject, false)) change_sessions();
        const auto roll = [&] { return static_cast<int>(store_->dice() % 100); };
        if (f.outage_after_requests != 0 && store_->requests > f.outage_after_requests) {
            ++store_->injected;
            return error{errc::transport_failure, "connection refused (injected outage)"};
        }
        if (roll() < f.transport_failure_percent) {
            ++store_->injected;
            return error{errc::transport_failure, "connection reset (injected)"};
        }
        if (roll() < f.rate_limited_percent) {
            ++store_->injected;
            return buffered_response{429,
                                     {{"Retry-After", std::to_string(f.retry_after_seconds)}},
                                     R"({"detail":"Request was throttled."})"};
        }
        if (roll() < f.server_error_percent) {
            ++store_->injected;
            constexpr std::array statuses{500, 502, 503};
            return buffered_response{
                statuses[static_cast<std::size_t>(store_->dice() % statuses.size())], {}, ""};
        }
        return answer(request);
    }

private:
    template<class Session>
    static std::int64_t newest(const std::vector<Session>& sessions,
                               const std::vector<std::int64_t>& deleted) {
        std::int64_t number = 0;
        for (const auto& s : sessions)
            number = std::max(number, s.session_number);
        for (const auto n : deleted)
            number = std::max(number, n);
        return number;
    }

    template<class Session>
    static timestamp latest(const std::vector<Session>& sessions) {
        timestamp at;
        for (const auto& s : sessions)
            at = std::max(at, s.created_at);
        return at;
    }

    void change_sessions() const {
        auto& st = *store_;
        for (int i = 0; i < st.faults.created_between_requests; ++i) {
            if (static_cast<int>(st.dice() % 100) < st.faults.created_kyc_percent) {
                const auto number = newest(st.kyc, st.changes.deleted_kyc) + 1;
                st.kyc.push_back(st.newcomers.next_kyc(number, latest(st.kyc)));
                st.changes.created_kyc.push_back(number);
            } else {
                const auto number = newest(st.kyb, st.changes.deleted_kyb) + 1;
                st.kyb.push_back(st.newcomers.next_kyb(number, latest(st.kyb)));
                st.changes.created_kyb.push_back(number);
            }
        }
        for (int i = 0; i < st.faults.deleted_between_requests; ++i) {
            const bool kyc = st.dice() % 2 == 0;
            const auto remove = [&](auto& sessions, std::vector<std::int64_t>& deleted) {
                if (sessions.empty()) return;
                const auto victim =
                    sessions.begin() + static_cast<std::ptrdiff_t>(st.dice() % sessions.size());
                deleted.push_back(victim->session_number);
                sessions.erase(victim);
            };
            if (kyc)
                remove(st.kyc, st.changes.deleted_kyc);
            else
                remove(st.kyb, st.changes.deleted_kyb);
        }
    }

    static constexpr std::string_view forbidden_body =
        R"({"detail":"You do not have permission to perform this action."})";

    static buffered_response json(int code, std::string body) {
        return {code, {{"Content-Type", "application/json"}}, std::move(body)};
    }

    buffered_response answer(const http_request& request) const {
        const auto parts = parse_url_reference(request.url);
        if (!parts || parts->scheme.empty()) return json(400, R"({"detail":"Bad request."})");
        const auto& url = parts.value();
        // The 301 for the path without its slash comes first, with the query kept verbatim.
        if (url.path == "/v3/sessions") {
            std::string location = "/v3/sessions/";
            if (url.has_query) location += "?" + std::string(url.query);
            return {301, {{"Location", location}}, ""};
        }
        if (url.path != sessions_path) return json(404, R"({"detail":"Not found."})");
        // A 403 comes before any 400.
        const auto key = find_header(request.headers, "x-api-key");
        if (!key || *key != store_->api_key) return json(403, std::string(forbidden_body));
        // Authentication comes before the method check, as in the server's views.
        if (request.method != "GET" && request.method != "HEAD") {
            std::string body;
            detail::json_object_writer(body).string(
                "detail", "Method \"" + std::string(request.method) + "\" not allowed.");
            auto refused = json(405, std::move(body));
            refused.headers.emplace_back("Allow", "GET, HEAD");
            return refused;
        }

        std::string scratch(url.query.size(), '\0');
        std::array<raw_parameter, 256> raw{};
        const auto count = parse_form(url.query, scratch, raw);
        if (!count) return json(400, R"({"detail":"Too many parameters."})");
        const auto parsed = parse_query(std::span(raw.data(), count.value()));
        if (!parsed) return json(400, R"({"detail":"Bad request."})");
        if (parsed->findings.has_errors()) return json(400, error_body(parsed->findings));
        const std::string origin = std::string(url.scheme) + "://" + std::string(url.authority);
        return json(200, page(parsed->value, origin));
    }

    // Rows newest first, as the server orders them within each kind.
    template<class Session>
    static std::vector<const Session*> matching(const std::vector<Session>& all, const query& q,
                                                bool kyb) {
        std::vector<const Session*> rows;
        // Sessions are usually held oldest first: read backwards, they need no sorting.
        for (auto s = all.rbegin(); s != all.rend(); ++s)
            if (detail::common_filters(q, *s, kyb) && detail::search_matches(q, *s) &&
                detail::kyc_only_filters(q, *s))
                rows.push_back(&*s);
        const auto newer = [](const Session* a, const Session* b) {
            return a->session_number > b->session_number;
        };
        if (!std::is_sorted(rows.begin(), rows.end(), newer))
            std::sort(rows.begin(), rows.end(), newer);
        return rows;
    }

    std::string page(const query& q, const std::string& origin) const {
        // The key is scoped to one application: organization_name matches its organization or
        // nothing.
        const bool organization_matches =
            q.organization_name.empty() ||
            std::find(q.organization_name.begin(), q.organization_name.end(),
                      std::string_view(store_->organization_name)) != q.organization_name.end();
        const auto kind = q.session_kind.value_or(session_kind::user);
        const auto limit = effective_limit(q);
        const auto offset = effective_offset(q);
        const bool with_kyc = kind != session_kind::business && organization_matches;
        const bool with_kyb = kind != session_kind::user && organization_matches;
        const auto kyc =
            with_kyc ? matching(store_->kyc, q, false) : std::vector<const kyc_session*>{};
        const auto kyb =
            with_kyb ? matching(store_->kyb, q, true) : std::vector<const kyb_session*>{};
        // KYB counts come from a bounded scan, capped at 100.
        const auto kyb_count =
            std::min<std::int64_t>(static_cast<std::int64_t>(kyb.size()), kyb_count_cap);
        const auto count = static_cast<std::int64_t>(kyc.size()) + kyb_count;
        // With session_kind=all, next and previous follow the KYC side.
        const auto driving =
            static_cast<std::int64_t>(kind == session_kind::business ? kyb.size() : kyc.size());

        std::string out = "{\"count\":" + std::to_string(count) + ",\"next\":";
        // (offset + limit could overflow: the offset is the client's)
        out += offset < driving - limit ? link(q, origin, limit, offset + limit) : "null";
        out += ",\"previous\":";
        out += offset > 0 ? link(q, origin, limit, offset - limit) : "null";
        out += ",\"results\":[";
        bool first = true;
        const auto slice = [&](const auto& rows) {
            const auto size = static_cast<std::int64_t>(rows.size());
            const auto end = offset < size ? offset + std::min(limit, size - offset) : offset;
            for (auto i = offset; i < end; ++i) {
                if (!first) out += ',';
                first = false;
                write_row(out, *rows[static_cast<std::size_t>(i)]);
            }
        };
        slice(kyc);
        slice(kyb);
        out += "]}";
        return out;
    }

    // A page link as the server writes it: keys sorted, limit always, offset unless it is 0.
    static std::string link(query q, const std::string& origin, std::int64_t limit,
                            std::int64_t offset) {
        q.limit = limit;
        q.offset = offset > 0 ? std::optional<std::int64_t>(offset) : std::nullopt;
        return "\"" + to_url(q, origin) + "\"";
    }

    std::shared_ptr<store> store_;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI::testing
