#include <didit/sessions.hpp>

#include <cstdio>

int main() {
    constexpr didit::query q{.session_kind = didit::session_kind::business, .limit = 10};
    std::puts(didit::to_url(q).c_str());
}
