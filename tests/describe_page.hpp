#pragma once

// A page as text: why it does not parse, or each row as to_json writes it or why it does not
// decode. The functions are `static`: separate_compilation_test.cpp compiles them with the
// header-only library and separately_compiled.cpp with the separately compiled one, and each
// file keeps its own copy.

#include <string>
#include <string_view>

#include <didit/rows.hpp>

// The library's own one-line text of the error, and the byte offset it leaves out.
static std::string describe_error(const didit::error& failure) {
    return didit::to_string(failure) + " (offset " + std::to_string(failure.offset) + ")";
}

static std::string describe_page(std::string_view body) {
    const auto page = didit::parse_page(body);
    if (!page) return "page: " + describe_error(page.error());
    std::string text = "count " + std::to_string(page->count) + "\n";
    for (const auto row : page->results)
        text += (row ? didit::to_json(*row) : "row: " + describe_error(row.error())) + "\n";
    return text;
}
