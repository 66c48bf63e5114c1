// listing_check: whether an export by `didit-sessions list` from `didit-sessions serve` holds
// exactly the sessions it should, each once. It generates the sessions `serve` holds (same
// seed, same count) and filters them with its own simple predicates, then reads the export
// with its own readers for each format.
//
//   listing_check SEED SESSIONS KIND STATUSES DATE_FROM FORMAT FILE [CHANGED]
//
// KIND is user, business or all; STATUSES a comma-separated list such as Approved,Declined;
// DATE_FROM a date (YYYY-MM-DD): rows created on or after it (UTC) are listed. CHANGED, when
// the sessions changed during the listing, names the ones created or deleted, a "KIND NUMBER"
// line each (as `serve` reports them): those may be listed or not, once at most; every other
// session is held to the rules above.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <didit/enums.hpp>
#include <didit/testing/generate.hpp>
#include <didit/timestamp.hpp>

namespace {

using identity = std::pair<std::string, std::int64_t>; // session_kind, session_number

[[noreturn]] void fail(const std::string& why) {
    std::fprintf(stderr, "listing_check: %s\n", why.c_str());
    std::exit(2);
}

std::set<std::string> split(std::string_view text) {
    std::set<std::string> items;
    for (std::size_t start = 0; start <= text.size();) {
        const auto comma = std::min(text.find(',', start), text.size());
        items.emplace(text.substr(start, comma - start));
        start = comma + 1;
    }
    return items;
}

template<class Session>
void expect(std::set<identity>& expected, const std::vector<Session>& sessions,
            const std::string& kind, const std::set<std::string>& statuses, didit::timestamp from) {
    for (const auto& s : sessions)
        if (statuses.count(std::string(didit::to_string(s.status))) && s.created_at >= from)
            expected.emplace(kind, s.session_number);
}

// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
std::vector<std::vector<std::string>> csv_records(const std::string& text) {
    std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        auto& field = records.back().back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            records.back().emplace_back();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            ++i;
            if (i + 1 < text.size()) records.emplace_back(1);
        } else {
            field += c;
        }
    }
    if (quoted) fail("a quoted CSV field is not closed");
    return records;
}

std::vector<identity> from_csv(const std::string& text) {
    const auto records = csv_records(text);
    const auto& header = records.front();
    std::size_t kind = header.size(), number = header.size();
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "session_kind") kind = i;
        if (header[i] == "session_number") number = i;
    }
    if (kind == header.size() || number == header.size()) fail("CSV header lacks the columns");
    std::vector<identity> rows;
    for (std::size_t r = 1; r < records.size(); ++r) {
        if (records[r].size() != header.size())
            fail("CSV record " + std::to_string(r) + " has " + std::to_string(records[r].size()) +
                 " fields");
        rows.emplace_back(records[r][kind], std::stoll(records[r][number]));
    }
    return rows;
}

// The value after "key": in one compact JSON object, up to the next comma or brace.
std::string member(const std::string& line, const std::string& key) {
    const auto at = line.find("\"" + key + "\":");
    if (at == std::string::npos) fail("no " + key + " in " + line.substr(0, 80));
    const auto start = at + key.size() + 3;
    auto value = line.substr(start, line.find_first_of(",}", start) - start);
    if (value.size() >= 2 && value.front() == '"') value = value.substr(1, value.size() - 2);
    return value;
}

std::vector<identity> from_ndjson(const std::string& text) {
    std::vector<identity> rows;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line.front() != '{' || line.back() != '}')
            fail("not one object per line: " + line.substr(0, 80));
        rows.emplace_back(member(line, "session_kind"), std::stoll(member(line, "session_number")));
    }
    return rows;
}

// The table: a header line, then KIND and NUMBER as the first two words of each line.
std::vector<identity> from_table(const std::string& text) {
    std::vector<identity> rows;
    std::istringstream lines(text);
    std::string line;
    if (!std::getline(lines, line) || line.rfind("KIND", 0) != 0) fail("no table header");
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        identity row;
        if (!(words >> row.first >> row.second)) fail("not a table row: " + line);
        rows.push_back(row);
    }
    return rows;
}

} // namespace

// The sessions a CHANGED file names.
std::set<identity> read_changed(const char* path) {
    std::ifstream file(path);
    if (!file) fail(std::string("cannot read ") + path);
    std::set<identity> changed;
    identity row;
    while (file >> row.first >> row.second)
        changed.insert(row);
    if (!file.eof()) fail(std::string("not KIND NUMBER lines: ") + path);
    return changed;
}

int main(int argc, char** argv) {
    if (argc != 8 && argc != 9)
        fail("usage: listing_check SEED SESSIONS KIND STATUSES DATE_FROM FORMAT FILE [CHANGED]");
    const auto seed = std::strtoull(argv[1], nullptr, 10);
    const auto count = std::strtoull(argv[2], nullptr, 10);
    const std::string kind = argv[3];
    const auto statuses = split(argv[4]);
    const auto from = didit::timestamp::parse(std::string(argv[5]) + "T00:00:00Z");
    if (!from) fail("DATE_FROM is not a date");
    const std::string format = argv[6];
    std::ifstream file(argv[7], std::ios::binary);
    if (!file) fail(std::string("cannot read ") + argv[7]);
    const std::string text{std::istreambuf_iterator<char>(file), {}};

    didit::testing::session_generator generate(seed); // as serve does: KYC first, then KYB
    const auto kyc = generate.kyc(static_cast<std::size_t>(count));
    const auto kyb = generate.kyb(static_cast<std::size_t>(count));
    std::set<identity> expected;
    if (kind != "business") expect(expected, kyc, "user", statuses, from.value());
    if (kind != "user") expect(expected, kyb, "business", statuses, from.value());

    const auto rows = format == "csv"      ? from_csv(text)
                      : format == "ndjson" ? from_ndjson(text)
                      : format == "table"
                          ? from_table(text)
                          : (fail("FORMAT is csv, ndjson or table"), std::vector<identity>{});
    const auto changed = argc == 9 ? read_changed(argv[8]) : std::set<identity>{};
    for (const auto& row : changed)
        expected.erase(row);
    std::map<identity, int> seen;
    for (const auto& row : rows)
        ++seen[row];
    int problems = 0;
    for (const auto& [row, times] : seen) {
        if (!expected.count(row) && !changed.count(row))
            ++problems, std::fprintf(stderr, "unexpected row %s %lld\n", row.first.c_str(),
                                     static_cast<long long>(row.second));
        else if (times != 1)
            ++problems, std::fprintf(stderr, "row %s %lld listed %d times\n", row.first.c_str(),
                                     static_cast<long long>(row.second), times);
    }
    for (const auto& row : expected)
        if (!seen.count(row))
            ++problems, std::fprintf(stderr, "missing row %s %lld\n", row.first.c_str(),
                                     static_cast<long long>(row.second));
    std::printf("%zu rows expected, %zu listed, %d problems\n", expected.size(), rows.size(),
                problems);
    return problems == 0 && !expected.empty() ? 0 : 1;
}
