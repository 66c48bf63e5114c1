#pragma once

// One row of a listing: a KYC row, a KYB row, or a row of a kind this library does not know,
// told apart by the row's `session_kind`. Borrows the response body.

#include <cstdint>
#include <optional>
#include <string_view>

#include <didit/config.hpp>
#include <didit/country.hpp>
#include <didit/enums.hpp>
#include <didit/json/value.hpp>
#include <didit/rows/decoded.hpp>
#include <didit/rows/field.hpp>
#include <didit/rows/kyb_row.hpp>
#include <didit/rows/kyc_row.hpp>
#include <didit/rows/reader.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

enum class row_kind : std::uint8_t { kyc, kyb, unknown };

class row;

namespace detail {
DIDIT_SESSIONS_DECL std::size_t read(row_reader& reader, json::value in, row& out);
} // namespace detail

class row {
public:
    constexpr row() = default;

    constexpr row_kind kind() const { return kind_; }
    // Precondition: kind() == row_kind::kyc.
    constexpr const kyc_row& kyc() const& { return kyc_; }
    // Precondition: kind() == row_kind::kyb.
    constexpr const kyb_row& kyb() const& { return kyb_; }
    // The parts of a temporary row would dangle once the statement ends. Refused with a
    // static_assert, not deleted, so that the compiler's first error says why.
    template<class Row = row>
    constexpr auto kyc() const&& {
        static_assert(detail::refused<Row>, "kyc() of a temporary row dangles when the statement "
                                            "ends: keep the row in a variable");
    }
    template<class Row = row>
    constexpr auto kyb() const&& {
        static_assert(detail::refused<Row>, "kyb() of a temporary row dangles when the statement "
                                            "ends: keep the row in a variable");
    }

    // The row's discriminator as sent: `user`, `business`, or anything else (an unknown row).
    constexpr const field<decoded<didit::session_kind>>& session_kind() const {
        return session_kind_;
    }
    // The `country` member as an ISO 3166-1 code, in whichever form the row sent it (KYC rows
    // send alpha-3, KYB rows alpha-2 or alpha-3), so that rows of both kinds group by it. Empty
    // for a row of an unknown kind, when the member is absent or null, and when its text is not
    // an officially assigned code in upper case (such as Kosovo's XK): that text stays in
    // kyc().country or kyb().country, as sent.
    constexpr std::optional<country_code> country() const {
        if (kind_ == row_kind::unknown) return std::nullopt;
        const field<json::string>& sent = kind_ == row_kind::kyc ? kyc_.country : kyb_.country;
        if (!sent) return std::nullopt;
        char code[3]{};
        const auto size = sent->unescape_to(code); // more than three characters: not a code
        if (!size) return std::nullopt;
        return country_code::from_code(std::string_view(code, *size));
    }

    // The row's object in the response, whatever its kind.
    constexpr json::value source() const { return source_; }
    constexpr std::string_view raw() const { return source_.raw(); }

private:
    friend DIDIT_SESSIONS_DECL std::size_t detail::read(detail::row_reader&, json::value, row&);

    row_kind kind_ = row_kind::unknown;
    field<decoded<didit::session_kind>> session_kind_;
    json::value source_;
    kyc_row kyc_{};
    kyb_row kyb_{};
};

} // namespace didit::inline DIDIT_SESSIONS_ABI

#if !DIDIT_SESSIONS_SEPARATE_COMPILATION
#include <didit/rows/impl/row.hpp>
#endif
