#pragma once

// Decoding a row: constexpr in the header-only build, compiled by <didit/src.hpp> otherwise.

#include <cstddef>

#include <didit/config.hpp>
#include <didit/rows/row.hpp>

#if DIDIT_SESSIONS_SEPARATE_COMPILATION && !defined(DIDIT_SESSIONS_COMPILING_SOURCE)
#error "with DIDIT_SESSIONS_SEPARATE_COMPILATION=1, only <didit/src.hpp> includes this header"
#endif

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

DIDIT_SESSIONS_DECL std::size_t read(row_reader& reader, json::value in, row& out) {
    if (in.kind() != json::kind::object)
        return reader.fail(in, errc::wrong_type, json::detail::expected_object);
    out.source_ = in;
    // A discriminator of another type makes an unknown row, not an error.
    if (const auto kind = json::object(json::detail::trusted, in.document(), in.offset())
                              .find_if_present("session_kind");
        kind && (kind->kind() == json::kind::string || kind->is_null()))
        (void)read(reader, *kind, out.session_kind_);
    const auto& kind = out.session_kind_;
    if (kind && *kind == session_kind::user) {
        out.kind_ = row_kind::kyc;
        return read(reader, in, out.kyc_);
    }
    if (kind && *kind == session_kind::business) {
        out.kind_ = row_kind::kyb;
        return read(reader, in, out.kyb_);
    }
    out.kind_ = row_kind::unknown;
    return json::detail::skip_value(in.document(), in.offset());
}

} // namespace detail

} // namespace didit::inline DIDIT_SESSIONS_ABI
