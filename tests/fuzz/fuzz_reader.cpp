// The JSON reader on arbitrary bytes: validation, then every value read with every accessor;
// a rejected input must be located inside it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include <didit/json.hpp>

namespace {

void read_everything(didit::json::value value) {
    (void)value.raw();
    (void)value.get_bool();
    (void)value.get_int64();
    (void)value.get_double();
    if (const auto text = value.get_string()) (void)text->to_string();
    if (const auto items = value.get_array())
        for (const auto item : *items)
            read_everything(item);
    if (const auto members = value.get_object())
        for (const auto member : *members) {
            (void)member.key.to_string();
            (void)members->find_if_present(member.key.raw());
            read_everything(member.value);
        }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A copy of exactly `size` bytes, so that AddressSanitizer sees any read past the end.
    const auto bytes = std::make_unique<char[]>(size);
    if (size != 0) std::memcpy(bytes.get(), data, size);
    const std::string_view json(bytes.get(), size);
    const auto root = didit::json::parse(json);
    if (root) {
        read_everything(*root);
        return 0;
    }
    const auto& failure = root.error();
    if (failure.offset > size || failure.line < 1 || failure.column < 1 || failure.message.empty())
        std::abort(); // a failure must say where, inside the input
    return 0;
}
