// The library on a Cortex-M4: a query built from settings read at run time, validated and
// encoded into a fixed buffer, and a page decoded row by row. No heap, no exceptions, no RTTI.
//
// build_cortex_m4.sh builds this file twice, as it is and with -DBASELINE (the library's calls
// left out, the same inputs still read), and takes the difference in .text as the library's
// part: its own code, inlined or not, and whatever it pulls in from the C and C++ runtimes.

#include <cstddef>
#include <cstdint>
#include <string_view>

#ifndef BASELINE
#include <didit/sessions.hpp>
#endif

// Writable and with external linkage, as a device's settings and a received body would be: the
// compiler cannot take them for constants, so neither build folds the work away.
char setting_status[] = "In Review";
char setting_date_from[] = "2026-06-01";
char setting_vendor_data[] = "device-7";
volatile std::int64_t setting_limit = 20;
char received_body[] = R"({
  "count": 2, "next": null, "previous": null,
  "results": [
    {"session_id": "5b3720ed-d429-42ef-b67f-37ea805f48ee", "session_kind": "user",
     "session_number": 720, "session_url": "https://verify.didit.me/session/CuXoBYCYVO5Y",
     "portrait_image": null, "document_type": "Passport", "full_name": "Jane Marie Doe",
     "country": "ESP", "status": "Approved", "vendor_data": "device-7",
     "didit_internal_id": "d9e78474-6c8d-4f2a-bb90-6f5c2f3a1147",
     "created_at": "2026-06-09T12:26:54.328364Z",
     "features": [{"feature": "ID_VERIFICATION", "status": "Approved"},
                  {"feature": "LIVENESS", "status": "Approved"},
                  {"feature": "FACE_MATCH", "status": "Approved"}],
     "phone_number": {"number": "+14155552671", "is_verified": true},
     "email_address": {"email": "jane@example.com", "is_verified": true},
     "additional_details": {"liveness": {"method": "PASSIVE", "score": 0.98},
                            "face_match": {"score": 0.95}}},
    {"session_id": "038ad62f-5ebd-46c2-afe9-4b2956bf687f", "session_kind": "user",
     "session_number": 719, "session_url": "https://verify.didit.me/session/7RGKiO6ioGH6",
     "portrait_image": null, "document_type": null, "full_name": null, "country": null,
     "status": "In Review", "vendor_data": "device-7",
     "didit_internal_id": "eb4e679d-ca4b-461f-9685-687bac29ebdb",
     "created_at": "2026-06-09T08:02:23.343053Z",
     "features": "ID_VERIFICATION,LIVENESS",
     "phone_number": "+14155550123", "email_address": null, "additional_details": null}]})";

// The encoded URL; with external linkage, so that writing it is not dead code.
char url[256];

namespace {

template<std::size_t N>
std::string_view text_of(const char (&text)[N]) {
    return {text, N - 1};
}

// Read in both builds, so that the baseline keeps every input the full build keeps.
std::uint32_t checksum(std::string_view text) {
    std::uint32_t sum = 0;
    for (const char c : text)
        sum = sum * 31 + static_cast<unsigned char>(c);
    return sum;
}

#ifndef BASELINE
std::uint32_t query_and_page() {
    didit::query q{
        .session_kind = didit::session_kind::user,
        .limit = setting_limit,
        .vendor_data = text_of(setting_vendor_data),
    };
    // Text from settings is read as the server reads it, with the same checks as literals.
    if (!q.status.try_push_back(didit::lenient<didit::status>::from_text(text_of(setting_status))))
        return 1;
    const didit::result<didit::date> from = didit::date::parse(text_of(setting_date_from));
    if (!from) return 2;
    q.date_from = *from;

    const didit::diagnostics findings = didit::validate(q);
    if (findings.has_errors()) return 3;
    const didit::result<std::size_t> url_size = didit::encode_url(q, url);
    if (!url_size) return 4;

    const didit::result<didit::page> page = didit::parse_page(text_of(received_body));
    if (!page) return 5;
    auto value = static_cast<std::uint32_t>(*url_size + findings.warning_count()) +
                 static_cast<std::uint32_t>(page->count);
    for (const didit::result<didit::row> row : page->results) {
        if (!row || row->kind() != didit::row_kind::kyc) {
            ++value;
            continue;
        }
        const didit::kyc_row& kyc = row->kyc();
        value += static_cast<std::uint32_t>(kyc.session_number);
        if (kyc.status == didit::status::approved) value += 100;
        if (kyc.full_name) value += static_cast<std::uint32_t>(kyc.full_name->decoded_size());
        if (kyc.created_at.known())
            value += static_cast<std::uint32_t>(kyc.created_at.value().date().day());
        for (const didit::feature_check check : kyc.features.value_or({}))
            if (check.status && *check.status == didit::feature_status::approved) ++value;
    }
    return value;
}
#endif

} // namespace

int main() {
    std::uint32_t value = checksum(text_of(setting_status)) + checksum(text_of(setting_date_from)) +
                          checksum(text_of(setting_vendor_data)) +
                          checksum(text_of(received_body)) +
                          static_cast<std::uint32_t>(setting_limit);
#ifndef BASELINE
    value += query_and_page() + checksum(url);
#else
    url[0] = static_cast<char>(value);
#endif
    return static_cast<int>(value & 0x7F);
}
