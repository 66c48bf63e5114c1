#pragma once

// The library's error channel: fallible calls return result<T> instead of throwing, so every
// header builds with -fno-exceptions.

#include <utility>

#include <didit/bad_access.hpp>
#include <didit/config.hpp>
#include <didit/error.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {
// False, but only once T is known: the condition of a static_assert in a member that must not
// be used, which fails only where it is used.
template<class T>
inline constexpr bool refused = false;
} // namespace detail

// Holds either a T or an error. T must be default-constructible: the layout stays trivial
// enough for constant evaluation on every compiler we support.
template<class T>
class [[nodiscard]] result {
public:
    constexpr result(T value)
        : value_(std::move(value)) {}
    constexpr result(didit::error failure)
        : error_(failure) {}
    // A value-initialised T, to be filled in place: a large T is then neither built twice nor
    // copied.
    constexpr explicit result(std::in_place_t) {}

    [[nodiscard]] constexpr bool has_value() const { return error_.code == errc::ok; }
    constexpr explicit operator bool() const { return has_value(); }

    // Precondition: has_value(). Reading the value of an error does not hand out a default
    // value: it calls the bad-access handler with the error and the caller's place, then stops
    // the program (see bad_access.hpp), and it fails to compile in constant evaluation.
    [[nodiscard]] constexpr const T& value(call_site where = call_site::current()) const& {
        return checked(where), value_;
    }
    [[nodiscard]] constexpr T& value(call_site where = call_site::current()) & {
        return checked(where), value_;
    }
    // By value, so that `for (auto x : f().value())` does not iterate a destroyed temporary.
    [[nodiscard]] constexpr T value(call_site where = call_site::current()) && {
        return checked(where), std::move(value_);
    }
    // Operators cannot take the caller's place: the handler gets an unknown call_site.
    constexpr const T& operator*() const& { return checked({}), value_; }
    constexpr T operator*() && { return checked({}), std::move(value_); }
    constexpr const T* operator->() const& { return checked({}), &value_; }
    // A member reached through a temporary result would dangle as soon as the statement ends,
    // as in `for (auto row : parse_page(body)->results)`. Refused with a static_assert, not
    // deleted, so that the compiler's first error says why.
    template<class Value = T> // a template, so that an explicit instantiation leaves it out
    constexpr auto operator->() const&& {
        static_assert(detail::refused<Value>,
                      "-> on a temporary result reaches a member that dangles when the "
                      "statement ends: keep the result in a variable");
    }

    [[nodiscard]] constexpr const didit::error& error() const { return error_; }
    [[nodiscard]] constexpr errc code() const { return error_.code; }

    // simdjson style: moves the value into `out` on success and returns the code either way.
    [[nodiscard]] constexpr errc get(T& out) && {
        if (has_value()) out = std::move(value_);
        return error_.code;
    }

private:
    // The place goes to the cold call as scalars: a call_site object whose address is taken
    // would be stored on the stack on every read, an error or not.
    constexpr void checked(call_site where) const {
        if (!has_value()) detail::value_of_an_error(error_, where.file, where.line, where.function);
    }

    T value_{};
    didit::error error_{};
};

template<>
class [[nodiscard]] result<void> {
public:
    constexpr result() = default;
    constexpr result(didit::error failure)
        : error_(failure) {}

    [[nodiscard]] constexpr bool has_value() const { return error_.code == errc::ok; }
    constexpr explicit operator bool() const { return has_value(); }
    [[nodiscard]] constexpr const didit::error& error() const { return error_; }
    [[nodiscard]] constexpr errc code() const { return error_.code; }

private:
    didit::error error_{};
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
