// The abbreviation table shared by sentence splitting and tokenization.
#include "text/detail/abbreviations.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

#include "text/detail/utf8.h"

namespace eventgraph::detail {
namespace {

// Kept sorted (byte order) and without duplicates; a test checks it.
constexpr std::string_view kNewsAbbreviations[] = {
    "Adm.",  "Ala.",  "Apr.",   "Ariz.", "Aug.",  "Brig.", "Calif.", "Capt.", "Cmdr.", "Co.",
    "Col.",  "Colo.", "Conn.",  "Corp.", "Cpl.",  "D.C.",  "Dec.",   "Dr.",   "Fla.",  "Ft.",
    "Ga.",   "Gen.",  "Gov.",   "Hon.",  "Ill.",  "Inc.",  "Jan.",   "Jr.",   "Kan.",  "Ky.",
    "La.",   "Lt.",   "Ltd.",   "Maj.",  "Mass.", "Md.",   "Messrs.", "Mich.", "Minn.", "Miss.",
    "Mo.",   "Mr.",   "Mrs.",   "Ms.",   "Mt.",   "No.",   "Nos.",  "Nov.",  "Oct.",  "Okla.",
    "Pa.",   "Prof.", "Pvt.",   "Rep.",  "Reps.", "Rev.",  "Sen.",   "Sens.", "Sept.", "Sgt.",
    "Sr.",   "St.",   "Supt.",  "Tenn.", "U.K.",  "U.N.",  "U.S.",   "U.S.A.", "Va.",  "Wash.",
    "Wis.",  "e.g.",  "i.e.",  "vs.",
};

// A word of up to 7 bytes as one number, its length and then its bytes
// (distinct for distinct words, NULs included): the lookup, made for every
// word before a period, compares integers instead of strings.
constexpr std::size_t kMaxPackedBytes = 7;

constexpr std::uint64_t pack(std::string_view word) {
  std::uint64_t key = word.size();
  for (char c : word) key = key << 8 | static_cast<unsigned char>(c);
  return key;
}

constexpr std::size_t kMaxAbbreviationBytes =
    std::ranges::max(kNewsAbbreviations, {}, &std::string_view::size).size();
static_assert(kMaxAbbreviationBytes <= kMaxPackedBytes);

constexpr auto kPackedAbbreviations = [] {
  std::array<std::uint64_t, std::size(kNewsAbbreviations)> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = pack(kNewsAbbreviations[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}();

}  // namespace

std::span<const std::string_view> news_abbreviations() { return kNewsAbbreviations; }

bool is_non_final_abbreviation(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  if (word.size() <= kMaxAbbreviationBytes &&
      std::binary_search(kPackedAbbreviations.begin(), kPackedAbbreviations.end(), pack(word))) {
    return true;
  }
  const DecodedCodePoint first = decode_utf8(word, 0);
  return first.is_valid && first.length + 1 == word.size() &&
         u_isupper(static_cast<UChar32>(first.code_point));
}

}  // namespace eventgraph::detail
