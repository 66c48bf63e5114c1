// This library's decoding cases over the corpus's KYC, KYB and mixed pages: strict validation
// alone, every field of every row (decoded into rows, or walked as generic JSON values), and
// three fields of each row.

#include <didit/json.hpp>

#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "didit_reads.hpp"
#include "measure.hpp"

namespace {

using didit_bench::listing;

void didit_validate(benchmark::State& state, listing kind) {
    const auto& set = didit_bench::pages_of(kind);
    didit_bench::run(state, set.bytes, set.rows, [&] {
        for (const auto& page : set.pages) {
            auto checked = didit::json::validate(page);
            benchmark::DoNotOptimize(checked);
        }
    });
}

void didit_every_field(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::every_scalar, didit_bench::every_field);
}

// Every scalar of every row through the generic JSON values, as the peers read them: no row
// types, no UUID, timestamp or enumeration recognised.
void didit_generic_every_field(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::every_field, didit_bench::every_scalar);
}

void didit_three_fields(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::three_fields_of_rows,
                           didit_bench::three_fields);
}

DIDIT_BENCH_LISTINGS(didit_validate);
DIDIT_BENCH_LISTINGS(didit_every_field);
DIDIT_BENCH_LISTINGS(didit_generic_every_field);
DIDIT_BENCH_LISTINGS(didit_three_fields);

} // namespace
