// What the README's C++ blocks take as given (tests/readme/compile_blocks.sh): the standard
// headers they use, the error type, and the few names of the caller's own code they mention.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <didit/result.hpp>

extern std::string_view body;         // a response body the caller holds
extern std::string_view api_key_text; // the caller's API key
void report(const didit::error& failure);
template<class T>
void use(const T& value);
void keep(std::string_view raw_row);
