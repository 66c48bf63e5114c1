#pragma once

// UTF-8 validation one sequence at a time (Unicode Table 3-7, well-formed byte sequences).

#include <cstddef>
#include <string_view>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

struct utf8_step {
    std::size_t length; // bytes consumed: the whole sequence, or its maximal invalid subpart
    bool valid;
};

// The sequence at the start of non-empty `s`. An invalid one consumes its maximal subpart, the
// unit that decoders such as Python's replace with a single U+FFFD.
constexpr utf8_step next_utf8(std::string_view s) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char lead = byte(0);
    if (lead < 0x80) return {1, true};
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F; // nothing above U+10FFFF
    } else {
        return {1, false};
    }
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char lo = i == 1 ? low : 0x80, hi = i == 1 ? high : 0xBF;
        if (i >= s.size() || byte(i) < lo || byte(i) > hi) return {i, false};
    }
    return {length, true};
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
