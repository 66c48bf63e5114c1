#pragma once

// Query parameters given on the command line, one name=value argument each, decoded (status=In
// Review, not status=In+Review): read as the server reads them.

#include <string_view>
#include <vector>

#include <didit/query/parse.hpp>

namespace didit_cli {

class query_arguments {
public:
    // Takes `arg` if it is name=value (the text must outlive this object); false otherwise.
    bool add(std::string_view arg);

    // The query, with the server's warnings printed on stderr. When the server would reject it,
    // prints its 400 body on `rejections` and gives exit_rejected; when the arguments cannot be
    // read at all, gives exit_usage.
    int check(didit::query& accepted, std::FILE* rejections) const;

private:
    std::vector<didit::raw_parameter> raw_;
};

} // namespace didit_cli
