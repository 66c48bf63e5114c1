// The JSON reader against the reference decoder of the tests: the same verdict on any input,
// and the same values when both accept it.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "../differential.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    const auto disagreement = didit_test::json_disagreement(json);
    if (!disagreement.empty()) {
        std::fprintf(stderr, "the reader and the reference disagree: %s\n", disagreement.c_str());
        std::abort();
    }
    return 0;
}
