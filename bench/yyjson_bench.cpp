// yyjson on the same pages and fields: its read-only DOM, read with no flags (strict RFC 8259:
// no comments, trailing commas, Inf or NaN, UTF-8 checked), as the other libraries read. As its
// documentation advises for reading many documents, every page is read through one pool
// allocator over a buffer kept between pages, sized by yyjson_read_max_memory_usage for the
// largest page of any listing, so that reading a page takes nothing from the heap; each page's
// document is freed back into the pool. Its source is compiled beside the benchmark, unchanged
// (../shared/peers/yyjson, see SOURCE.md there).

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>
#include <yyjson.h>

#include <benchmark/benchmark.h>

#include "corpus.hpp"
#include "didit_reads.hpp"
#include "measure.hpp"

namespace {

using didit_bench::listing;
using didit_bench::reading;

constexpr yyjson_read_flag read_flags = YYJSON_READ_NOFLAG;

std::string_view text_of(const yyjson_val* value) {
    return {yyjson_get_str(value), yyjson_get_len(value)};
}

// A value of a type the others do not read (none with these flags) is left out of the reading,
// which then differs from the reference's.
void walk(yyjson_val* value, reading& read) {
    switch (yyjson_get_type(value)) {
    case YYJSON_TYPE_OBJ: {
        std::size_t index, count;
        yyjson_val *key, *member;
        yyjson_obj_foreach(value, index, count, key, member) walk(member, read);
        break;
    }
    case YYJSON_TYPE_ARR: {
        std::size_t index, count;
        yyjson_val* item;
        yyjson_arr_foreach(value, index, count, item) walk(item, read);
        break;
    }
    case YYJSON_TYPE_STR:
        read.string(text_of(value));
        break;
    case YYJSON_TYPE_NUM:
        // yyjson reads a non-negative integer as uint64, a negative one as int64.
        if (yyjson_is_sint(value))
            read.integer(yyjson_get_sint(value));
        else if (yyjson_is_uint(value) &&
                 yyjson_get_uint(value) <= std::numeric_limits<std::int64_t>::max())
            read.integer(static_cast<std::int64_t>(yyjson_get_uint(value)));
        else
            read.number(yyjson_get_num(value));
        break;
    case YYJSON_TYPE_BOOL:
        read.boolean(yyjson_get_bool(value));
        break;
    case YYJSON_TYPE_NULL:
        read.null();
        break;
    default:
        break;
    }
}

void every_row(yyjson_val* root, reading& read) {
    std::size_t index, count;
    yyjson_val* row;
    yyjson_arr_foreach(yyjson_obj_get(root, "results"), index, count, row) walk(row, read);
}

// The three are looked up through one iterator, in the order rows hold them, as yyjson's
// documentation advises when that order is known.
void three_of_each_row(yyjson_val* root, reading& read) {
    std::size_t index, count;
    yyjson_val* row;
    yyjson_arr_foreach(yyjson_obj_get(root, "results"), index, count, row) {
        auto fields = yyjson_obj_iter_with(row);
        for (const auto key : {"session_id", "status", "created_at"})
            read.string(text_of(yyjson_obj_iter_get(&fields, key)));
    }
}

// The pool every page of every case is read through.
class pool {
public:
    pool() {
        std::size_t largest = 0;
        for (const auto each : {listing::kyc, listing::kyb, listing::all})
            for (const auto& page : didit_bench::pages_of(each).pages)
                largest = page.size() > largest ? page.size() : largest;
        buffer_.resize(yyjson_read_max_memory_usage(largest, read_flags));
        yyjson_alc_pool_init(&allocator_, buffer_.data(), buffer_.size());
    }
    const yyjson_alc* allocator() const { return &allocator_; }

private:
    std::vector<char> buffer_;
    yyjson_alc allocator_{};
};

const yyjson_alc* page_pool() {
    static pool built; // (yyjson writes into its buffer)
    return built.allocator();
}

template<void (*Read)(yyjson_val*, reading&)>
void dom(const std::string& page, reading& read) {
    // Without YYJSON_READ_INSITU, yyjson reads the page without writing to it (it copies it into
    // the pool), as its documentation says: the cast to char* is safe.
    yyjson_doc* document = yyjson_read_opts(const_cast<char*>(page.data()), page.size(), read_flags,
                                            page_pool(), nullptr);
    if (document == nullptr) return;
    Read(yyjson_doc_get_root(document), read);
    yyjson_doc_free(document);
}

void yyjson_dom_every_field(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::every_scalar, dom<every_row>);
}

void yyjson_dom_three_fields(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::three_fields_of_rows, dom<three_of_each_row>);
}

DIDIT_BENCH_LISTINGS(yyjson_dom_every_field);
DIDIT_BENCH_LISTINGS(yyjson_dom_three_fields);

} // namespace
