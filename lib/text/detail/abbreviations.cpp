// The abbreviation table shared by sentence splitting and tokenization.
#include "text/detail/abbreviations.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <iterator>

#include "text/detail/utf8.h"

namespace eventgraph::detail {
namespace {

// Kept sorted (byte order) so lookups can binary-search; a test checks it.
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

}  // namespace

std::span<const std::string_view> news_abbreviations() { return kNewsAbbreviations; }

bool is_non_final_abbreviation(std::string_view word) {
  if (word.size() < 2 || word.back() != '.') return false;
  if (std::binary_search(std::begin(kNewsAbbreviations), std::end(kNewsAbbreviations), word)) return true;
  const DecodedCodePoint first = decode_utf8(word, 0);
  return first.is_valid && first.length + 1 == word.size() &&
         u_isupper(static_cast<UChar32>(first.code_point));
}

}  // namespace eventgraph::detail
