#pragma once

// Random listing pages for tests: each row is generated as the server might send it (any
// member order, nulls, absent members, unknown members, every variant shape the reference
// shows, escapes and non-ASCII text) together with the canonical JSON that write_json must
// produce for it once decoded. The expectations are worked out here, from the reference's
// rules, not by the library.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "json_tree.hpp"

namespace didit_test {

// A time written as RFC 3339, in UTC ("Z") or as local time at an offset; std::chrono does the
// calendar arithmetic, as an oracle independent of the library.
inline std::string format_time(std::chrono::sys_time<std::chrono::microseconds> at,
                               int offset_minutes, bool fraction) {
    using namespace std::chrono;
    const auto local = at + minutes(offset_minutes);
    const auto day = floor<days>(local);
    const year_month_day ymd(day);
    const hh_mm_ss<microseconds> time(local - day);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d", int(ymd.year()),
                  unsigned(ymd.month()), unsigned(ymd.day()), int(time.hours().count()),
                  int(time.minutes().count()), int(time.seconds().count()));
    std::string out = text;
    if (fraction) {
        std::snprintf(text, sizeof text, ".%06d", int(time.subseconds().count()));
        out += text;
    }
    if (offset_minutes == 0) return out + "Z";
    const int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    std::snprintf(text, sizeof text, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', magnitude / 60,
                  magnitude % 60);
    return out + text;
}

struct generated_row {
    node wire;     // what the server sends
    node expected; // what write_json writes for it
};

class page_generator {
public:
    explicit page_generator(std::uint64_t seed)
        : random_(seed) {}

    std::mt19937_64& random() { return random_; }

    generated_row row() {
        const auto pick = random_() % 10;
        if (pick < 6) return kyc_row();
        if (pick < 9) return kyb_row();
        return unknown_row();
    }

    // A page of `rows` rows, with the page members in random order.
    node page(const std::vector<generated_row>& rows, std::int64_t count) {
        node results = node::array();
        for (const auto& r : rows)
            results.items.push_back(r.wire);
        node page = node::object();
        page.add("count", node::of(count));
        page.add("next", chance(50) ? node::null() : node::of(text()));
        page.add("previous", chance(50) ? node::null() : node::of(text()));
        page.add("results", results);
        shuffle(page);
        return page;
    }

    // Printable text with quotes, backslashes, control characters and non-ASCII.
    std::string text(std::size_t max_length = 24) {
        static const std::vector<std::uint32_t> specials{'"',    '\\',     '/',  '\n',   '\t',
                                                         0x01,   0x1F,     0xE9, 0x20AC, 0x1F600,
                                                         0x2028, 0x10FFFF, 0x7F, 0xFFFD, 0x4E2D};
        std::string out;
        const auto length = random_() % (max_length + 1);
        for (std::size_t i = 0; i < length; ++i) {
            if (chance(15))
                append_utf8(out, specials[static_cast<std::size_t>(random_() % specials.size())]);
            else
                out += static_cast<char>('a' + random_() % 26);
        }
        return out;
    }

private:
    bool chance(int percent) { return static_cast<int>(random_() % 100) < percent; }

    template<class T>
    const T& one_of(const std::vector<T>& options) {
        return options[static_cast<std::size_t>(random_() % options.size())];
    }

    void shuffle(node& object) {
        std::shuffle(object.members.begin(), object.members.end(), random_);
    }

    // Members the library does not know, to be skipped.
    void add_unknown_members(node& object) {
        while (chance(20)) {
            node junk =
                node::array({node::of(text()), node::object().add("x", node::of(std::int64_t{1}))});
            object.add("unknown_" + std::to_string(random_() % 1000),
                       chance(50) ? junk : node::of(text()));
        }
    }

    // The display name in either spelling the server uses.
    std::string spelled(const std::string& display) {
        if (chance(70)) return display;
        std::string upper;
        for (const char c : display)
            upper +=
                c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return upper;
    }

