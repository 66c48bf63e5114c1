// list: every row of a listing over HTTP, each once, as a table, CSV or NDJSON.

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

#include <didit/client/client.hpp>
#include <didit/client/pages.hpp>
#include <didit/client/row_traversal.hpp>
#include <didit/rows/page.hpp>

#include "commands.hpp"
#include "option_number.hpp"
#include "query_arguments.hpp"
#include "row_printer.hpp"
#include "terminal_text.hpp"

#if defined(DIDIT_CLI_WITH_CURL)
#include <didit/transport/curl.hpp>
#endif

namespace didit_cli {

namespace {

struct list_options {
    query_arguments parameters;
    row_format format = row_format::table;
    std::optional<std::uint64_t> max_rows;
    std::string_view base_url = didit::default_base_url;
    const char* output = nullptr;
    didit::http_timeouts timeouts;
    std::chrono::seconds page_timeout{120}; // for a page and its retries together
    bool quiet = false;
};

// The options that take a value, the word after them.
constexpr std::string_view options_with_values[] = {
    "--format",          "--max-rows",     "--output",      "--base-url",
    "--connect-timeout", "--read-timeout", "--page-timeout"};

int read_options(std::span<char*> args, list_options& options) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--quiet") {
            options.quiet = true;
            continue;
        }
        if (!arg.starts_with("--")) {
            if (!options.parameters.add(arg))
                return usage_error("expected name=value or an option, got '" + std::string(arg) +
                                   "'");
            continue;
        }
        if (std::ranges::find(options_with_values, arg) == std::end(options_with_values))
            return usage_error("unknown option " + std::string(arg));
        if (i + 1 == args.size()) return usage_error(std::string(arg) + " needs a value");
        const std::string_view value = args[++i];
        if (arg == "--format") {
            const auto format = parse_row_format(value);
            if (!format) return usage_error("--format takes table, csv or ndjson");
            options.format = *format;
        } else if (arg == "--max-rows") {
            options.max_rows = number_in<std::uint64_t>(value, 0, UINT64_MAX);
            if (!options.max_rows) return usage_error("--max-rows takes a number of rows");
        } else if (arg == "--output") {
            options.output = args[i];
        } else if (arg == "--base-url") {
            if (const auto base = didit::base_origin(value); !base)
                return usage_error("--base-url: " + describe(base.error()));
            options.base_url = value;
        } else {
            const auto seconds = number_in<std::int64_t>(value, 1, 3600);
            if (!seconds)
                return usage_error(std::string(arg) + " takes a number of seconds, 1 to 3600");
            if (arg == "--page-timeout")
                options.page_timeout = std::chrono::seconds(*seconds);
            else
                (arg == "--connect-timeout" ? options.timeouts.connect : options.timeouts.read) =
                    std::chrono::seconds(*seconds);
        }
    }
    return exit_ok;
}

