#pragma once

// Oracle fixtures made by fixtures/make_fixtures.py from the server's own framework code
// (Django and Django REST Framework): one case a line, "<input as hex>\t<expected>".

#include <fstream>
#include <string>
#include <vector>

namespace didit_test {

struct oracle_case {
    std::string input;
    std::string expected;
};

// The canonical text of a date or UUID, as the fixtures write expected values.
template<class Value>
std::string text_of(const Value& value) {
    char text[Value::text_size];
    value.to_chars(text);
    return {text, Value::text_size};
}

inline std::vector<oracle_case> load_fixture(const std::string& name) {
    std::ifstream file(std::string(DIDIT_FIXTURES_DIR) + "/" + name);
    std::vector<oracle_case> cases;
    for (std::string line; std::getline(file, line);) {
        const auto tab = line.find('\t');
        oracle_case c;
        for (std::size_t i = 0; i + 1 < tab; i += 2)
            c.input.push_back(static_cast<char>(std::stoi(line.substr(i, 2), nullptr, 16)));
        c.expected = line.substr(tab + 1);
        cases.push_back(c);
    }
    return cases;
}

} // namespace didit_test
