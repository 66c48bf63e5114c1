#pragma once

// ISO 3166-1 country codes, read from their alpha-2 ("ES") or alpha-3 ("ESP") form: KYC rows
// carry alpha-3 codes and KYB rows either, and one value of this type stands for both.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include <didit/config.hpp>

namespace didit::inline DIDIT_SESSIONS_ABI {

namespace detail {

// The 249 officially assigned codes (ISO 3166-1 as of 2023, as Debian's iso-codes package has
// them: tests/country_test.cpp compares the two), in two tables of fixed-width records: a code,
// a NUL, the other code, a NUL. Character arrays whose codes end in NULs cost the compiler least:
// constant evaluation measures a string_view of a whole literal a character at a time, in every
// translation unit; and a string_view made from a pointer and a size has GCC 12 check the
// constraints of the constructor from an iterator and a sentinel, which costs more than all the
// rest of this header.
inline constexpr std::size_t country_count = 249;
inline constexpr std::size_t country_record_size = 7;

// Sorted by alpha-2: each record is the alpha-2 code, then the alpha-3 code. A country's place
// here is the index a country_code holds.
inline constexpr char countries_by_alpha2[] =
    "AD\0AND\0AE\0ARE\0AF\0AFG\0AG\0ATG\0AI\0AIA\0AL\0ALB\0AM\0ARM\0AO\0AGO\0AQ\0ATA\0AR\0ARG\0"
    "AS\0ASM\0AT\0AUT\0AU\0AUS\0AW\0ABW\0AX\0ALA\0AZ\0AZE\0BA\0BIH\0BB\0BRB\0BD\0BGD\0BE\0BEL\0"
    "BF\0BFA\0BG\0BGR\0BH\0BHR\0BI\0BDI\0BJ\0BEN\0BL\0BLM\0BM\0BMU\0BN\0BRN\0BO\0BOL\0BQ\0BES\0"
    "BR\0BRA\0BS\0BHS\0BT\0BTN\0BV\0BVT\0BW\0BWA\0BY\0BLR\0BZ\0BLZ\0CA\0CAN\0CC\0CCK\0CD\0COD\0"
    "CF\0CAF\0CG\0COG\0CH\0CHE\0CI\0CIV\0CK\0COK\0CL\0CHL\0CM\0CMR\0CN\0CHN\0CO\0COL\0CR\0CRI\0"
    "CU\0CUB\0CV\0CPV\0CW\0CUW\0CX\0CXR\0CY\0CYP\0CZ\0CZE\0DE\0DEU\0DJ\0DJI\0DK\0DNK\0DM\0DMA\0"
    "DO\0DOM\0DZ\0DZA\0EC\0ECU\0EE\0EST\0EG\0EGY\0EH\0ESH\0ER\0ERI\0ES\0ESP\0ET\0ETH\0FI\0FIN\0"
    "FJ\0FJI\0FK\0FLK\0FM\0FSM\0FO\0FRO\0FR\0FRA\0GA\0GAB\0GB\0GBR\0GD\0GRD\0GE\0GEO\0GF\0GUF\0"
    "GG\0GGY\0GH\0GHA\0GI\0GIB\0GL\0GRL\0GM\0GMB\0GN\0GIN\0GP\0GLP\0GQ\0GNQ\0GR\0GRC\0GS\0SGS\0"
    "GT\0GTM\0GU\0GUM\0GW\0GNB\0GY\0GUY\0HK\0HKG\0HM\0HMD\0HN\0HND\0HR\0HRV\0HT\0HTI\0HU\0HUN\0"
    "ID\0IDN\0IE\0IRL\0IL\0ISR\0IM\0IMN\0IN\0IND\0IO\0IOT\0IQ\0IRQ\0IR\0IRN\0IS\0ISL\0IT\0ITA\0"
    "JE\0JEY\0JM\0JAM\0JO\0JOR\0JP\0JPN\0KE\0KEN\0KG\0KGZ\0KH\0KHM\0KI\0KIR\0KM\0COM\0KN\0KNA\0"
    "KP\0PRK\0KR\0KOR\0KW\0KWT\0KY\0CYM\0KZ\0KAZ\0LA\0LAO\0LB\0LBN\0LC\0LCA\0LI\0LIE\0LK\0LKA\0"
    "LR\0LBR\0LS\0LSO\0LT\0LTU\0LU\0LUX\0LV\0LVA\0LY\0LBY\0MA\0MAR\0MC\0MCO\0MD\0MDA\0ME\0MNE\0"
    "MF\0MAF\0MG\0MDG\0MH\0MHL\0MK\0MKD\0ML\0MLI\0MM\0MMR\0MN\0MNG\0MO\0MAC\0MP\0MNP\0MQ\0MTQ\0"
    "MR\0MRT\0MS\0MSR\0MT\0MLT\0MU\0MUS\0MV\0MDV\0MW\0MWI\0MX\0MEX\0MY\0MYS\0MZ\0MOZ\0NA\0NAM\0"
    "NC\0NCL\0NE\0NER\0NF\0NFK\0NG\0NGA\0NI\0NIC\0NL\0NLD\0NO\0NOR\0NP\0NPL\0NR\0NRU\0NU\0NIU\0"
    "NZ\0NZL\0OM\0OMN\0PA\0PAN\0PE\0PER\0PF\0PYF\0PG\0PNG\0PH\0PHL\0PK\0PAK\0PL\0POL\0PM\0SPM\0"
    "PN\0PCN\0PR\0PRI\0PS\0PSE\0PT\0PRT\0PW\0PLW\0PY\0PRY\0QA\0QAT\0RE\0REU\0RO\0ROU\0RS\0SRB\0"
    "RU\0RUS\0RW\0RWA\0SA\0SAU\0SB\0SLB\0SC\0SYC\0SD\0SDN\0SE\0SWE\0SG\0SGP\0SH\0SHN\0SI\0SVN\0"
    "SJ\0SJM\0SK\0SVK\0SL\0SLE\0SM\0SMR\0SN\0SEN\0SO\0SOM\0SR\0SUR\0SS\0SSD\0ST\0STP\0SV\0SLV\0"
    "SX\0SXM\0SY\0SYR\0SZ\0SWZ\0TC\0TCA\0TD\0TCD\0TF\0ATF\0TG\0TGO\0TH\0THA\0TJ\0TJK\0TK\0TKL\0"
    "TL\0TLS\0TM\0TKM\0TN\0TUN\0TO\0TON\0TR\0TUR\0TT\0TTO\0TV\0TUV\0TW\0TWN\0TZ\0TZA\0UA\0UKR\0"
    "UG\0UGA\0UM\0UMI\0US\0USA\0UY\0URY\0UZ\0UZB\0VA\0VAT\0VC\0VCT\0VE\0VEN\0VG\0VGB\0VI\0VIR\0"
    "VN\0VNM\0VU\0VUT\0WF\0WLF\0WS\0WSM\0YE\0YEM\0YT\0MYT\0ZA\0ZAF\0ZM\0ZMB\0ZW\0ZWE\0";

// Sorted by alpha-3: each record is the alpha-3 code, then the alpha-2 code.
inline constexpr char countries_by_alpha3[] =
    "ABW\0AW\0AFG\0AF\0AGO\0AO\0AIA\0AI\0ALA\0AX\0ALB\0AL\0AND\0AD\0ARE\0AE\0ARG\0AR\0ARM\0AM\0"
    "ASM\0AS\0ATA\0AQ\0ATF\0TF\0ATG\0AG\0AUS\0AU\0AUT\0AT\0AZE\0AZ\0BDI\0BI\0BEL\0BE\0BEN\0BJ\0"
    "BES\0BQ\0BFA\0BF\0BGD\0BD\0BGR\0BG\0BHR\0BH\0BHS\0BS\0BIH\0BA\0BLM\0BL\0BLR\0BY\0BLZ\0BZ\0"
    "BMU\0BM\0BOL\0BO\0BRA\0BR\0BRB\0BB\0BRN\0BN\0BTN\0BT\0BVT\0BV\0BWA\0BW\0CAF\0CF\0CAN\0CA\0"
    "CCK\0CC\0CHE\0CH\0CHL\0CL\0CHN\0CN\0CIV\0CI\0CMR\0CM\0COD\0CD\0COG\0CG\0COK\0CK\0COL\0CO\0"
    "COM\0KM\0CPV\0CV\0CRI\0CR\0CUB\0CU\0CUW\0CW\0CXR\0CX\0CYM\0KY\0CYP\0CY\0CZE\0CZ\0DEU\0DE\0"
    "DJI\0DJ\0DMA\0DM\0DNK\0DK\0DOM\0DO\0DZA\0DZ\0ECU\0EC\0EGY\0EG\0ERI\0ER\0ESH\0EH\0ESP\0ES\0"
    "EST\0EE\0ETH\0ET\0FIN\0FI\0FJI\0FJ\0FLK\0FK\0FRA\0FR\0FRO\0FO\0FSM\0FM\0GAB\0GA\0GBR\0GB\0"
    "GEO\0GE\0GGY\0GG\0GHA\0GH\0GIB\0GI\0GIN\0GN\0GLP\0GP\0GMB\0GM\0GNB\0GW\0GNQ\0GQ\0GRC\0GR\0"
    "GRD\0GD\0GRL\0GL\0GTM\0GT\0GUF\0GF\0GUM\0GU\0GUY\0GY\0HKG\0HK\0HMD\0HM\0HND\0HN\0HRV\0HR\0"
    "HTI\0HT\0HUN\0HU\0IDN\0ID\0IMN\0IM\0IND\0IN\0IOT\0IO\0IRL\0IE\0IRN\0IR\0IRQ\0IQ\0ISL\0IS\0"
    "ISR\0IL\0ITA\0IT\0JAM\0JM\0JEY\0JE\0JOR\0JO\0JPN\0JP\0KAZ\0KZ\0KEN\0KE\0KGZ\0KG\0KHM\0KH\0"
    "KIR\0KI\0KNA\0KN\0KOR\0KR\0KWT\0KW\0LAO\0LA\0LBN\0LB\0LBR\0LR\0LBY\0LY\0LCA\0LC\0LIE\0LI\0"
    "LKA\0LK\0LSO\0LS\0LTU\0LT\0LUX\0LU\0LVA\0LV\0MAC\0MO\0MAF\0MF\0MAR\0MA\0MCO\0MC\0MDA\0MD\0"
    "MDG\0MG\0MDV\0MV\0MEX\0MX\0MHL\0MH\0MKD\0MK\0MLI\0ML\0MLT\0MT\0MMR\0MM\0MNE\0ME\0MNG\0MN\0"
    "MNP\0MP\0MOZ\0MZ\0MRT\0MR\0MSR\0MS\0MTQ\0MQ\0MUS\0MU\0MWI\0MW\0MYS\0MY\0MYT\0YT\0NAM\0NA\0"
    "NCL\0NC\0NER\0NE\0NFK\0NF\0NGA\0NG\0NIC\0NI\0NIU\0NU\0NLD\0NL\0NOR\0NO\0NPL\0NP\0NRU\0NR\0"
    "NZL\0NZ\0OMN\0OM\0PAK\0PK\0PAN\0PA\0PCN\0PN\0PER\0PE\0PHL\0PH\0PLW\0PW\0PNG\0PG\0POL\0PL\0"
    "PRI\0PR\0PRK\0KP\0PRT\0PT\0PRY\0PY\0PSE\0PS\0PYF\0PF\0QAT\0QA\0REU\0RE\0ROU\0RO\0RUS\0RU\0"
    "RWA\0RW\0SAU\0SA\0SDN\0SD\0SEN\0SN\0SGP\0SG\0SGS\0GS\0SHN\0SH\0SJM\0SJ\0SLB\0SB\0SLE\0SL\0"
    "SLV\0SV\0SMR\0SM\0SOM\0SO\0SPM\0PM\0SRB\0RS\0SSD\0SS\0STP\0ST\0SUR\0SR\0SVK\0SK\0SVN\0SI\0"
    "SWE\0SE\0SWZ\0SZ\0SXM\0SX\0SYC\0SC\0SYR\0SY\0TCA\0TC\0TCD\0TD\0TGO\0TG\0THA\0TH\0TJK\0TJ\0"
    "TKL\0TK\0TKM\0TM\0TLS\0TL\0TON\0TO\0TTO\0TT\0TUN\0TN\0TUR\0TR\0TUV\0TV\0TWN\0TW\0TZA\0TZ\0"
    "UGA\0UG\0UKR\0UA\0UMI\0UM\0URY\0UY\0USA\0US\0UZB\0UZ\0VAT\0VA\0VCT\0VC\0VEN\0VE\0VGB\0VG\0"
    "VIR\0VI\0VNM\0VN\0VUT\0VU\0WLF\0WF\0WSM\0WS\0YEM\0YE\0ZAF\0ZA\0ZMB\0ZM\0ZWE\0ZW\0";

// The code of `size` letters (2 or 3) at `text` as one number that orders as the codes do:
// cheaper to compare, in constant evaluation above all, than strings.
constexpr std::uint32_t country_key(const char* text, std::size_t size) {
    return std::uint32_t{static_cast<unsigned char>(text[0])} << 16 |
           std::uint32_t{static_cast<unsigned char>(text[1])} << 8 |
           (size == 3 ? static_cast<unsigned char>(text[2]) : 0u);
}

// The place of the record that starts with the `size` letters at `code` in `table`, which is
// sorted on its first `size` letters, or country_count if there is none. A binary search:
// eight comparisons.
constexpr std::size_t find_country(const char* table, const char* code, std::size_t size) {
    const auto key = country_key(code, size);
    std::size_t low = 0, high = country_count;
    while (low < high) {
        const std::size_t middle = (low + high) / 2;
        const auto candidate = country_key(table + middle * country_record_size, size);
        if (candidate == key) return middle;
        if (candidate < key)
            low = middle + 1;
        else
            high = middle;
    }
    return country_count;
}

// Whether the records of `table` are in strictly increasing order of their first `key_size`
// letters, as the binary search needs.
consteval bool is_sorted_country_table(const char* table, std::size_t key_size) {
    auto previous = country_key(table, key_size);
    for (std::size_t place = 1; place < country_count; ++place) {
        const auto key = country_key(table + place * country_record_size, key_size);
        if (key <= previous) return false;
        previous = key;
    }
    return true;
}

static_assert(sizeof countries_by_alpha2 == country_count * country_record_size + 1);
static_assert(sizeof countries_by_alpha3 == country_count * country_record_size + 1);
static_assert(is_sorted_country_table(countries_by_alpha2, 2));
static_assert(is_sorted_country_table(countries_by_alpha3, 3));

} // namespace detail

// One of the officially assigned ISO 3166-1 codes, held as its place in alpha-2 order: one byte,
// ordered as the alpha-2 codes are, so it can key a std::map or index an array of `count`.
class country_code {
public:
    static constexpr std::size_t count = detail::country_count;

