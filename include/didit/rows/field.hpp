#pragma once

// A member of a row that may be absent from the object, present as null, or present with a
// value: the three are told apart, because "the server sent null" and "the server did not
// send it" mean different things to a caller.

#include <cstdint>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

enum class presence : std::uint8_t { absent, null, present };

template<class T>
class field {
public:
    using value_type = T;

    constexpr field() = default; // absent
    constexpr field(T value)
        : value_(value)
        , presence_(presence::present) {}

    static constexpr field null() {
        field f;
        f.presence_ = presence::null;
        return f;
    }

    constexpr didit::presence presence() const { return presence_; }
    constexpr bool has_value() const { return presence_ == presence::present; }
    constexpr explicit operator bool() const { return has_value(); }
    constexpr bool is_null() const { return presence_ == presence::null; }
    constexpr bool is_absent() const { return presence_ == presence::absent; }

    // Makes the field present with a value-initialised T, to be filled in place.
    constexpr T& emplace() {
        if (has_value()) value_ = T{}; // (it holds T{} otherwise)
        presence_ = presence::present;
        return value_;
    }

    // Makes the field null, dropping a value it held.
    constexpr void make_null() {
        if (has_value()) value_ = T{}; // so that it holds T{} again
        presence_ = presence::null;
    }

    // Precondition: has_value().
    constexpr const T& value() const { return value_; }
    constexpr const T& operator*() const { return value_; }
    constexpr const T* operator->() const { return &value_; }

    constexpr T value_or(T fallback) const { return has_value() ? value_ : fallback; }

private:
    T value_{}; // T{} unless the field is present, so that making it present needs no clearing
    didit::presence presence_ = presence::absent;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
