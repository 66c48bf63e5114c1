// The compile-time probe (bench/include_cost.sh) written with simdjson's On-Demand API.
#include <cstdint>
#include <simdjson.h>
#include <string_view>

std::int64_t sum_session_numbers(std::string_view body) {
    simdjson::ondemand::parser parser;
    const simdjson::padded_string padded(body);
    auto document = parser.iterate(padded);
    std::int64_t sum = 0;
    for (auto row : document["results"]) {
        std::int64_t number = 0;
        if (row["session_number"].get_int64().get(number) != simdjson::SUCCESS) return -1;
        sum += number;
    }
    return sum;
}
