// Tests for the time stage: a table of expressions with their publication
// day and expected TIMEX3 value, the dates of the gold events of the sample
// articles, numbers that are not dates, and the `timex` command.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "time/detail/reading.h"
#include "time/detail/tokens.h"
#include "time/time.h"

using namespace eventgraph;

namespace {

date::sys_days day_of(const char* iso) {
  auto t = parse_publication_time(iso);
  REQUIRE(t.has_value());
  return t->local_day;
}

std::vector<TimeExpression> find(const char* dct, std::string_view text,
                                 NumericDateOrder order = NumericDateOrder::month_first) {
  TimeContext context;
  context.document_day = day_of(dct);
  context.numeric_order = order;
  return find_time_expressions(text, context);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  const char* dct;
  const char* text;
  const char* expression;  // as it must be found in `text`
  const char* type;
  const char* value;
  const char* mod = "";
};

// Wednesday 2015-09-30 unless said otherwise: ISO week 2015-W40.
constexpr const char* W = "2015-09-30";

const Case kCases[] = {
    // Absolute dates in the forms news uses.
    {W, "The talks began on September 30, 2015.", "September 30, 2015", "DATE", "2015-09-30"},
    {W, "They met Sept. 28, 2015, in New York.", "Sept. 28, 2015", "DATE", "2015-09-28"},
    {W, "29 Sep, 2015 23:35", "29 Sep, 2015 23:35", "TIME", "2015-09-29T23:35"},
    {W, "Posted 29 Sep, 2015 by RT.", "29 Sep, 2015", "DATE", "2015-09-29"},
    {W, "Filed 2015-09-30 by staff.", "2015-09-30", "DATE", "2015-09-30"},
    {W, "The order of 30/09/2015 stands.", "30/09/2015", "DATE", "2015-09-30"},
    {W, "The order of 09/30/2015 stands.", "09/30/2015", "DATE", "2015-09-30"},
    {W, "The order of 03/04/2015 stands.", "03/04/2015", "DATE", "2015-03-04"},
    {W, "The order of 9/30/15 stands.", "9/30/15", "DATE", "2015-09-30"},
    {W, "Am 30.09.2015 begann es.", "30.09.2015", "DATE", "2015-09-30"},
    {W, "It ended on the 28th of September.", "the 28th of September", "DATE", "2015-09-28"},
    {W, "Sales rose in September 2015.", "September 2015", "DATE", "2015-09"},
    {W, "It began in September of 2014.", "September of 2014", "DATE", "2014-09"},
    {W, "a meeting Monday, Sept. 28, 2015, at the UN", "Monday, Sept. 28, 2015", "DATE",
     "2015-09-28"},
    {W, "He spoke Tuesday, Sept. 29, in Washington.", "Tuesday, Sept. 29", "DATE", "2015-09-29"},
    {W, "the attack of Dec. 7, 1941, on the fleet", "Dec. 7, 1941", "DATE", "1941-12-07"},
    {"2000-01-07", "The editorial of Jan. 6 said so.", "Jan. 6", "DATE", "2000-01-06"},
    {"2000-01-07", "He was rescued on Nov. 25 off Florida.", "Nov. 25", "DATE", "1999-11-25"},
    {"1989-11-02", "The rights, which expire Nov. 21, were issued.", "Nov. 21", "DATE",
     "1989-11-21"},
    {"1998-04-24", "the editorial on Saturday, April 25", "Saturday, April 25", "DATE",
     "1998-04-25"},
    {"1998-08-07", "HAVANA, August 7 (Xinhua) --", "August 7", "DATE", "1998-08-07"},
    {W, "bonds due March 1, 2011, were sold", "March 1, 2011", "DATE", "2011-03-01"},
    {W, "He moved there in 1998.", "1998", "DATE", "1998"},
    {W, "It has been run by the party since 1959.", "1959", "DATE", "1959"},
    {W, "Before the 2016 election, polls moved.", "2016", "DATE", "2016"},
    {W, "It happened in nineteen ninety-four.", "nineteen ninety-four", "DATE", "1994"},
    {W, "January nineteen ninety-seven. Atlanta again.", "January nineteen ninety-seven", "DATE",
     "1997-01"},
    {W, "It was to be done by the year two thousand.", "year two thousand", "DATE", "2000"},
    {W, "Net income in fiscal 2014 rose.", "fiscal 2014", "DATE", "2014"},
    // Weekdays follow the tense of their clause; with none, the past.
    {W, "Pentagon spokesman Peter Cook said on Tuesday.", "Tuesday", "DATE", "2015-09-29"},
    {W, "The leaders will meet on Friday.", "Friday", "DATE", "2015-10-02"},
    {W, "On Wednesday, Russian lawmakers voted.", "Wednesday", "DATE", "2015-09-30"},
    {W, "The minister said Friday that talks failed.", "Friday", "DATE", "2015-09-25"},
    {W, "Officials met with him Sunday.", "Sunday", "DATE", "2015-09-27"},
    {W, "He arrived last Tuesday.", "last Tuesday", "DATE", "2015-09-29"},
    {W, "He arrived last Wednesday.", "last Wednesday", "DATE", "2015-09-23"},
    {W, "They meet next Friday.", "next Friday", "DATE", "2015-10-02"},
    {W, "They meet next Wednesday.", "next Wednesday", "DATE", "2015-10-07"},
    {W, "They meet this Friday.", "this Friday", "DATE", "2015-10-02"},
    {W, "He will arrive Monday in Moscow.", "Monday", "DATE", "2015-10-05"},
    {W, "The vote is expected Thursday.", "Thursday", "DATE", "2015-10-01"},
    {"2015-09-29", "Putin said on Monday.", "Monday", "DATE", "2015-09-28"},
    {"2015-09-29", "Cook told reporters Tuesday.", "Tuesday", "DATE", "2015-09-29"},
    {"1989-10-30", "On Oct. 27, 1989, the index fell 4.5% from the previous Friday.",
     "the previous Friday", "DATE", "1989-10-20"},
    {W, "They met Sept. 28, 2015, and again the following Monday.", "the following Monday",
     "DATE", "2015-10-05"},
    // Parts of the day.
    {W, "A defense official told the AP Wednesday morning.", "Wednesday morning", "TIME",
     "2015-09-30TMO"},
    {W, "This morning, Carter directed his staff.", "This morning", "TIME", "2015-09-30TMO"},
    {W, "He will speak tonight.", "tonight", "TIME", "2015-09-30TNI"},
    {W, "Shots were fired last night.", "last night", "TIME", "2015-09-29TNI"},
    {W, "They met yesterday afternoon.", "yesterday afternoon", "TIME", "2015-09-29TAF"},
    {W, "They will meet tomorrow evening.", "tomorrow evening", "TIME", "2015-10-01TEV"},
    {W, "The vote will be held Friday night.", "Friday night", "TIME", "2015-10-02TNI"},
    {W, "He speaks this evening.", "this evening", "TIME", "2015-09-30TEV"},
    {W, "The strikes began early Tuesday, officials said.", "early Tuesday", "DATE", "2015-09-29",
     "START"},
    {W, "The strikes began late Monday, officials said.", "late Monday", "DATE", "2015-09-28",
     "END"},
    // Clock times, joined to their day.
    {"1998-02-13", "He was kidnapped at 10 p.m. Wednesday, police said.", "10 p.m. Wednesday",
     "TIME", "1998-02-11T22:00"},
    {"1998-02-13", "Talks broke off at noon Thursday.", "noon Thursday", "TIME",
     "1998-02-12T12:00"},
    {W, "Susan Jones | September 30, 2015 | 8:23am EDT", "8:23am EDT", "TIME",
     "2015-09-30T08:23"},
    {"1989-11-02", "The offer runs until 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9", "TIME",
     "1989-11-09T17:00"},
    {W, "The blast came at 10:35 a.m. local time.", "10:35 a.m.", "TIME", "2015-09-30T10:35"},
    {W, "The curfew starts at midnight.", "midnight", "TIME", "2015-09-30T24:00"},
    // Months.
    {W, "As CNSNews.com reported in July, Dunford spoke.", "July", "DATE", "2015-07"},
    {W, "In late September, Cook told reporters.", "late September", "DATE", "2015-09", "END"},
    {"1989-10-30", "Guidelines will be published in early November.", "early November", "DATE",
     "1989-11", "START"},
    {W, "Fighting resumed in mid-September.", "mid-September", "DATE", "2015-09", "MID"},
    {W, "Reports surfaced earlier in September.", "earlier in September", "DATE", "2015-09"},
    {W, "It rained last July.", "last July", "DATE", "2015-07"},
    {W, "Elections come next March.", "next March", "DATE", "2016-03"},
    {W, "It opens this December.", "this December", "DATE", "2015-12"},
    {W, "Sales fell in December, the company said.", "December", "DATE", "2014-12"},
    {W, "The plant will open in December.", "December", "DATE", "2015-12"},
    {W, "It began in July last year.", "July last year", "DATE", "2014-07"},
    // Seasons.
    {W, "Prices rose last summer.", "last summer", "DATE", "2015-SU"},
    {W, "Prices rose this summer.", "this summer", "DATE", "2015-SU"},
    {W, "Talks resume next spring.", "next spring", "DATE", "2016-SP"},
    {W, "It was built in the summer of 2014.", "the summer of 2014", "DATE", "2014-SU"},
    {W, "The vote will come in the fall.", "the fall", "DATE", "2015-FA"},
    {W, "Troops left in winter 2014.", "winter 2014", "DATE", "2014-WI"},
    {W, "Work starts in spring 2016.", "spring 2016", "DATE", "2016-SP"},
    {"1989-10-30", "The unit was sold this past spring.", "this past spring", "DATE", "1989-SP"},
    // Quarters and halves.
    {"1989-10-26", "Net income rose 51% in the third quarter.", "the third quarter", "DATE",
     "1989-Q3"},
    {"1989-10-26", "It posted a third-quarter loss.", "third-quarter", "DATE", "1989-Q3"},
    {"1989-10-30", "It will break even in the fourth quarter.", "the fourth quarter", "DATE",
     "1989-Q4"},
    {W, "Growth slowed in the first quarter of 2015.", "the first quarter of 2015", "DATE",
     "2015-Q1"},
    {W, "Revenue in Q3 2015 rose.", "Q3 2015", "DATE", "2015-Q3"},
    {W, "Earnings for the first half of 1989 fell.", "the first half of 1989", "DATE", "1989-H1"},
    {"1989-10-26", "Sun shipped 28,000 systems in the quarter.", "the quarter", "DATE",
     "1989-Q3"},
    {"1989-10-26", "Profit rose in the third quarter from $5 million in the year-ago quarter.",
     "the year-ago quarter", "DATE", "1988-Q3"},
    {"1989-10-26", "Profit in the third quarter was $7 million, up from $5 million a year earlier.",
     "a year earlier", "DATE", "1988-Q3"},
    // Years.
    {W, "Exports fell last year.", "last year", "DATE", "2014"},
    {W, "Exports fell this year.", "this year", "DATE", "2015"},
    {W, "Exports will fall next year.", "next year", "DATE", "2016"},
    {W, "The war began two years ago.", "two years ago", "DATE", "2013"},
    {W, "The war began a year ago.", "a year ago", "DATE", "2014"},
    {W, "The company went public earlier this year.", "earlier this year", "DATE", "2015"},
    {W, "A decision is due later this year.", "later this year", "DATE", "2015"},
    {W, "The product ships early next year.", "early next year", "DATE", "2016", "START"},
    {W, "Hate groups grew over the past year.", "the past year", "DATE", "2014"},
    {W, "The deal should close by year-end.", "year-end", "DATE", "2015", "END"},
    {W, "Troops leave by the end of the year.", "the end of the year", "DATE", "2015", "END"},
    {W, "Troops leave at the beginning of 2016.", "the beginning of 2016", "DATE", "2016",
     "START"},
    {W, "Prices peaked late last year.", "late last year", "DATE", "2014", "END"},
    {W, "The law takes effect in mid-2016.", "mid-2016", "DATE", "2016", "MID"},
    // Decades and centuries.
    {W, "Russia was weak in the 1990s.", "the 1990s", "DATE", "199"},
    {W, "a 50% share by the mid-1990s", "the mid-1990s", "DATE", "199", "MID"},
    {W, "It was built in the early 1980s.", "the early 1980s", "DATE", "198", "START"},
    {W, "It was built in the late 1970s.", "the late 1970s", "DATE", "197", "END"},
    {W, "Music of the '90s returned.", "the '90s", "DATE", "199"},
    {W, "Music of the nineties returned.", "the nineties", "DATE", "199"},
    {W, "the worst war of the 20th century", "the 20th century", "DATE", "19"},
    {W, "the threats of the twenty-first century", "the twenty-first century", "DATE", "20"},
    {W, "Growth in the 2000s was strong.", "the 2000s", "DATE", "200"},
    // Weeks and weekends.
    {W, "Money streamed out last week.", "last week", "DATE", "2015-W39"},
    {W, "Prosecutors acted this week.", "this week", "DATE", "2015-W40"},
    {W, "Talks start next week.", "next week", "DATE", "2015-W41"},
    {W, "He was invited two weeks ago.", "two weeks ago", "DATE", "2015-W38"},
    {W, "Protests broke out over the weekend.", "the weekend", "DATE", "2015-W39-WE"},
    {W, "Protests are planned this weekend.", "this weekend", "DATE", "2015-W40-WE"},
    {W, "Protests broke out last weekend.", "last weekend", "DATE", "2015-W39-WE"},
    // Months and days relative to the publication day.
    {W, "Jobs grew last month.", "last month", "DATE", "2015-08"},
    {W, "Jobs grew this month.", "this month", "DATE", "2015-09"},
    {W, "Jobs will grow next month.", "next month", "DATE", "2015-10"},
    {W, "The company went public earlier this month.", "earlier this month", "DATE", "2015-09"},
    {W, "The car was found three months ago.", "three months ago", "DATE", "2015-06"},
    {W, "Prices fell yesterday.", "yesterday", "DATE", "2015-09-29"},
    {W, "Prices fell today.", "today", "DATE", "2015-09-30"},
    {W, "Prices may fall tomorrow.", "tomorrow", "DATE", "2015-10-01"},
    {W, "The ship sank three days ago.", "three days ago", "DATE", "2015-09-27"},
    // Dates relative to the last date the text gave.
    {W, "They met on Sept. 28, 2015. Aides had prepared it the day before.", "the day before",
     "DATE", "2015-09-27"},
    {W, "They met on Sept. 28, 2015. The next day, Cook spoke.", "The next day", "DATE",
     "2015-09-29"},
    {W, "They met on Sept. 28, 2015. Two days later, jets flew.", "Two days later", "DATE",
     "2015-09-30"},
    {W, "They met on Sept. 28, 2015. A day earlier, Putin spoke.", "A day earlier", "DATE",
     "2015-09-27"},
    {W, "They met on Sept. 28, 2015. Protests began that day.", "that day", "DATE", "2015-09-28"},
    {W, "Tuesday's announcement came one day after Obama met Putin.", "one day after", "DATE",
     "2015-09-28"},
    {"1989-11-02", "On Nov. 1, 1989, profit was $5 million, up from $4 million a year earlier.",
     "a year earlier", "DATE", "1988-11-01"},
    // Durations.
    {W, "Vessels have been shuttling back and forth for weeks.", "weeks", "DURATION", "PXW"},
    {W, "the four-year long civil war", "four-year long", "DURATION", "P4Y"},
    {W, "Prices rose over the past several months.", "the past several months", "DURATION", "PXM"},
    {W, "He lived there for two years.", "two years", "DURATION", "P2Y"},
    {W, "He lived there for a decade.", "a decade", "DURATION", "P10Y"},
    {W, "The strike lasted 24 hours.", "24 hours", "DURATION", "PT24H"},
    {W, "Talks continue over the next two weeks.", "the next two weeks", "DURATION", "P2W"},
    {W, "For nearly forty years the wall stood.", "nearly forty years", "DURATION", "P40Y",
     "EQUAL_OR_LESS"},
    {W, "The tour will last more than two weeks.", "more than two weeks", "DURATION", "P2W",
     "MORE_THAN"},
    {W, "The repairs take about three months.", "about three months", "DURATION", "P3M", "APPROX"},
    {W, "a 30-day ceasefire", "30-day", "DURATION", "P30D"},
    {W, "He stayed for a few days.", "a few days", "DURATION", "PXD"},
    {W, "In the last twenty-four hours, stocks fell.", "the last twenty-four hours", "DURATION",
     "PT24H"},
    {W, "He has been held for several years.", "several years", "DURATION", "PXY"},
    {W, "Banks must wait at least 30 days.", "at least 30 days", "DURATION", "P30D",
     "EQUAL_OR_MORE"},
    {W, "Kidnappings rose in recent years.", "recent years", "DURATION", "PXY"},
    {W, "a year-long investigation", "year-long", "DURATION", "P1Y"},
    {W, "He will stay for two more weeks.", "two more weeks", "DURATION", "P2W"},
    {W, "Eight trading days after the crash, the index recovered.", "Eight trading days",
     "DURATION", "P8D"},
    // Sets.
    {W, "Flights depart each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"},
    {W, "He works there every day.", "every day", "SET", "P1D"},
    {W, "The council meets daily.", "daily", "SET", "P1D"},
    {W, "Inspections happen every year.", "every year", "SET", "P1Y"},
    {W, "Orangemen march each July.", "each July", "SET", "XXXX-07"},
    {W, "The market opens on Tuesdays.", "Tuesdays", "SET", "XXXX-WXX-2"},
    {W, "The show airs Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"},
    {W, "The board meets twice a week.", "twice a week", "SET", "P1W"},
    {W, "Profits doubled annually.", "annually", "SET", "P1Y"},
    {W, "Tourists come every summer.", "every summer", "SET", "XXXX-SU"},
    // Vague references.
    {W, "Russia is now readying strikes.", "now", "DATE", "PRESENT_REF"},
    {W, "The group currently holds 15%.", "currently", "DATE", "PRESENT_REF"},
    {W, "Tension has increased recently.", "recently", "DATE", "PAST_REF"},
    {W, "He fears for the future.", "the future", "DATE", "FUTURE_REF"},
    {W, "Details will be worked out in the coming days.", "the coming days", "DATE", "FUTURE_REF"},
    {W, "Such talks failed in the past.", "the past", "DATE", "PAST_REF"},
    {W, "Nobody reads these days.", "these days", "DATE", "PRESENT_REF"},
    {W, "A deal is possible in the near future.", "the near future", "DATE", "FUTURE_REF"},
    {W, "Funds may sell in the weeks ahead.", "the weeks ahead", "DATE", "FUTURE_REF"},
    // Holidays and approximate dates.
    {W, "Troops should be home by Christmas.", "Christmas", "DATE", "2015-12-25"},
    {W, "Families will gather on Thanksgiving.", "Thanksgiving", "DATE", "2015-11-26"},
    {W, "The law takes effect on New Year's Day.", "New Year's Day", "DATE", "2016-01-01"},
    {"1989-10-30", "The sale will be completed around Nov. 1.", "around Nov. 1", "DATE",
     "1989-11-01", "APPROX"},
    {"1989-11-02", "The offer expires at the end of November.", "the end of November", "DATE",
     "1989-11", "END"},
};

}  // namespace

