// expect-error: body() returns its text by value
#include <didit/client/client.hpp>

#include <optional>
#include <string>
#include <string_view>

struct response {
    std::string text;
    int status() const { return 200; }
    std::optional<std::string_view> header(std::string_view) const { return std::nullopt; }
#ifdef DIDIT_VALID_TWIN
    std::string_view body() const { return text; }
#else
    std::string body() const { return text; } // a copy, gone before the page is decoded
#endif
};

struct transport {
    didit::result<response> operator()(const didit::http_request&) { return response{}; }
};

didit::client<transport> make_client(const didit::client_config& config) {
    return didit::client<transport>(transport{}, config);
}