    // The country whose alpha-2 or alpha-3 code is exactly `code`. Upper case only, as the
    // server writes codes: anything else, "es" or "XK" (user-assigned, not official) included,
    // is not a code and gives nullopt.
    static constexpr std::optional<country_code> from_code(std::string_view code) {
        using namespace detail;
        // A place of country_count, for a code that is not there, gives nullopt.
        if (code.size() == 2) return from_index(find_country(countries_by_alpha2, code.data(), 2));
        if (code.size() != 3) return std::nullopt;
        const auto place = find_country(countries_by_alpha3, code.data(), 3);
        if (place == count) return std::nullopt;
        const char* const alpha2 = countries_by_alpha3 + place * country_record_size + 4;
        return from_index(find_country(countries_by_alpha2, alpha2, 2));
    }

    // The country at `index` in alpha-2 order, if index < count.
    static constexpr std::optional<country_code> from_index(std::size_t index) {
        if (index >= count) return std::nullopt;
        return country_code(static_cast<std::uint8_t>(index));
    }

    constexpr std::string_view alpha2() const { return std::string_view(record()); }
    constexpr std::string_view alpha3() const { return std::string_view(record() + 3); }

    // The place of the code in alpha-2 order, below `count`.
    constexpr std::size_t index() const { return index_; }

    friend constexpr auto operator<=>(const country_code&, const country_code&) = default;

private:
    constexpr explicit country_code(std::uint8_t index)
        : index_(index) {}

    constexpr const char* record() const {
        return detail::countries_by_alpha2 + index_ * detail::country_record_size;
    }

    std::uint8_t index_;
};

} // namespace didit::inline DIDIT_SESSIONS_ABI
