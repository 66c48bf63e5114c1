#pragma once

// JSONTestSuite's test_parsing files, each read whole, for tests that compare two readings of
// every file. Only where the build found the suite (DIDIT_JSON_TEST_SUITE_DIR).

#ifdef DIDIT_JSON_TEST_SUITE_DIR

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace didit_test {

// Calls on_file(name, text) for each file of the suite; returns how many there were.
template<class OnFile>
std::size_t for_each_json_test_suite_file(OnFile on_file) {
    std::size_t files = 0;
    for (const auto& entry :
         std::filesystem::directory_iterator(std::filesystem::path(DIDIT_JSON_TEST_SUITE_DIR))) {
        std::ifstream file(entry.path(), std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(file),
                               std::istreambuf_iterator<char>()};
        on_file(entry.path().filename().string(), text);
        ++files;
    }
    return files;
}

} // namespace didit_test

#endif
