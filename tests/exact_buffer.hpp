#pragma once

// A copy of a text at the very end of an allocation of its exact size: one byte read past the
// end is an AddressSanitizer report.

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace didit_test {

class exact_buffer {
public:
    explicit exact_buffer(std::string_view text)
        : bytes_(std::make_unique<char[]>(text.size()))
        , size_(text.size()) {
        std::memcpy(bytes_.get(), text.data(), text.size());
    }
    std::string_view view() const { return {bytes_.get(), size_}; }

private:
    std::unique_ptr<char[]> bytes_;
    std::size_t size_;
};

} // namespace didit_test
