#pragma once

// The sessions an emulated server holds, owning their text, and how the server writes each as
// a listing row. Test code: it allocates freely.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <didit/config.hpp>
#include <didit/detail/json_escaper.hpp>
#include <didit/detail/writer.hpp>
#include <didit/enums.hpp>
#include <didit/timestamp.hpp>
#include <didit/uuid.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::testing {

struct kyc_session {
    uuid session_id;
    std::int64_t session_number = 0;
    std::string session_url;
    std::optional<std::string> portrait_image;
    std::optional<didit::document_type> document_type;
    std::optional<std::string> full_name;
    std::optional<std::string> country; // ISO 3166-1 alpha-3
    didit::status status = didit::status::not_started;
    std::optional<std::string> vendor_data;
    std::optional<uuid> didit_internal_id;
    timestamp created_at;
    std::vector<std::pair<feature, feature_status>> features;
    std::optional<std::string> phone_number;
    std::optional<std::string> email_address;
    uuid workflow_id;
    // Not in the row, but filtered on.
    std::optional<std::string> document_name; // as document verification recognised it
    std::optional<std::string> document_number;
    std::optional<std::string> personal_number;
    std::optional<std::string> region; // of documents issued per region
    didit::session_type session_type = didit::session_type::api;
    std::optional<didit::api_service> api_service; // standalone API sessions
    std::optional<std::string> aml_screened_name;
    std::optional<std::string> database_validation_screened_name;
    std::vector<std::string> warnings; // risk codes raised
    bool initialized_in_review = false;
    std::optional<bool> kyc_to_be_reviewed;
    uuid euuid;
};

struct kyb_session {
    uuid session_id;
    std::int64_t session_number = 0;
    didit::status status = didit::status::not_started;
    std::optional<std::string> vendor_data;
    timestamp created_at;
    uuid workflow_id;
    std::string workflow_label;
    std::optional<std::string> company_name;
    std::optional<std::string> registration_number;
    std::optional<std::string> country; // of the registry company
    std::vector<std::string> warnings;  // risk codes raised
};

namespace detail {

class json_object_writer {
public:
    explicit json_object_writer(std::string& out)
        : out_(out) {
        out_ += '{';
    }
    ~json_object_writer() { out_ += '}'; }
    json_object_writer(const json_object_writer&) = delete;

    void key(std::string_view name) {
        if (!first_) out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += name;
        out_ += "\":";
    }
    void string(std::string_view name, std::string_view text) {
        key(name);
        quoted(text);
    }
    void nullable_string(std::string_view name, const std::optional<std::string>& text) {
        if (text) return string(name, std::string_view(*text));
        key(name);
        out_ += "null";
    }
    void number(std::string_view name, std::int64_t n) {
        key(name);
        out_ += std::to_string(n);
    }
    void id(std::string_view name, const uuid& u) {
        char text[uuid::text_size];
        u.to_chars(text);
        string(name, std::string_view(text, sizeof text));
    }
    void time(std::string_view name, const timestamp& t) {
        char text[timestamp::text_size];
        t.to_chars(text);
        string(name, std::string_view(text, sizeof text));
    }
    void quoted(std::string_view text) {
        out_ += '"';
        didit::detail::string_writer sink{out_};
        didit::detail::json_escaper<didit::detail::string_writer> escaped(sink);
        escaped.append(text);
        out_ += '"';
    }
    std::string& out() { return out_; }

private:
    std::string& out_;
    bool first_ = true;
};

} // namespace detail

// The row as the server writes it (OpenAPI schema, member order as in the reference).
inline void write_row(std::string& out, const kyc_session& s) {
    detail::json_object_writer row(out);
    row.id("session_id", s.session_id);
    row.string("session_kind", "user");
    row.number("session_number", s.session_number);
    row.string("session_url", std::string_view(s.session_url));
    row.nullable_string("portrait_image", s.portrait_image);
    row.nullable_string("document_type", s.document_type ? std::optional<std::string>(std::string(
                                                               display_name(*s.document_type)))
                                                         : std::nullopt);
    row.nullable_string("full_name", s.full_name);
    row.nullable_string("country", s.country);
    row.string("status", to_string(s.status));
    row.nullable_string("vendor_data", s.vendor_data);
    if (s.didit_internal_id)
        row.id("didit_internal_id", *s.didit_internal_id);
    else
        row.nullable_string("didit_internal_id", std::nullopt);
    row.time("created_at", s.created_at);
    row.key("features");
    out += '[';
    for (std::size_t i = 0; i < s.features.size(); ++i) {
        if (i) out += ',';
        detail::json_object_writer check(out);
        check.string("feature", to_string(s.features[i].first));
        check.string("status", to_string(s.features[i].second));
    }
    out += ']';
    row.key("phone_number");
    if (s.phone_number) {
        detail::json_object_writer phone(out);
        phone.string("number", std::string_view(*s.phone_number));
        phone.key("is_verified");
        out += "true";
    } else {
        out += "null";
    }
    row.key("email_address");
    if (s.email_address) {
        detail::json_object_writer email(out);
        email.string("email", std::string_view(*s.email_address));
        email.key("is_verified");
        out += "false";
    } else {
        out += "null";
    }
    row.key("additional_details");
    out += "null";
}

inline void write_row(std::string& out, const kyb_session& s) {
    detail::json_object_writer row(out);
    row.id("session_id", s.session_id);
    row.string("session_kind", "business");
    row.number("session_number", s.session_number);
    row.string("status", to_string(s.status));
    row.nullable_string("vendor_data", s.vendor_data);
    row.time("created_at", s.created_at);
    row.id("workflow_id", s.workflow_id);
    row.string("workflow_type", "kyb");
    row.string("workflow_label", std::string_view(s.workflow_label));
    row.nullable_string("company_name", s.company_name);
    row.nullable_string("registration_number", s.registration_number);
    row.nullable_string("country", s.country);
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::testing
