#pragma once

// Rows printed for people and programs: a fixed-width table, CSV (RFC 4180) or NDJSON (one
// object per row, as write_json gives it). Streams: each row is printed as it comes.
//
// Row values reach a terminal only through terminal_text. The table is for people,
// so it is always escaped. CSV and NDJSON are data, exact in a file or a pipe; on a terminal,
// CSV cells are escaped as the table's are, and NDJSON with JSON's own \u escapes, so that it
// still holds the same data.

#include <array>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>

#include <didit/rows.hpp>

#include "terminal_text.hpp"

namespace didit_cli {

enum class row_format { table, csv, ndjson };

inline std::optional<row_format> parse_row_format(std::string_view name) {
    if (name == "table") return row_format::table;
    if (name == "csv") return row_format::csv;
    if (name == "ndjson") return row_format::ndjson;
    return std::nullopt;
}

// The text of a field: empty when absent or null.
template<class T>
std::string text_of(const didit::field<T>& f) {
    return didit::detail::written([&](auto& out) {
        if (f) didit::write_text(out, *f);
    });
}

template<didit::detail::textual T>
std::string text_of(const T& value) {
    return didit::detail::written([&](auto& out) { didit::write_text(out, value); });
}

// FEATURE:Status pairs joined by ';' (just FEATURE when the server sent no status).
inline std::string features_text(const didit::field<didit::feature_list>& features) {
    std::string text;
    if (!features) return text;
    for (const auto check : *features) {
        if (!text.empty()) text += ';';
        text += text_of(check.feature);
        if (check.status) text += ':' + text_of(*check.status);
    }
    return text;
}

// The columns of the table and of CSV, for both kinds of row.
inline constexpr std::array csv_columns{
    std::string_view("session_kind"),   std::string_view("session_id"),
    std::string_view("session_number"), std::string_view("status"),
    std::string_view("created_at"),     std::string_view("vendor_data"),
    std::string_view("name"),           std::string_view("country"),
    std::string_view("document_type"),  std::string_view("registration_number"),
    std::string_view("features"),       std::string_view("phone_number"),
    std::string_view("email_address")};

inline std::array<std::string, csv_columns.size()> cells_of(const didit::row& row) {
    std::array<std::string, csv_columns.size()> cells;
    if (row.session_kind()) cells[0] = text_of(*row.session_kind());
    if (row.kind() == didit::row_kind::kyc) {
        const auto& r = row.kyc();
        cells = {cells[0],
                 text_of(r.session_id),
                 std::to_string(r.session_number),
                 text_of(r.status),
                 text_of(r.created_at),
                 text_of(r.vendor_data),
                 text_of(r.full_name),
                 text_of(r.country),
                 text_of(r.document_type),
                 "",
                 features_text(r.features),
                 r.phone_number ? text_of(r.phone_number->number) : "",
                 r.email_address ? text_of(r.email_address->email) : ""};
    } else if (row.kind() == didit::row_kind::kyb) {
        const auto& r = row.kyb();
        cells = {cells[0],
                 text_of(r.session_id),
                 std::to_string(r.session_number),
                 text_of(r.status),
                 text_of(r.created_at),
                 text_of(r.vendor_data),
                 text_of(r.company_name),
                 text_of(r.country),
                 "",
                 text_of(r.registration_number),
                 "",
                 "",
                 ""};
    } else if (const auto object = row.source().get_object()) {
        // A kind this program does not know: the members named as columns, when they hold text,
        // a number or a boolean.
        for (std::size_t i = 1; i < csv_columns.size(); ++i) {
            const auto member = object->find_if_present(csv_columns[i]);
            if (!member) continue;
            if (const auto text = member->get_string())
                cells[i] = text->to_string();
            else if (member->kind() == didit::json::kind::number ||
                     member->kind() == didit::json::kind::boolean)
                cells[i] = member->raw();
        }
    }
    return cells;
}

class row_printer {
public:
    row_printer(std::FILE* out, row_format format)
        : out_(out)
        , format_(format)
        , to_terminal_(isatty(fileno(out)) != 0) {}