TEST_CASE("the table of expressions resolves to the expected TIMEX3 values") {
  static_assert(std::size(kCases) >= 150);
  for (const Case& c : kCases) {
    INFO("text: " << c.text << " (published " << c.dct << ")");
    std::vector<TimeExpression> found = find(c.dct, c.text);
    const TimeExpression* hit = nullptr;
    for (const TimeExpression& e : found)
      if (e.text == c.expression) hit = &e;
    INFO("expected expression: " << c.expression);
    std::string all;
    for (const TimeExpression& e : found) all += "[" + e.text + " " + e.time.value + "] ";
    INFO("found: " << all);
    REQUIRE(hit != nullptr);
    CHECK(to_string(hit->time.type) == c.type);
    CHECK(hit->time.value == c.value);
    CHECK(to_string(hit->time.mod) == c.mod);
    // Spans index the text as given.
    CHECK(std::string_view(c.text).substr(hit->span.begin_byte, hit->span.size()) == hit->text);
  }
}

TEST_CASE("numbers and words that are not times are not found") {
  const char* texts[] = {
      "Putin told CBS's '60 Minutes' about it.",
      "At least 2000 troops were killed.",
      "The attack killed 1,500 people.",
      "He was born near a hot spring.",
      "the fall of Rome and the spring of revolt",
      "June Carter sang with Johnny Cash.",
      "The late president spoke through an interpreter.",
      "The set costs $1999 at most stores.",
      "Section 2015 of the code applies.",
      "Prices may fall and march higher.",
      "Jan Kavan of the Czech Republic signed.",
      "He watched High Noon twice.",
      "Mr. Schwarz, 52 years old, will succeed him.",
      "A quarter of the shares were sold.",
  };
  for (const char* text : texts) {
    INFO("text: " << text);
    std::vector<TimeExpression> found = find(W, text);
    std::string all;
    for (const TimeExpression& e : found) all += "[" + e.text + "] ";
    INFO("found: " << all);
    CHECK(found.empty());
  }
}

