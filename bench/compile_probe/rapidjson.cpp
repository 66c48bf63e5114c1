// The compile-time probe (bench/include_cost.sh) written with RapidJSON's DOM.
#include <cstdint>
#include <rapidjson/document.h>
#include <string_view>

std::int64_t sum_session_numbers(std::string_view body) {
    rapidjson::Document document;
    document.Parse(body.data(), body.size());
    if (document.HasParseError() || !document.IsObject()) return -1;
    const auto results = document.FindMember("results");
    if (results == document.MemberEnd() || !results->value.IsArray()) return -1;
    std::int64_t sum = 0;
    for (const auto& row : results->value.GetArray()) {
        if (!row.IsObject()) return -1;
        const auto number = row.FindMember("session_number");
        if (number != row.MemberEnd() && number->value.IsInt64()) sum += number->value.GetInt64();
    }
    return sum;
}
