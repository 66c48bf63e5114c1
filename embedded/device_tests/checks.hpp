#pragma once

// The checks' bookkeeping. Each outcome is recorded, not printed: a group of checks runs, its
// peak stack is measured, and only then are its failures printed, so that printf's own stack
// is not counted as the library's.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include <didit/result.hpp>

namespace device {

// `what` names the check; it must be a literal (it is kept until printed).
void expect_equal(std::string_view what, std::string_view actual, std::string_view expected);
void expect_equal(std::string_view what, std::int64_t actual, std::int64_t expected);
void expect_equal(std::string_view what, didit::errc actual, didit::errc expected);
void expect(std::string_view what, bool holds);

// Where an error must be reported, and how.
struct located_error {
    didit::errc code;
    std::string_view message;
    std::int64_t line;
    std::int64_t column; // in characters
    std::int64_t offset; // in bytes
    std::string_view path;
};

// Checks each part of `actual` against `expected`.
void expect_located(const didit::error& actual, const located_error& expected);

// Prints the failures recorded since the last call, each with what was expected and what came
// out, and forgets them.
void print_failures();

std::size_t passed();
std::size_t failed();

} // namespace device