// Each token is classified once through a table of the words rules name:
// case folding, near misses, long words and letters beside non-ASCII bytes
// must all read as the words they are. The table compares a word's first 8
// bytes at once, then its size, then (past 8 bytes) the rest: words of 8
// and 9 letters, words that share a key's first 8 bytes, and a word that
// ends the text too.
TEST_CASE("words are recognized whatever their case and neighbours") {
  struct Edge {
    const char* text;
    const char* found;  // "[expression]=value " for each one found
  };
  const Edge edges[] = {
      {"He left YESTERDAY and Yesterday and yesterdays, tomorow, yesterdayyesterday.",
       "[YESTERDAY]=2015-09-29 [Yesterday]=2015-09-29 "},
      {"They met TUESDAY, not tUESDAY, and meet on Tuesdays.",
       "[TUESDAY]=2015-09-29 [Tuesdays]=XXXX-WXX-2 "},
      {"internationalizations today; counterrevolutionaries next week; THE PAST YEAR.",
       "[today]=2015-09-30 [next week]=2015-W41 [THE PAST YEAR]=2014 "},
      {"caf\xC3\xA9yesterday today\xC3\xA9 na\xC3\xAFve last week \xC3\xA9week ago",
       "[yesterday]=2015-09-29 [today]=2015-09-30 [last week]=2015-W39 "},
      {"In the last twenty-four hours, about two years ago, for weeks.",
       "[the last twenty-four hours]=PT24H [about two years ago]=2013 [weeks]=PXW "},
      {"Tomorrow", "[Tomorrow]=2015-10-01 "},
      {"tomorrowx, tomorro, THURSDAYS and tomorrow",
       "[THURSDAYS]=XXXX-WXX-4 [tomorrow]=2015-10-01 "},
      {"in Septembers, in Septembe, in SEPTEMBER", "[SEPTEMBER]=2015-09 "},
      {"approximatelyy two years ago, approximately two years ago",
       "[two years ago]=2013 [approximately two years ago]=2013 "},
      {"the correspondingly period; the corresponding period last year; at midnight",
       "[the corresponding period last year]=2014 [midnight]=2015-09-30T24:00 "},
  };
  for (const Edge& edge : edges) {
    INFO("text: " << edge.text);
    std::string all;
    for (const TimeExpression& e : find(W, edge.text)) all += "[" + e.text + "]=" + e.time.value + " ";
    CHECK(all == edge.found);
  }
}

