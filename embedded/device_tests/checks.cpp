// Records of the checks' outcomes, in fixed storage (there is no heap): counts of every check,
// and the text of the first failures since they were last printed.

#include "checks.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace device {

namespace {

// A failure's values, copied: what a check compared may live in a buffer reused by the next.
struct failure {
    static constexpr std::size_t text_capacity = 200;

    std::string_view what;
    bool numbers = false;
    std::int64_t expected_number = 0;
    std::int64_t actual_number = 0;
    std::array<char, text_capacity> expected_text{};
    std::array<char, text_capacity> actual_text{};
    std::size_t expected_size = 0;
    std::size_t actual_size = 0;
};

std::array<failure, 16> failures;
std::size_t failures_kept = 0;
std::size_t failures_not_kept = 0;
std::size_t passed_count = 0;
std::size_t failed_count = 0;

// Copies what fits; print_failures() marks text that was cut.
std::size_t copy_text(std::string_view text, std::array<char, failure::text_capacity>& out) {
    const std::size_t size = std::min(text.size(), out.size());
    std::copy_n(text.begin(), size, out.begin());
    return text.size();
}

failure* record_failure(std::string_view what) {
    ++failed_count;
    if (failures_kept == failures.size()) {
        ++failures_not_kept;
        return nullptr;
    }
    failure& f = failures[failures_kept++];
    f = failure{};
    f.what = what;
    return &f;
}

void print_text(const char* label, const std::array<char, failure::text_capacity>& text,
                std::size_t size) {
    const std::size_t shown = std::min(size, text.size());
    std::printf("    %s %.*s%s\n", label, static_cast<int>(shown), text.data(),
                size > shown ? "..." : "");
}

} // namespace

void expect_equal(std::string_view what, std::string_view actual, std::string_view expected) {
    if (actual == expected) {
        ++passed_count;
        return;
    }
    if (failure* f = record_failure(what)) {
        f->expected_size = copy_text(expected, f->expected_text);
        f->actual_size = copy_text(actual, f->actual_text);
    }
}

void expect_equal(std::string_view what, std::int64_t actual, std::int64_t expected) {
    if (actual == expected) {
        ++passed_count;
        return;
    }
    if (failure* f = record_failure(what)) {
        f->numbers = true;
        f->expected_number = expected;
        f->actual_number = actual;
    }
}

void expect_equal(std::string_view what, didit::errc actual, didit::errc expected) {
    expect_equal(what, static_cast<std::int64_t>(actual), static_cast<std::int64_t>(expected));
}

void expect(std::string_view what, bool holds) {
    expect_equal(what, holds ? "true" : "false", "true");
}

void expect_located(const didit::error& actual, const located_error& expected) {
    expect_equal("its code", actual.code, expected.code);
    expect_equal("its message", actual.message, expected.message);
    expect_equal("its line", actual.line, expected.line);
    expect_equal("its column, in characters", actual.column, expected.column);
    expect_equal("its byte offset", static_cast<std::int64_t>(actual.offset), expected.offset);
    expect_equal("its path", actual.path.view(), expected.path);
}

void print_failures() {
    for (std::size_t i = 0; i < failures_kept; ++i) {
        const failure& f = failures[i];
        std::printf("  FAILED %.*s\n", static_cast<int>(f.what.size()), f.what.data());
        if (f.numbers) {
            std::printf("    expected %lld\n    actual   %lld\n",
                        static_cast<long long>(f.expected_number),
                        static_cast<long long>(f.actual_number));
        } else {
            print_text("expected", f.expected_text, f.expected_size);
            print_text("actual  ", f.actual_text, f.actual_size);
        }
    }
    if (failures_not_kept != 0)
        std::printf("  (and %lu more failures, not kept)\n",
                    static_cast<unsigned long>(failures_not_kept));
    failures_kept = 0;
    failures_not_kept = 0;
}

std::size_t passed() {
    return passed_count;
}

std::size_t failed() {
    return failed_count;
}

} // namespace device
