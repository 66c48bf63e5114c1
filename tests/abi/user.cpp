// The translation unit that calls provider.cpp's function, built by mixed_settings.sh with the
// default settings.

#include <cstddef>

#include <didit/query.hpp>

std::size_t statuses_of(const didit::query& q);

int main() {
    const didit::query q{.status = {didit::status::approved}};
    return statuses_of(q) == 1 ? 0 : 1;
}
