// Reads the value of a result that holds an error, for bad_access_test.sh to check what the
// program writes before it stops.

#include <didit/rows.hpp>

int main() {
    const auto page = didit::parse_page(R"({"count": 1, "next": null, "previous": null})");
    return static_cast<int>(page.value().count); // the read bad_access_test.sh looks for
}
