// RapidJSON on the same pages and fields: a DOM parsed from the page, and a DOM parsed in situ
// from a copy of it (the copy is timed: in-situ parsing overwrites its input). As its
// documentation advises for speed, one document and one memory pool serve every page, the pool
// backed by a buffer large enough for any page's DOM; strings are checked to be UTF-8, as the
// other libraries do. Its allocator draws on operator new, so that the allocation count sees
// any block it still needs.

#include <cstring>
#include <new>
#include <rapidjson/document.h>
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

struct counted_allocator {
    static const bool kNeedFree = true;
    void* Malloc(std::size_t size) { return size == 0 ? nullptr : ::operator new(size); }
    void* Realloc(void* old, std::size_t old_size, std::size_t new_size) {
        if (new_size == 0) return Free(old), nullptr;
        void* grown = ::operator new(new_size);
        if (old != nullptr) std::memcpy(grown, old, old_size < new_size ? old_size : new_size);
        Free(old);
        return grown;
    }
    static void Free(void* block) { ::operator delete(block); }
};

using document =
    rapidjson::GenericDocument<rapidjson::UTF8<>, rapidjson::MemoryPoolAllocator<counted_allocator>,
                               counted_allocator>;
using value = document::ValueType;

void walk(const value& v, reading& read) {
    if (v.IsObject()) {
        for (const auto& member : v.GetObject())
            walk(member.value, read);
    } else if (v.IsArray()) {
        for (const auto& item : v.GetArray())
            walk(item, read);
    } else if (v.IsString()) {
        read.string(std::string_view(v.GetString(), v.GetStringLength()));
    } else if (v.IsInt64()) {
        read.integer(v.GetInt64());
    } else if (v.IsNumber()) {
        read.number(v.GetDouble());
    } else if (v.IsBool()) {
        read.boolean(v.GetBool());
    } else {
        read.null();
    }
}

void every_row(const document& parsed, reading& read) {
    for (const auto& row : parsed["results"].GetArray())
        walk(row, read);
}

void three_of_each_row(const document& parsed, reading& read) {
    for (const auto& row : parsed["results"].GetArray())
        for (const auto key : {"session_id", "status", "created_at"})
            read.string(std::string_view(row[key].GetString(), row[key].GetStringLength()));
}

// The document and memory pool every page is parsed into, emptied before each page.
class reused_document {
public:
    document& empty() {
        pool_.Clear();
        return document_;
    }

private:
    std::vector<char> buffer_ = std::vector<char>(16 << 20);
    rapidjson::MemoryPoolAllocator<counted_allocator> pool_{buffer_.data(), buffer_.size()};
    document document_{&pool_};
};

constexpr unsigned parse_flags = rapidjson::kParseValidateEncodingFlag;

template<void (*Read)(const document&, reading&)>
void dom(const std::string& page, reading& read) {
    static reused_document reused;
    auto& parsed = reused.empty();
    parsed.Parse<parse_flags>(page.data(), page.size());
    if (!parsed.HasParseError()) Read(parsed, read);
}

// In situ: the page is copied into a buffer kept between pages, then parsed where it lies.
template<void (*Read)(const document&, reading&)>
void in_situ(const std::string& page, reading& read) {
    static std::vector<char> buffer;
    static reused_document reused;
    buffer.assign(page.begin(), page.end());
    buffer.push_back('\0');
    auto& parsed = reused.empty();
    parsed.ParseInsitu<parse_flags>(buffer.data());
    if (!parsed.HasParseError()) Read(parsed, read);
}

void rapidjson_dom_every_field(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::every_scalar, dom<every_row>);
}

void rapidjson_insitu_every_field(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::every_scalar, in_situ<every_row>);
}

void rapidjson_dom_three_fields(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::three_fields_of_rows, dom<three_of_each_row>);
}

DIDIT_BENCH_LISTINGS(rapidjson_dom_every_field);
DIDIT_BENCH_LISTINGS(rapidjson_insitu_every_field);
DIDIT_BENCH_LISTINGS(rapidjson_dom_three_fields);

} // namespace
