#pragma once

// A copy of a text at the very end of an allocation of its exact size: one byte read past the
// end is an AddressSanitizer report.

#include <string_view>
#include <vector>

namespace didit_test {

class exact_buffer {
public:
    // A vector built from a range allocates exactly the range's size.
    explicit exact_buffer(std::string_view text)
        : bytes_(text.begin(), text.end()) {}
    std::string_view view() const { return {bytes_.data(), bytes_.size()}; }

private:
    std::vector<char> bytes_;
};

} // namespace didit_test