// The tokenizer scans a word's letters eight bytes at a time while eight
// remain, then byte by byte, writing their lower case into one buffer with
// stores that may run past the word. Every word token must still be the
// whole run of ASCII letters, lower-cased, with its case flags and table
// entry, whatever byte ends it, at any length, at the end of the text too.
TEST_CASE("the tokenizer reads words the same eight bytes at a time and one by one") {
  auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  auto check_words = [&](const std::string& text) {
    detail::TokenizedText tokenized = detail::tokenize(text);
    std::size_t words = 0;
    for (const detail::Token& t : tokenized.tokens) {
      // Every token has its table entry, punctuation by a table of bytes.
      CHECK(t.info == (t.kind == detail::TokenKind::number ? &detail::kNumberWord
                                                           : &detail::word_info(t.lower)));
      if (t.kind != detail::TokenKind::word) continue;
      ++words;
      REQUIRE(t.end > t.begin);
      CHECK((t.begin == 0 || !is_letter(text[t.begin - 1])));
      CHECK((t.end == text.size() || !is_letter(text[t.end])));
      std::string lower;
      bool all_upper = true;
      for (std::size_t k = t.begin; k < t.end; ++k) {
        REQUIRE(is_letter(text[k]));
        lower += static_cast<char>(text[k] | 0x20);
        all_upper = all_upper && text[k] <= 'Z';
      }
      CHECK(t.lower == lower);
      CHECK(t.is_capitalized == (text[t.begin] <= 'Z'));
      CHECK(t.is_all_caps == (all_upper && lower.size() > 1));
      CHECK(t.info == &detail::word_info(lower));
    }
    std::size_t runs = 0;
    for (std::size_t k = 0; k < text.size(); ++k)
      if (is_letter(text[k]) && (k == 0 || !is_letter(text[k - 1]))) ++runs;
    CHECK(words == runs);
  };
  const std::string stems[] = {"yesterdaythursday", "YESTERDAYTHURSDAY", "Yesterdaythursday",
                               "yesterdaythursdaY", "tOMORROWSEPTEMBER"};
  for (int byte = 1; byte < 256; ++byte) {
    for (const std::string& stem : stems) {
      for (std::size_t n = 1; n <= stem.size(); ++n) {
        INFO("byte " << byte << ", word " << stem.substr(0, n));
        std::string word = stem.substr(0, n);
        // A UTF-8 lead byte takes the bytes after it into its token: give
        // it continuation bytes to take.
        std::string mark(1, static_cast<char>(byte));
        if (byte >= 0xC0) mark += "\x80\x80\x80";
        check_words(word + mark + "Qz");
        check_words("x" + word + mark);
        check_words(mark + word);
      }
    }
  }
  check_words("aB cD eFgHiJkL MNOPQRSTUVW x Yz TODAY today Today");
}

