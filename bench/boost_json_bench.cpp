// Boost.JSON on the same pages and fields: a DOM parsed from the page, then read. As its
// documentation advises for speed, one parser serves every page (it keeps its temporary storage
// between parses), and the DOM is built in a monotonic_resource over a buffer kept between pages
// and rewound before each page; values built there are freed all at once, not one by one. The
// buffer holds any page's DOM: Boost 1.81's release() does not reset the size of the next block
// the resource takes from the heap, so a buffer that fell short would take blocks twice as large
// page after page. Parsing is strict (its default options: no comments, no trailing commas,
// UTF-8 checked), as the other libraries read.
//
// Boost.JSON's sources are compiled into this translation unit (<boost/json/src.hpp>, its
// documented header-only use; no other file of the program may include it): the benchmark needs
// Boost's headers only, not the compiled libboost_json, and the parser is built with the
// benchmark's flags, as the other header-only peers are.

#include <boost/json/src.hpp>
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
namespace json = boost::json;

std::string_view text_of(const json::string& text) {
    return {text.data(), text.size()};
}

void walk(const json::value& value, reading& read) {
    switch (value.kind()) {
    case json::kind::object:
        for (const auto& member : value.get_object())
            walk(member.value(), read);
        break;
    case json::kind::array:
        for (const auto& item : value.get_array())
            walk(item, read);
        break;
    case json::kind::string:
        read.string(text_of(value.get_string()));
        break;
    case json::kind::int64:
        read.integer(value.get_int64());
        break;
    case json::kind::uint64: // an integer beyond int64's range: a number, as the others read it
        read.number(static_cast<double>(value.get_uint64()));
        break;
    case json::kind::double_:
        read.number(value.get_double());
        break;
    case json::kind::bool_:
        read.boolean(value.get_bool());
        break;
    case json::kind::null:
        read.null();
        break;
    }
}

void every_row(const json::value& parsed, reading& read) {
    for (const auto& row : parsed.as_object().at("results").as_array())
        walk(row, read);
}

void three_of_each_row(const json::value& parsed, reading& read) {
    for (const auto& row : parsed.as_object().at("results").as_array()) {
        const auto& object = row.as_object();
        for (const auto key : {"session_id", "status", "created_at"})
            read.string(text_of(object.at(key).as_string()));
    }
}

// The parser and the memory every page's DOM is built in, rewound before each page.
class reused_parser {
public:
    json::parser& empty() {
        memory_.release();
        parser_.reset(&memory_);
        return parser_;
    }

private:
    std::vector<unsigned char> buffer_ = std::vector<unsigned char>(16 << 20);
    json::monotonic_resource memory_{buffer_.data(), buffer_.size()};
    json::parser parser_;
};

template<void (*Read)(const json::value&, reading&)>
void dom(const std::string& page, reading& read) {
    static reused_parser reused;
    auto& parser = reused.empty();
    json::error_code error;
    parser.write(page.data(), page.size(), error);
    if (!error) Read(parser.release(), read);
}

void boost_json_dom_every_field(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::every_scalar, dom<every_row>);
}

void boost_json_dom_three_fields(benchmark::State& state, listing kind) {
    didit_bench::run_pages(state, kind, didit_bench::three_fields_of_rows, dom<three_of_each_row>);
}

DIDIT_BENCH_LISTINGS(boost_json_dom_every_field);
DIDIT_BENCH_LISTINGS(boost_json_dom_three_fields);

} // namespace
