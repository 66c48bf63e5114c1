// A function of one translation unit that takes a library type, built by mixed_settings.sh
// with the settings it is given.

#include <cstddef>

#include <didit/query.hpp>

std::size_t statuses_of(const didit::query& q) {
    return q.status.size();
}