// The tokenizer takes the one space after a token without going round its
// loop again, and every other run of whitespace byte by byte: both ways
// must give the same tokens and the same flags of the space and the line
// break before each, at the start and end of the text too.
TEST_CASE("the tokenizer marks the space and the line break before each token") {
  struct Edge {
    std::string text;
    // Each token's text, "_" after it when a space comes before it and
    // "^" when a line break does.
    const char* tokens;
  };
  const Edge edges[] = {
      {"Sept. 28, 2015", "sept_^ . 28_ , 2015_ "},
      {" Sept.\xC2\xA0" "28 ,2015 ", "sept_^ . 28_ ,_ 2015 "},
      {"at 3:30 p.m.", "at_^ 3_ : 30 p_ . m . "},
      {"in '98 and the 1990s", "in_^ '_ 98 and_ the_ 1990_ s "},
      {"1,500 mid-2015  x\n\ny \n z", "1,500_^ mid_ - 2015 x_ y_^ z_^ "},
      {"caf\xC3\xA9" "2015 \xE2\x80\x89" "2016", "caf_^ \xC3\xA9 2015 2016_ "},
      {"\n", ""},
      {"a", "a_^ "},
      {"a ", "a_^ "},
      {"a b  c", "a_^ b_ c_ "},
      {"a\tb \tc", "a_^ b_ c_ "},
      {"1 2  3,", "1_^ 2_ 3_ , "},
      {"x \xE2\x80\x94 y", "x_^ --_ y_ "},
  };
  for (const Edge& edge : edges) {
    INFO("text: " << edge.text);
    std::string all;
    for (const detail::Token& t : detail::tokenize(edge.text).tokens) {
      all += std::string(t.lower);
      if (t.has_space_before) all += "_";
      if (t.has_newline_before) all += "^";
      all += " ";
    }
    CHECK(all == edge.tokens);
  }
}