// "1 row", "2 rows".
std::string counted(std::uint64_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// Watches the answers a transport brings to the client of one kind, for the progress line
// and for saying where a listing stopped: pages received, the latest count, the last URL.
template<class Transport>
class listing_meter {
public:
    listing_meter(Transport& send, didit::session_kind kind)
        : send_(send) {
        listed_.session_kind = kind;
    }

    auto operator()(const didit::http_request& request) {
        last_url_.assign(request.url);
        auto answer = send_(request);
        failed_ = !answer || answer->status() != 200;
        if (!failed_) {
            ++pages_;
            if (const auto page = didit::parse_page(answer->body()))
                count_ = didit::count_of(listed_, *page);
        }
        return answer;
    }

    std::size_t pages() const { return pages_; }
    std::string_view last_url() const { return last_url_; }
    bool last_request_failed() const { return failed_; }
    // The rows of the listing, when the server's count says so exactly.
    std::optional<std::int64_t> exact_count() const {
        if (!count_ || count_->at_least) return std::nullopt;
        return count_->value;
    }

private:
    Transport& send_;
    didit::query listed_;
    std::size_t pages_ = 0;
    std::optional<didit::session_count> count_;
    std::string last_url_;
    bool failed_ = false;
};

// A transport through a meter; both kinds' clients have this one type, as all_rows needs.
template<class Transport>
struct metered {
    listing_meter<Transport>* meter;
    auto operator()(const didit::http_request& request) { return (*meter)(request); }
};

// "12 pages, 1150 rows (38%)" on one line of a terminal, rewritten as pages come.
class progress_line {
public:
    explicit progress_line(bool shown)
        : shown_(shown) {}

    void update(std::size_t pages, std::uint64_t rows, std::optional<std::int64_t> expected) {
        if (!shown_ || pages == pages_) return;
        pages_ = pages;
        std::fprintf(stderr, "\r%s, %s", counted(pages, "page").c_str(),
                     counted(rows, "row").c_str());
        if (expected && *expected > 0)
            std::fprintf(stderr, " (%d%%)",
                         static_cast<int>(std::min<std::uint64_t>(
                             100, rows * 100 / static_cast<std::uint64_t>(*expected))));
        std::fflush(stderr);
    }

    void clear() {
        if (shown_ && pages_ != 0) std::fputs("\r\x1b[K", stderr);
    }

private:
    bool shown_;
    std::size_t pages_ = 0;
};

struct closes_file {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

template<class Transport>
int list_rows(Transport& transport, const list_options& options, const didit::query& q,
              std::string_view key) {
    didit::client_options client_options{.base_url = options.base_url};
    client_options.retries.deadline_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(options.page_timeout).count();
    const auto config = didit::client_config::make(key, client_options);
    if (!config) {
        std::fprintf(stderr, "didit-sessions: %s\n", describe(config.error()).c_str());
        return exit_config;
    }

    std::FILE* out = stdout;
    std::unique_ptr<std::FILE, closes_file> file;
    if (options.output != nullptr) {
        file.reset(std::fopen(options.output, "wb"));
        if (!file) {
            std::fprintf(stderr, "didit-sessions: cannot create %s: %s\n", options.output,
                         std::strerror(errno));
            return exit_cannot_create;
        }
        out = file.get();
    }
    // Each row reaches the file in one write, whole, even if the program is killed between two.
    std::setvbuf(out, nullptr, _IOFBF, std::size_t{1} << 20);
    const std::string destination = options.output ? options.output : "standard output";

    listing_meter kyc_meter(transport, didit::session_kind::user);
    listing_meter kyb_meter(transport, didit::session_kind::business);
    didit::client<metered<Transport>> kyc_client({&kyc_meter}, config.value());
    didit::client<metered<Transport>> kyb_client({&kyb_meter}, config.value());
    const auto kind = q.session_kind.value_or(didit::session_kind::user);
    const auto pages = [&] { return kyc_meter.pages() + kyb_meter.pages(); };
    const auto wanted = [&]() -> std::optional<std::int64_t> {
        std::optional<std::int64_t> expected =
            kind == didit::session_kind::user ? kyc_meter.exact_count() : kyb_meter.exact_count();
        if (kind == didit::session_kind::all) {
            const auto kyc = kyc_meter.exact_count();
            expected = expected && kyc ? std::optional(*expected + *kyc) : std::nullopt;
        }
        if (expected && options.max_rows)
            expected = std::min<std::int64_t>(
                *expected,
                static_cast<std::int64_t>(std::min<std::uint64_t>(*options.max_rows, INT64_MAX)));
        return expected;
    };

    if (!options.quiet)
        std::fprintf(stderr, "listing from %s to %s\n", terminal_text(options.base_url).c_str(),
                     destination.c_str());
    row_printer printer(out, options.format);
    progress_line progress(!options.quiet && isatty(STDERR_FILENO));
    std::uint64_t written = 0;
    std::uint64_t of_unknown_kind = 0;
    std::optional<didit::error> failure;
    int write_error = 0;
    // Where the last whole row ends in an --output file, to cut off one written in part.
    long whole_rows_end = 0;
    const auto take = [&](auto&& rows) {
        if (options.max_rows == std::uint64_t{0}) return;
        for (const auto& row : rows) {
            if (!row) {
                failure = row.error();
                return;
            }
            printer.print(*row);
            if (row->kind() == didit::row_kind::unknown) ++of_unknown_kind;
            if (std::fflush(out) != 0) {
                write_error = errno;
                return;
            }
            if (file) whole_rows_end = std::ftell(file.get());
            progress.update(pages(), ++written, wanted());
            if (options.max_rows == written) return;
        }
    };
    if (kind == didit::session_kind::all)
        take(didit::all_rows(kyc_client, kyb_client, q));
    else
        take(didit::rows(kind == didit::session_kind::user ? kyc_client : kyb_client, q));
    progress.clear();
    if (of_unknown_kind != 0)
        std::fprintf(stderr,
                     "didit-sessions: %s of a session_kind this program does not know: %s\n",
                     counted(of_unknown_kind, "row").c_str(),
                     options.format == row_format::ndjson
                         ? "written whole"
                         : "only their kind is shown (--format ndjson writes them whole)");

    const auto say_file_holds_whole_rows = [&] {
        std::fprintf(stderr, "  %s holds the %s written before, complete\n", options.output,
                     counted(written, "row").c_str());
    };
    if (write_error != 0) {
        std::fprintf(stderr, "didit-sessions: writing to %s failed after %s: %s\n",
                     destination.c_str(), counted(written, "row").c_str(),
                     std::strerror(write_error));
        if (file) {
            // Closing writes what the buffer still holds, if it can; then the cut.
            struct stat status {};
            const bool regular = fstat(fileno(file.get()), &status) == 0 && S_ISREG(status.st_mode);
            file.reset();
            if (regular && truncate(options.output, whole_rows_end) == 0)
                say_file_holds_whole_rows();
        }
        return exit_io_error;
    }
    if (failure) {
        const auto& stopped = kyb_meter.last_request_failed() ? kyb_meter : kyc_meter;
        std::fprintf(stderr, "didit-sessions: stopped after %s and %s: %s\n  while requesting %s\n",
                     counted(written, "row").c_str(), counted(pages(), "page").c_str(),
                     describe(*failure).c_str(), terminal_text(stopped.last_url()).c_str());
        if (options.output) say_file_holds_whole_rows();
        return failure->code == didit::errc::bad_request ? exit_rejected : exit_failed;
    }
    if (!options.quiet)
        std::fprintf(stderr, "%s in %s to %s\n", counted(written, "row").c_str(),
                     counted(pages(), "page").c_str(), destination.c_str());
    return exit_ok;
}

} // namespace

int list_command(std::span<char*> args) {
    list_options options;
    if (const int status = read_options(args, options); status != exit_ok) return status;
    didit::query q;
    if (const int status = options.parameters.check(q, stderr); status != exit_ok) {
        if (status == exit_rejected)
            std::fprintf(stderr, "didit-sessions: the server would answer 400 with the body "
                                 "above; nothing was sent\n");
        return status;
    }
    const char* key = std::getenv("DIDIT_API_KEY");
    if (key == nullptr || *key == '\0') {
        std::fprintf(stderr, "didit-sessions: set DIDIT_API_KEY to the API key to list with\n");
        return exit_config;
    }
    if (!q.limit) q.limit = 100; // the page size changes the number of requests, not the rows

#if defined(DIDIT_CLI_WITH_CURL)
    didit::curl_transport transport(options.timeouts);
    return list_rows(transport, options, q, key);
#else
    std::fprintf(stderr, "didit-sessions: this build cannot list: it has no HTTP client; "
                         "install libcurl4-openssl-dev and build again\n");
    return exit_unavailable;
#endif
}

} // namespace didit_cli
