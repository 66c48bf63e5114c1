// nlohmann/json on the same pages and fields: a DOM parsed from the page, then read.

#include <nlohmann/json.hpp>
#include <string>

#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "didit_reads.hpp"
#include "measure.hpp"

namespace {

using didit_bench::listing;
using didit_bench::reading;
using json = nlohmann::json;

void walk(const json& value, reading& read) {
    switch (value.type()) {
    case json::value_t::object:
    case json::value_t::array:
        for (const auto& item : value)
            walk(item, read);
        break;
    case json::value_t::string:
        read.string(value.get_ref<const std::string&>());
        break;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        read.integer(value.get<std::int64_t>());
        break;
    case json::value_t::number_float:
        read.number(value.get<double>());
        break;
    case json::value_t::boolean:
        read.boolean(value.get<bool>());
        break;
    default:
        read.null();
        break;
    }
}

void nlohmann_dom_every_field(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::every_scalar,
                           [](const std::string& page, reading& read) {
                               const auto parsed = json::parse(page);
                               for (const auto& row : parsed["results"])
                                   walk(row, read);
                           });
}

void nlohmann_dom_three_fields(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::three_fields_of_rows,
                           [](const std::string& page, reading& read) {
                               const auto parsed = json::parse(page);
                               for (const auto& row : parsed["results"])
                                   for (const auto key : {"session_id", "status", "created_at"})
                                       read.string(row[key].get_ref<const std::string&>());
                           });
}

DIDIT_BENCH_LISTINGS(nlohmann_dom_every_field);
DIDIT_BENCH_LISTINGS(nlohmann_dom_three_fields);

} // namespace