// A literal value is held inline, up to 23 bytes (the longest a rule can
// write: "XXXX-WXX-" + any int + "T" + a part of the day); a longer one is
// a bug and throws rather than being cut.
TEST_CASE("a literal value holds up to its capacity and refuses more") {
  detail::LiteralValue value;
  CHECK(value.empty());
  CHECK(value == "");
  value += std::string("XXXX-WXX-") + std::to_string(-2147483647 - 1);
  value += "T";
  value += "NI";
  CHECK(std::string_view(value) == "XXXX-WXX--2147483648TNI");
  CHECK(std::string_view(value).size() == detail::LiteralValue::kCapacity);
  CHECK_THROWS_AS(value += "x", std::length_error);
  CHECK(std::string_view(value) == "XXXX-WXX--2147483648TNI");
  detail::LiteralValue copy = value;
  CHECK(copy == "XXXX-WXX--2147483648TNI");
  CHECK_FALSE(copy == "XXXX-WXX--2147483648TN");
  CHECK_THROWS_AS(detail::LiteralValue(std::string(24, 'P')), std::length_error);
  CHECK(detail::LiteralValue(std::string(23, 'P')) == std::string(23, 'P'));
  // Through the recognizer: sets of weekday parts, durations, references.
  std::string all;
  for (const TimeExpression& e :
       find("2015-09-30", "on Tuesday nights, for 9999 decades, every Friday morning, now"))
    all += "[" + e.text + "]=" + e.time.value + " ";
  CHECK(all ==
        "[Tuesday nights]=XXXX-WXX-2TNI [9999 decades]=P99990Y "
        "[every Friday morning]=XXXX-WXX-5TMO [now]=PRESENT_REF ");
}

