#pragma once

// How the server splits a list value into items: at every ',', with items not trimmed and
// empty ones kept. `document_name` is the exception: it is split only when the value holds
// more than one " - " (the separator inside a document's name).

#include <cstddef>
#include <string_view>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

// Calls `item` with each comma-separated item of `text`, empty ones included, until it returns
// false; returns whether every item was taken.
template<class Item>
constexpr bool for_each_item(std::string_view text, Item item) {
    for (;;) {
        const auto comma = text.find(',');
        if (!item(text.substr(0, comma))) return false;
        if (comma == std::string_view::npos) return true;
        text.remove_prefix(comma + 1);
    }
}

// How many " - " `text` holds.
constexpr std::size_t count_name_separators(std::string_view text) {
    std::size_t count = 0;
    for (auto at = text.find(" - "); at != std::string_view::npos; at = text.find(" - ", at + 3))
        ++count;
    return count;
}

// Whether the server splits a `document_name` value that holds `separators` " - " at its commas.
constexpr bool splits_document_names(std::size_t separators) {
    return separators > 1;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
