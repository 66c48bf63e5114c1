#pragma once

// A value read from a response that is either one the library knows (an enumerator, a UUID, a
// timestamp) or text it does not recognise, kept as the server sent it: a new status or a
// malformed id never fails a page and never loses data.

#include <didit/config.hpp>
#include <didit/json/string.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

template<class T>
class decoded {
public:
    using value_type = T;

    constexpr decoded() = default;
    constexpr decoded(T value, json::string raw)
        : value_(value)
        , raw_(raw)
        , known_(true) {}

    static constexpr decoded unknown(json::string raw) {
        decoded d;
        d.raw_ = raw;
        return d;
    }

    constexpr bool known() const { return known_; }
    // Precondition: known().
    constexpr const T& value() const { return value_; }
    // The JSON string the value was read from, known or not.
    constexpr json::string raw() const { return raw_; }

    friend constexpr bool operator==(const decoded& d, const T& value) {
        return d.known_ && d.value_ == value;
    }

private:
    T value_{};
    json::string raw_{};
    bool known_ = false;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