// Day values are written without snprintf for four-digit years; the years
// around them keep format_day's spelling.
TEST_CASE("day values at the ends of four-digit years") {
  CHECK(find("0000-01-01", "yesterday")[0].time.value == "-001-12-31");
  CHECK(find("0001-01-01", "yesterday")[0].time.value == "0000-12-31");
  CHECK(find("9999-12-30", "tomorrow")[0].time.value == "9999-12-31");
  CHECK(find("9999-12-31", "tomorrow")[0].time.value == "10000-01-01");
  CHECK(find("2015-09-30", "on Jan. 3, 1005")[0].time.value == "1005-01-03");
}

TEST_CASE("ambiguous numeric dates follow the stated order") {
  // A number above 12 settles the order; otherwise month first unless told.
  CHECK(find(W, "on 03/04/2015")[0].time.value == "2015-03-04");
  CHECK(find(W, "on 03/04/2015", NumericDateOrder::day_first)[0].time.value == "2015-04-03");
  CHECK(find(W, "on 13/04/2015")[0].time.value == "2015-04-13");
  CHECK(find(W, "on 04/13/2015", NumericDateOrder::day_first)[0].time.value == "2015-04-13");
  CHECK(find(W, "on 02/30/2015").empty());
}

TEST_CASE("resolved values carry the range of days they cover") {
  auto week = find(W, "It happened last week.");
  REQUIRE(week.size() == 1);
  CHECK(format_day(*week[0].time.earliest) == "2015-09-21");
  CHECK(format_day(*week[0].time.latest) == "2015-09-27");
  CHECK(week[0].time.granularity == Granularity::week);
  CHECK(week[0].time.anchor == TimeAnchor::publication_relative);

  auto early = find(W, "It happened earlier this month.");
  REQUIRE(early.size() == 1);
  CHECK(format_day(*early[0].time.earliest) == "2015-09-01");
  CHECK(format_day(*early[0].time.latest) == "2015-09-30");

  auto winter = find(W, "It happened in winter 2014.");
  REQUIRE(winter.size() == 1);
  CHECK(format_day(*winter[0].time.earliest) == "2014-12-01");
  CHECK(format_day(*winter[0].time.latest) == "2015-02-28");

  auto decade = find(W, "It happened in the 1990s.");
  REQUIRE(decade.size() == 1);
  CHECK(format_day(*decade[0].time.earliest) == "1990-01-01");
  CHECK(format_day(*decade[0].time.latest) == "1999-12-31");
  CHECK(decade[0].time.anchor == TimeAnchor::explicit_date);

  auto late = find(W, "It happened in late September.");
  REQUIRE(late.size() == 1);
  CHECK(format_day(*late[0].time.earliest) == "2015-09-21");
  CHECK(format_day(*late[0].time.latest) == "2015-09-30");

  auto duration = find(W, "It lasted four years.");
  REQUIRE(duration.size() == 1);
  CHECK_FALSE(duration[0].time.is_resolved());

  auto tuesday = find(W, "Cook said on Tuesday.");
  REQUIRE(tuesday.size() == 1);
  CHECK(single_day(tuesday[0].time) == day_of("2015-09-29"));
}

TEST_CASE("without a publication day relative expressions stay unresolved") {
  TimeContext none;
  auto found = find_time_expressions("He said on Tuesday that in July, on Sept. 28, 2015, ...",
                                     none);
  REQUIRE(found.size() == 3);
  CHECK(found[0].time.value == "XXXX-WXX-2");
  CHECK_FALSE(found[0].time.is_resolved());
  CHECK(found[1].time.value == "XXXX-07");
  CHECK(found[2].time.value == "2015-09-28");
  CHECK(found[2].time.is_resolved());
}

TEST_CASE("byte offsets survive multi-byte text and malformed UTF-8") {
  std::string text = "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xFF opened on Sept. 28, 2015.";
  auto found = find(W, text);
  REQUIRE(found.size() == 1);
  CHECK(text.substr(found[0].span.begin_byte, found[0].span.size()) == "Sept. 28, 2015");
  CHECK(find(W, "").empty());
}

