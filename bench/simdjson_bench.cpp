// simdjson's On-Demand API on the same pages and fields, as its documentation recommends using
// it: one parser reused for every page, input padded (outside the timed loop), values read in
// document order. Its best kernel for this machine runs the cases named simdjson_ondemand; its
// scalar kernel, what it runs on a target without SIMD, those named simdjson_fallback: the
// like-for-like peer of this library, which uses no intrinsics. simdjson_dom_validate is the
// peer of this library's validation: On-Demand checks only what it reads, its DOM parser the
// whole document.

#include <simdjson.h>
#include <string>
#include <string_view>
#include <vector>

#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "didit_reads.hpp"
#include "measure.hpp"

namespace {

using didit_bench::listing;
using didit_bench::reading;
namespace ondemand = simdjson::ondemand;

void walk(ondemand::value value, reading& read) {
    switch (value.type()) {
    case ondemand::json_type::object:
        for (auto member : value.get_object())
            walk(member.value(), read);
        break;
    case ondemand::json_type::array:
        for (auto item : value.get_array())
            walk(item.value(), read);
        break;
    case ondemand::json_type::string:
        read.string(value.get_string().value());
        break;
    case ondemand::json_type::number: {
        ondemand::number number = value.get_number();
        if (number.is_int64())
            read.integer(number.get_int64());
        else
            read.number(number.as_double());
        break;
    }
    case ondemand::json_type::boolean:
        read.boolean(value.get_bool());
        break;
    case ondemand::json_type::null:
        read.null();
        break;
    }
}

// The pages, padded as simdjson needs them, built once per listing.
const std::vector<simdjson::padded_string>& padded(listing kind) {
    static const auto sets = [] {
        std::vector<std::vector<simdjson::padded_string>> all;
        for (const auto each : {listing::kyc, listing::kyb, listing::all}) {
            auto& set = all.emplace_back();
            for (const auto& page : didit_bench::pages_of(each).pages)
                set.emplace_back(page);
        }
        return all;
    }();
    return sets[static_cast<int>(kind)];
}

// Runs `read(document, reading)` over the padded twin of each page, with simdjson's kernel
// `kernel` ("" for the best this machine supports).
template<class Read>
void run_padded(benchmark::State& state, listing kind, std::string_view kernel,
                didit_bench::page_reader reference, Read read) {
    const auto& pages = didit_bench::pages_of(kind).pages;
    const auto& twins = padded(kind);
    const simdjson::implementation* best = simdjson::get_active_implementation();
    if (!kernel.empty()) {
        const auto* chosen = simdjson::get_available_implementations()[std::string(kernel)];
        if (chosen == nullptr) return state.SkipWithError("simdjson lacks the kernel");
        simdjson::get_active_implementation() = chosen;
    }
    ondemand::parser parser; // takes the active kernel when it first allocates
    didit_bench::run_pages(state, kind, reference, [&](const std::string& page, reading& r) {
        // run_pages hands out the elements of `pages` itself, so the twin has the same index.
        const auto index = static_cast<std::size_t>(&page - pages.data());
        ondemand::document document = parser.iterate(twins.at(index));
        read(document, r);
    });
    simdjson::get_active_implementation() = best;
}

// Each page validated whole by simdjson's DOM parser (with its best kernel), which also records
// the document's tape, as this library validates a page before it decodes any row.
void simdjson_dom_validate(benchmark::State& state, listing kind) {
    const auto& set = didit_bench::pages_of(kind);
    simdjson::dom::parser parser;
    for (const auto& twin : padded(kind)) // also sizes the parser for the largest page
        if (parser.parse(twin).error() != simdjson::SUCCESS)
            return state.SkipWithError("simdjson's DOM parser refused a page");
    didit_bench::run(state, set.bytes, set.rows, [&] {
        for (const auto& twin : padded(kind)) {
            auto parsed = parser.parse(twin);
            benchmark::DoNotOptimize(parsed);
        }
    });
}

void every_row(ondemand::document& document, reading& r) {
    for (auto row : document["results"])
        walk(row.value(), r);
}

void three_of_each_row(ondemand::document& document, reading& r) {
    for (auto item : document["results"]) {
        ondemand::object row = item.get_object();
        for (const auto key : {"session_id", "status", "created_at"})
            r.string(row[key].get_string().value());
    }
}

void simdjson_ondemand_every_field(benchmark::State& state, listing kind) {
    run_padded(state, kind, "", didit_bench::every_scalar, every_row);
}

void simdjson_ondemand_three_fields(benchmark::State& state, listing kind) {
    run_padded(state, kind, "", didit_bench::three_fields_of_rows, three_of_each_row);
}

void simdjson_fallback_every_field(benchmark::State& state, listing kind) {
    run_padded(state, kind, "fallback", didit_bench::every_scalar, every_row);
}

void simdjson_fallback_three_fields(benchmark::State& state, listing kind) {
    run_padded(state, kind, "fallback", didit_bench::three_fields_of_rows, three_of_each_row);
}

DIDIT_BENCH_LISTINGS(simdjson_dom_validate);
DIDIT_BENCH_LISTINGS(simdjson_ondemand_every_field);
DIDIT_BENCH_LISTINGS(simdjson_ondemand_three_fields);
DIDIT_BENCH_LISTINGS(simdjson_fallback_every_field);
DIDIT_BENCH_LISTINGS(simdjson_fallback_three_fields);

} // namespace