    // A value from a closed set, spelled as the server might; or text nobody knows, kept as is.
    void add_named(node& wire, node& expected, const std::string& key,
                   const std::vector<std::string>& names) {
        if (chance(10)) {
            const auto unknown = "Not a name " + text(6);
            wire.add(key, node::of(unknown));
            expected.add(key, node::of(unknown));
            return;
        }
        const auto& name = one_of(names);
        wire.add(key, node::of(spelled(name)));
        expected.add(key, node::of(name));
    }

    std::string hex_digits(std::size_t count, bool upper) {
        std::string out;
        for (std::size_t i = 0; i < count; ++i)
            out += (upper ? "0123456789ABCDEF" : "0123456789abcdef")[random_() % 16];
        return out;
    }

    void add_uuid(node& wire, node& expected, const std::string& key) {
        if (chance(10)) {
            const auto junk = chance(50) ? std::string("...") : "wf_" + text(8);
            wire.add(key, node::of(junk));
            expected.add(key, node::of(junk));
            return;
        }
        const bool upper = chance(20);
        std::string id = hex_digits(8, upper) + "-" + hex_digits(4, upper) + "-" +
                         hex_digits(4, upper) + "-" + hex_digits(4, upper) + "-" +
                         hex_digits(12, upper);
        wire.add(key, node::of(id));
        std::transform(id.begin(), id.end(), id.begin(), [](char c) {
            return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        });
        expected.add(key, node::of(id));
    }