// The gold events of the sample articles: each dated event whose text gives
// a time expression gets its gold date from that expression. G8, G9, G10
// and G12 have no expression of their own (the extraction stage dates them
// from the publication day or a neighbouring event); G16 and G17 are undated.
TEST_CASE("the gold events of the samples are dated from their time expressions") {
  struct GoldCase {
    const char* event;     // id in samples/gold.json
    const char* file;      // under samples/
    const char* dct;       // the file's publication day in gold.json
    const char* evidence;  // text before the expression in the file
    const char* expression;
  };
  const GoldCase cases[] = {
      {"G1", "000_c1eca96c0dcfe9f6.txt", "2015-09-30", "before a bilateral meeting",
       "Monday, Sept. 28, 2015"},
      {"G2", "002_69934d45cc2de441.txt", "2015-09-29", "", "This morning"},
      {"G2", "003_636d85819b5b41b1.txt", "2015-09-29", "", "This morning"},
      {"G2", "000_c1eca96c0dcfe9f6.txt", "2015-09-30", "has directed his staff", "Tuesday"},
      {"G3", "000_c1eca96c0dcfe9f6.txt", "2015-09-30", "Peter Cook said", "Tuesday"},
      {"G3", "003_636d85819b5b41b1.txt", "2015-09-29", "told reporters", "Tuesday"},
      {"G4", "000_c1eca96c0dcfe9f6.txt", "2015-09-30", "Associated Press", "Wednesday morning"},
      {"G5", "000_c1eca96c0dcfe9f6.txt", "2015-09-30", "President Obama, a harsh", "Wednesday"},
      {"G6", "003_636d85819b5b41b1.txt", "2015-09-29", "General Assembly on", "Monday"},
      {"G7", "002_69934d45cc2de441.txt", "2015-09-29", "Putin said on", "Monday"},
      {"G11", "000_c1eca96c0dcfe9f6.txt", "2015-09-30", "reported in", "July"},
      {"G13", "000_c1eca96c0dcfe9f6.txt", "2015-09-30", "Associated Press", "Wednesday morning"},
      {"G14", "003_636d85819b5b41b1.txt", "2015-09-29", "news reports surfaced",
       "earlier in September"},
      {"G15", "003_636d85819b5b41b1.txt", "2015-09-29", "", "late September"},
  };
  const std::string samples = std::string(EVENTGRAPH_SOURCE_DIR) + "/samples/";
  const std::string gold = read_file(samples + "gold.json");
  for (const GoldCase& c : cases) {
    INFO("event " << c.event << " in " << c.file);
    // The gold date of the event and the publication day of its document.
    std::size_t at = gold.find("\"id\": \"" + std::string(c.event) + "\"");
    REQUIRE(at != std::string::npos);
    std::size_t date_at = gold.find("\"date\": \"", at);
    REQUIRE(date_at != std::string::npos);
    date_at += 9;
    std::string gold_date = gold.substr(date_at, gold.find('"', date_at) - date_at);
    std::size_t doc_at = gold.find("\"file\": \"" + std::string(c.file) + "\"");
    REQUIRE(doc_at != std::string::npos);
    CHECK(gold.find("\"published\": \"" + std::string(c.dct), doc_at) <
          gold.find('}', doc_at));

    std::string text = read_file(samples + c.file);
    std::size_t from = text.find(c.evidence);
    REQUIRE(from != std::string::npos);
    const TimeExpression* hit = nullptr;
    const std::vector<TimeExpression> found = find(c.dct, text);
    for (const TimeExpression& e : found) {
      if (e.span.begin_byte >= from && e.text == c.expression) {
        hit = &e;
        break;
      }
    }
    REQUIRE(hit != nullptr);
    // A day-precise gold date is the expression's day (a part of the day
    // keeps its day); a month-precise one its month.
    CHECK(hit->time.value.substr(0, gold_date.size()) == gold_date);
    REQUIRE(hit->time.is_resolved());
    CHECK(format_day(*hit->time.earliest).substr(0, gold_date.size()) == gold_date);
  }
}

TEST_CASE("the same text gives the same expressions") {
  const std::string text = read_file(std::string(EVENTGRAPH_SOURCE_DIR) +
                                     "/samples/000_c1eca96c0dcfe9f6.txt");
  auto a = find(W, text);
  auto b = find(W, text);
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].span == b[i].span);
    CHECK(a[i].time == b[i].time);
  }
}

TEST_CASE("timex: a broken line is reported with line and column, the rest processed") {
  namespace fs = std::filesystem;
  if (!fs::exists(EVENTGRAPH_BINARY)) {
    MESSAGE("eventgraph binary not built; skipping");
    return;
  }
  fs::path dir = fs::temp_directory_path() / ("eventgraph_time_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream in(dir / "in.jsonl", std::ios::binary);
    in << R"({"id": "a", "dct": "2015-09-30", "text": "Cook said on Tuesday."})" << '\n'
       << R"({"id": "b", "dct": "2015-09-30", "text": "broken)" << '\n'
       << R"({"id": "c", "dct": "2015-09-30", "text": "caf\u00e9 in July"})" << '\n';
  }
  std::string command = std::string(EVENTGRAPH_BINARY) + " timex " + (dir / "in.jsonl").string() +
                        " > " + (dir / "out.jsonl").string() + " 2> " +
                        (dir / "err.txt").string();
  int status = std::system(command.c_str());
  CHECK(WEXITSTATUS(status) == 1);
  std::string out = read_file((dir / "out.jsonl").string());
  std::string err = read_file((dir / "err.txt").string());
  CHECK(out ==
        "{\"id\":\"a\",\"timexes\":[{\"begin\":13,\"end\":20,\"text\":\"Tuesday\",\"type\":"
        "\"DATE\",\"value\":\"2015-09-29\",\"mod\":\"\"}]}\n"
        "{\"id\":\"c\",\"timexes\":[{\"begin\":9,\"end\":13,\"text\":\"July\",\"type\":\"DATE\","
        "\"value\":\"2015-07\",\"mod\":\"\"}]}\n");
  CHECK(err.find("in.jsonl:2:49: error:") != std::string::npos);
  CHECK(err.find("[json-syntax]") != std::string::npos);
  fs::remove_all(dir);
}
