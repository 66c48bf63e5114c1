#pragma once

// A fixed list of values of different types, for the schemas of rows (rows/schema.hpp): what
// std::tuple would hold, without std::tuple's constrained constructors, whose overload
// resolution took most of the time of compiling the row headers.

#include <cstddef>
#include <utility>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI::detail {

template<std::size_t I, class T>
struct list_item {
    T value;
};

template<class Indices, class... T>
struct indexed_items;

template<std::size_t... I, class... T>
struct indexed_items<std::index_sequence<I...>, T...> : list_item<I, T>... {
    static constexpr std::size_t size = sizeof...(T);

    // f(items...), in the list's order.
    template<class F>
    constexpr decltype(auto) apply(F&& f) const {
        return std::forward<F>(f)(static_cast<const list_item<I, T>&>(*this).value...);
    }
};

template<class... T>
using item_list = indexed_items<std::index_sequence_for<T...>, T...>;

template<class... T>
constexpr item_list<T...> make_item_list(T... items) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return item_list<T...>{list_item<I, T>{items}...};
    }
    (std::index_sequence_for<T...>{});
}

// Item I of a list, found through the one base that holds it.
template<std::size_t I, class T>
constexpr const T& nth(const list_item<I, T>& holder) {
    return holder.value;
}

} // namespace didit::inline DIDIT_SESSIONS_ABI::detail