    void print(const didit::row& row) {
        if (!header_written_) write_header();
        switch (format_) {
        case row_format::ndjson:
            line(to_terminal_ ? terminal_text(didit::to_json(row), escapes::json)
                              : didit::to_json(row));
            break;
        case row_format::csv: {
            auto cells = cells_of(row);
            if (to_terminal_)
                for (auto& cell : cells)
                    cell = terminal_text(cell);
            csv_line(cells);
            break;
        }
        case row_format::table:
            table_line(cells_of(row));
            break;
        }
    }

private:
    // Table columns: which cell, its heading, its width in characters.
    struct table_column {
        std::size_t cell;
        std::string_view heading;
        std::size_t width;
    };
    static constexpr std::array<table_column, 6> table_columns{{{0, "KIND", 8},
                                                                {2, "NUMBER", 8},
                                                                {3, "STATUS", 13},
                                                                {4, "CREATED (UTC)", 19},
                                                                {7, "COUNTRY", 7},
                                                                {6, "NAME", 40}}};

    void write_header() {
        header_written_ = true;
        if (format_ == row_format::csv) {
            std::array<std::string, csv_columns.size()> headings;
            for (std::size_t i = 0; i < csv_columns.size(); ++i)
                headings[i] = csv_columns[i];
            csv_line(headings);
        } else if (format_ == row_format::table) {
            std::string text;
            for (const auto& column : table_columns)
                append_padded(text, column.heading, column);
            line(trim_right(text));
        }
    }

    void line(std::string_view text, std::string_view end = "\n") {
        std::fwrite(text.data(), 1, text.size(), out_);
        std::fwrite(end.data(), 1, end.size(), out_);
    }

    // RFC 4180: fields quoted when they hold a comma, quote or line break; CRLF between records.
    void csv_line(const std::array<std::string, csv_columns.size()>& cells) {
        std::string text;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) text += ',';
            const auto& cell = cells[i];
            if (cell.find_first_of(",\"\r\n") == std::string::npos) {
                text += cell;
                continue;
            }
            text += '"';
            for (const char c : cell)
                text += c == '"' ? std::string("\"\"") : std::string(1, c);
            text += '"';
        }
        line(text, "\r\n");
    }

    void table_line(const std::array<std::string, csv_columns.size()>& cells) {
        std::string text;
        for (const auto& column : table_columns) {
            auto cell = cells[column.cell];
            if (column.cell == 4 && cell.size() >= 19 && cell[10] == 'T')
                cell = cell.substr(0, 19), cell[10] = ' ';
            append_padded(text, terminal_text(cell), column);
        }
        line(trim_right(text));
    }

    // The cell on one line, cut to the column's width in characters, then padded.
    static void append_padded(std::string& text, std::string_view cell,
                              const table_column& column) {
        std::size_t characters = 0, i = 0;
        std::string shown;
        while (i < cell.size() && characters < column.width) {
            const auto step = didit::detail::next_utf8(cell.substr(i));
            shown += cell.substr(i, step.length);
            i += step.length;
            ++characters;
        }
        if (i < cell.size() && characters > 0) { // cut: end with an ellipsis
            auto last = shown.size() - 1;
            while (last > 0 && (static_cast<unsigned char>(shown[last]) & 0xC0) == 0x80)
                --last;
            shown.resize(last);
            shown += "\xE2\x80\xA6";
        }
        text += shown;
        text.append(column.width - characters + 2, ' ');
    }

    static std::string_view trim_right(const std::string& text) {
        const auto end = text.find_last_not_of(' ');
        return std::string_view(text).substr(0, end == std::string::npos ? 0 : end + 1);
    }

    std::FILE* out_;
    row_format format_;
    bool to_terminal_;
    bool header_written_ = false;
};

} // namespace didit_cli