    void add_timestamp(node& wire, node& expected, const std::string& key) {
        using namespace std::chrono;
        if (chance(5)) {
            const auto junk = "yesterday " + text(4);
            wire.add(key, node::of(junk));
            expected.add(key, node::of(junk));
            return;
        }
        // 1971 to 2070, whole seconds now and then.
        auto micros =
            static_cast<std::int64_t>(random_() % 3'155'760'000'000'000ULL) + 31'536'000'000'000LL;
        if (chance(30)) micros -= micros % 1'000'000;
        const sys_time<microseconds> at{microseconds(micros)};
        const int offset =
            chance(30) ? static_cast<int>(random_() % (2 * 14 * 60 + 1)) - 14 * 60 : 0;
        const bool whole_seconds = micros % 1'000'000 == 0;
        wire.add(key, node::of(format_time(at, offset, !whole_seconds || chance(50))));
        expected.add(key, node::of(format_time(at, 0, true)));
    }

    // A nullable member: absent, null, or what `add` adds.
    template<class Add>
    void maybe(node& wire, node& expected, const std::string& key, Add add) {
        const auto pick = random_() % 10;
        if (pick == 0) return;
        if (pick <= 2) {
            wire.add(key, node::null());
            expected.add(key, node::null());
            return;
        }
        add();
    }

    void add_text(node& wire, node& expected, const std::string& key) {
        maybe(wire, expected, key, [&] {
            const auto value = text();
            wire.add(key, node::of(value));
            expected.add(key, node::of(value));
        });
    }

    void add_bool(node& wire, node& expected, const std::string& key) {
        maybe(wire, expected, key, [&] {
            const bool value = chance(50);
            wire.add(key, node::of(value));
            expected.add(key, node::of(value));
        });
    }

    void add_score(node& wire, node& expected, const std::string& key) {
        maybe(wire, expected, key, [&] {
            const double value =
                chance(50) ? static_cast<double>(random_() % 101) / 100.0
                           : std::uniform_real_distribution<double>(-1e300, 1e300)(random_);
            wire.add(key, node::of(value));
            expected.add(key, node::of(value));
        });
    }

    // A nested object of optional members; `fill` adds them.
    template<class Fill>
    void add_object(node& wire, node& expected, const std::string& key, Fill fill) {
        maybe(wire, expected, key, [&] {
            node w = node::object(), e = node::object();
            fill(w, e);
            add_unknown_members(w);
            shuffle(w);
            wire.add(key, w);
            expected.add(key, e);
        });
    }

    void add_features(node& wire, node& expected) {
        static const std::vector<std::string> features{"ID_VERIFICATION",
                                                       "NFC",
                                                       "LIVENESS",
                                                       "FACE_MATCH",
                                                       "POA",
                                                       "QUESTIONNAIRE",
                                                       "EMAIL_VERIFICATION",
                                                       "PHONE",
                                                       "AML",
                                                       "IP_ANALYSIS",
                                                       "AGE_ESTIMATION",
                                                       "DATABASE_VALIDATION"};
        static const std::vector<std::string> statuses{"Not Finished", "Approved", "Declined",
                                                       "In Review", "Resub Requested"};
        maybe(wire, expected, "features", [&] {
            const auto count = random_() % 6;
            node expected_list = node::array();
            if (chance(30)) { // the comma-separated form, which has no statuses
                std::string joined;
                for (std::size_t i = 0; i < count; ++i) {
                    const auto name =
                        chance(90) ? one_of(features) : "NEW_STEP_" + std::to_string(i);
                    joined += (i ? (chance(50) ? "," : ", ") : "") + name;
                    expected_list.items.push_back(node::object().add("feature", node::of(name)));
                }
                wire.add("features", node::of(joined));
            } else {
                node wire_list = node::array();
                for (std::size_t i = 0; i < count; ++i) {
                    node w = node::object(), e = node::object();
                    add_named(w, e, "feature", features);
                    if (chance(90)) add_named(w, e, "status", statuses);
                    add_unknown_members(w);
                    shuffle(w);
                    wire_list.items.push_back(w);
                    expected_list.items.push_back(e);
                }
                wire.add("features", wire_list);
            }
            expected.add("features", expected_list);
        });
    }

    // A contact as an object, or as the plain string.
    void add_contact(node& wire, node& expected, const std::string& key,
                     const std::string& text_key) {
        maybe(wire, expected, key, [&] {
            const auto value = text();
            node e = node::object().add(text_key, node::of(value));
            if (chance(30)) {
                wire.add(key, node::of(value));
            } else {
                node w = node::object().add(text_key, node::of(value));
                add_bool(w, e, "is_verified");
                add_unknown_members(w);
                shuffle(w);
                wire.add(key, w);
            }
            expected.add(key, e);
        });
    }

    void add_additional_details(node& wire, node& expected) {
        add_object(wire, expected, "additional_details", [&](node& w, node& e) {
            add_object(w, e, "aml", [&](node& w2, node& e2) {
                maybe(w2, e2, "total_hits", [&] {
                    const auto hits = static_cast<std::int64_t>(random_() % 50);
                    w2.add("total_hits", node::of(hits));
                    e2.add("total_hits", node::of(hits));
                });
                add_text(w2, e2, "entity_type");
                add_bool(w2, e2, "is_adverse_media_fetched");
                add_object(w2, e2, "screened_data", [&](node& w3, node& e3) {
                    add_text(w3, e3, "nationality");
                    add_text(w3, e3, "document_number");
                    add_text(w3, e3, "date_of_birth");
                });
            });
            add_object(w, e, "database_validation", [&](node& w2, node& e2) {
                add_text(w2, e2, "validation_type");
                add_text(w2, e2, "match_type");
                add_text(w2, e2, "identification_number");
            });
            add_object(w, e, "poa", [&](node& w2, node& e2) {
                add_text(w2, e2, "document_type");
                add_text(w2, e2, "issuer");
                add_text(w2, e2, "address");
                add_text(w2, e2, "name_on_document");
            });
            add_object(w, e, "liveness", [&](node& w2, node& e2) {
                add_text(w2, e2, "method");
                add_score(w2, e2, "score");
            });
            add_object(w, e, "face_match", [&](node& w2, node& e2) {
                add_score(w2, e2, "score");
                add_text(w2, e2, "source_image");
                add_text(w2, e2, "target_image");
            });
            add_object(w, e, "phone_verification", [&](node& w2, node& e2) {
                add_text(w2, e2, "country_code");
                add_bool(w2, e2, "is_temporary");
                add_bool(w2, e2, "is_ported");
                add_bool(w2, e2, "is_blocked");
            });
            add_object(w, e, "email_verification", [&](node& w2, node& e2) {
                add_bool(w2, e2, "is_breached");
                add_bool(w2, e2, "is_disposable");
                add_bool(w2, e2, "is_undeliverable");
                add_bool(w2, e2, "is_blocklisted");
            });
        });
    }

    static const std::vector<std::string>& statuses() {
        static const std::vector<std::string> names{
            "Not Started", "In Progress", "Approved",    "Declined",    "In Review",
            "Expired",     "Abandoned",   "Kyc Expired", "Resubmitted", "Awaiting User"};
        return names;
    }

    void add_common(node& wire, node& expected, const std::string& kind) {
        wire.add("session_kind", node::of(kind));
        expected.add("session_kind", node::of(kind));
        add_uuid(wire, expected, "session_id");
        const auto number = static_cast<std::int64_t>(random_() >> (random_() % 64));
        wire.add("session_number", node::of(number));
        expected.add("session_number", node::of(number));
        add_named(wire, expected, "status", statuses());
        add_text(wire, expected, "vendor_data");
        add_timestamp(wire, expected, "created_at");
        add_text(wire, expected, "country");
    }

    generated_row kyc_row() {
        generated_row r{node::object(), node::object()};
        add_common(r.wire, r.expected, "user");
        add_text(r.wire, r.expected, "session_url");
        add_text(r.wire, r.expected, "portrait_image");
        maybe(r.wire, r.expected, "document_type", [&] {
            static const std::vector<std::pair<std::string, std::string>> types{
                {"Passport", "P"},
                {"Identity Card", "ID"},
                {"Driver's License", "DL"},
                {"Residence Permit", "RP"},
                {"Health Insurance Card", "HIC"},
                {"Tax Card", "TC"}};
            if (chance(10)) {
                const auto unknown = "Library Card " + text(4);
                r.wire.add("document_type", node::of(unknown));
                r.expected.add("document_type", node::of(unknown));
                return;
            }
            const auto& [display, code] = one_of(types);
            r.wire.add("document_type", node::of(chance(80) ? spelled(display) : code));
            r.expected.add("document_type", node::of(display));
        });
        add_text(r.wire, r.expected, "full_name");
        maybe(r.wire, r.expected, "didit_internal_id",
              [&] { add_uuid(r.wire, r.expected, "didit_internal_id"); });
        add_features(r.wire, r.expected);
        add_contact(r.wire, r.expected, "phone_number", "number");
        add_contact(r.wire, r.expected, "email_address", "email");
        add_additional_details(r.wire, r.expected);
        add_unknown_members(r.wire);
        shuffle(r.wire);
        return r;
    }

    generated_row kyb_row() {
        generated_row r{node::object(), node::object()};
        add_common(r.wire, r.expected, "business");
        maybe(r.wire, r.expected, "workflow_id",
              [&] { add_uuid(r.wire, r.expected, "workflow_id"); });
        add_text(r.wire, r.expected, "workflow_type");
        add_text(r.wire, r.expected, "workflow_label");
        add_text(r.wire, r.expected, "company_name");
        add_text(r.wire, r.expected, "registration_number");
        add_unknown_members(r.wire);
        shuffle(r.wire);
        return r;
    }

    // A row of a kind the library does not know: written back as it came.
    generated_row unknown_row() {
        node wire = node::object();
        const auto pick = random_() % 4;
        if (pick == 0) wire.add("session_kind", node::of(std::string("organisation")));
        if (pick == 1) wire.add("session_kind", node::null());
        if (pick == 2) wire.add("session_kind", node::of(std::int64_t{7}));
        wire.add("session_id", node::of(text()));
        add_unknown_members(wire);
        shuffle(wire);
        return {wire, wire};
    }

    std::mt19937_64 random_;
};

} // namespace didit_test
