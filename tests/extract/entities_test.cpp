// Tests of entity recognition and within-document resolution: the samples,
// a table of wire-style sentences about other events, the lexicon files and
// user lexicons that extend, correct or break them.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/detail/ascii.h"
#include "extract/detail/entities.h"
#include "extract/detail/entity_lexicon.h"
#include "extract/detail/lexicon_data.h"
#include "extract/extract.h"
#include "text/text.h"

namespace {

using namespace eventgraph;
using detail::EntityResult;

const Lexicon& builtin() {
  static const LexiconLoad loaded = load_lexicon({});
  return loaded.lexicon;
}

struct Analyzed {
  std::string text;
  EntityResult result;

  std::string at(const Span& span) const { return text.substr(span.begin_byte, span.size()); }
  // "surface=id" for every mention, in text order.
  std::vector<std::string> mentions() const {
    std::vector<std::string> out;
    for (const EntityMention& m : result.mentions) out.push_back(at(m.span) + "=" + m.entity_id);
    return out;
  }
  const Entity* entity(const std::string& id) const {
    for (const Entity& e : result.entities) {
      if (e.id == id) return &e;
    }
    return nullptr;
  }
};

Analyzed analyze(std::string_view raw, const Lexicon& lexicon = builtin(),
                 std::optional<date::sys_days> day = date::sys_days(date::year{2015} / 9 / 30)) {
  Analyzed a;
  a.text = normalize_text(raw, "test").text;
  detail::SegmentedText seg{a.text, split_sentences(a.text), {}, {}};
  for (const Sentence& s : seg.sentences) seg.tokens.push_back(tokenize(a.text, s.span));
  a.result = detail::find_entities(seg, lexicon.data().entities, day);
  return a;
}

std::string read_sample(const std::string& name) {
  std::ifstream in(std::string(EVENTGRAPH_SOURCE_DIR) + "/samples/" + name, std::ios::binary);
  REQUIRE(in);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Mentions are sorted by span and never overlap.
void check_well_formed(const Analyzed& a) {
  for (std::size_t i = 1; i < a.result.mentions.size(); ++i) {
    CHECK(a.result.mentions[i - 1].span.end_byte <= a.result.mentions[i].span.begin_byte);
  }
  std::set<std::string> ids;
  for (const EntityMention& m : a.result.mentions) ids.insert(m.entity_id);
  std::vector<std::string> entity_ids;
  for (const Entity& e : a.result.entities) entity_ids.push_back(e.id);
  CHECK(std::is_sorted(entity_ids.begin(), entity_ids.end()));
  CHECK(std::set<std::string>(entity_ids.begin(), entity_ids.end()) == ids);
}

// Every word `surname` in the text lies inside a mention of `id`.
void check_surname_resolves(const Analyzed& a, const std::string& surname, const std::string& id) {
  int seen = 0;
  for (std::size_t at = a.text.find(surname); at != std::string::npos; at = a.text.find(surname, at + 1)) {
    const bool is_word_start = at == 0 || !std::isalpha(static_cast<unsigned char>(a.text[at - 1]));
    const std::size_t end = at + surname.size();
    const bool is_word_end = end == a.text.size() || !std::isalpha(static_cast<unsigned char>(a.text[end]));
    if (!is_word_start || !is_word_end) continue;
    ++seen;
    bool is_covered = false;
    for (const EntityMention& m : a.result.mentions) {
      if (m.span.begin_byte <= at && end <= m.span.end_byte) {
        CHECK_MESSAGE(m.entity_id == id, surname, " at ", at, " is ", m.entity_id);
        is_covered = true;
      }
    }
    CHECK_MESSAGE(is_covered, surname, " at ", at, " is not a mention");
  }
  CHECK_MESSAGE(seen > 0, surname, " not in the text");
}

// For readable failure messages.
std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : " | ") + item;
  return out;
}

bool has_mention(const Analyzed& a, const std::string& surface, const std::string& id) {
  const auto all = a.mentions();
  return std::find(all.begin(), all.end(), surface + "=" + id) != all.end();
}

std::filesystem::path write_temp(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

}  // namespace

TEST_CASE("entities: the CNSNews sample names its people, countries and bodies") {
  const Analyzed a = analyze(read_sample("000_c1eca96c0dcfe9f6.txt"));
  check_well_formed(a);
  for (const char* id : {"person:barack-obama", "person:vladimir-putin", "person:ash-carter", "person:peter-cook",
                         "person:sergei-ivanov", "person:joseph-dunford", "person:bashar-al-assad"}) {
    CHECK_MESSAGE(a.entity(id) != nullptr, id);
  }
  check_surname_resolves(a, "Cook", "person:peter-cook");
  check_surname_resolves(a, "Carter", "person:ash-carter");
  check_surname_resolves(a, "Dunford", "person:joseph-dunford");
  CHECK(has_mention(a, "Defense Secretary Ash Carter", "person:ash-carter"));
  CHECK(has_mention(a, "Defense Secretary Carter", "person:ash-carter"));
  CHECK(has_mention(a, "Pentagon", "org:pentagon"));
  CHECK(has_mention(a, "spokesman Peter Cook", "person:peter-cook"));
  CHECK(has_mention(a, "Chairman Gen. Joseph DUnford Jr.", "person:joseph-dunford"));
  // "Russia's President President Vladimir Putin": the possessive marks the country.
  CHECK(has_mention(a, "Russia", "country:RUS"));
  CHECK(has_mention(a, "President President Vladimir Putin", "person:vladimir-putin"));
  CHECK(has_mention(a, "Russian", "country:RUS"));
  CHECK(has_mention(a, "Russian lawmakers", "org:russian-parliament"));
  CHECK(has_mention(a, "Kremlin", "org:kremlin"));
  CHECK(has_mention(a, "Moscow", "country:RUS"));
  CHECK(has_mention(a, "Assad regime", "country:SYR"));
  CHECK(has_mention(a, "ISIL", "group:islamic-state"));
  CHECK(has_mention(a, "Islamic State", "group:islamic-state"));
  CHECK(has_mention(a, "United Nations headquarters", "place:un-headquarters"));
  // "According to the Pentagon spokesman": Cook, the only Pentagon spokesman named.
  CHECK(has_mention(a, "spokesman", "person:peter-cook"));
  // "I think the secretary and others": Carter, the only secretary named.
  CHECK(has_mention(a, "secretary", "person:ash-carter"));
  const Entity* usa = a.entity("country:USA");
  REQUIRE(usa);
  CHECK(usa->qid == "Q30");
  CHECK(usa->aliases == std::vector<std::string>{"U.S."});
  const Entity* putin = a.entity("person:vladimir-putin");
  REQUIRE(putin);
  CHECK(putin->qid == "Q7747");
  CHECK(putin->aliases ==
        std::vector<std::string>{"President President Vladimir Putin", "President Vladimir Putin", "Putin"});

  std::set<std::string> affiliations;
  for (const Affiliation& x : a.result.affiliations) {
    affiliations.insert(x.person_id + " " + x.of + " " + x.title + " | " + a.at(x.evidence));
  }
  CHECK(affiliations.contains("person:sergei-ivanov person:vladimir-putin aide | Sergei Ivanov, a top Putin aide"));
  CHECK(affiliations.contains("person:peter-cook org:pentagon spokesman | Pentagon spokesman Peter Cook"));
  CHECK(affiliations.contains(
      "person:joseph-dunford org:joint-chiefs-of-staff Chairman | Joint Chiefs Chairman Gen. Joseph DUnford Jr."));
  CHECK(affiliations.contains("person:barack-obama country:USA President | United States President Barack Obama"));
}

TEST_CASE("entities: the RT sample resolves bracketed insertions and possessive titles") {
  const Analyzed a = analyze(read_sample("002_69934d45cc2de441.txt"), builtin(),
                             date::sys_days(date::year{2015} / 9 / 29));
  check_well_formed(a);
  for (const char* id : {"person:barack-obama", "person:vladimir-putin", "person:ash-carter", "person:peter-cook",
                         "person:bashar-al-assad"}) {
    CHECK_MESSAGE(a.entity(id) != nullptr, id);
  }
  check_surname_resolves(a, "Cook", "person:peter-cook");
  check_surname_resolves(a, "Carter", "person:ash-carter");
  CHECK(has_mention(a, "[Defense] Secretary [Ashton] Carter", "person:ash-carter"));
  CHECK(has_mention(a, "press secretary Peter Cook", "person:peter-cook"));
  CHECK(has_mention(a, "US", "country:USA"));  // "a US-led coalition"
  CHECK(has_mention(a, "Washington", "country:USA"));
  CHECK(has_mention(a, "UNGA", "org:un-general-assembly"));
  CHECK(has_mention(a, "General Assembly", "org:un-general-assembly"));
  CHECK(has_mention(a, "Defense Department", "org:pentagon"));
  // "the US President": Obama, president of the US on the day.
  CHECK(has_mention(a, "President", "person:barack-obama"));
  // "Syria's president": Assad.
  CHECK(has_mention(a, "president", "person:bashar-al-assad"));
  const Entity* carter = a.entity("person:ash-carter");
  REQUIRE(carter);
  CHECK(carter->aliases == std::vector<std::string>{"Defense Secretary Ashton Carter"});
}

TEST_CASE("entities: the Breitbart sample resolves titles, surnames and a dateline") {
  const Analyzed a = analyze(read_sample("003_636d85819b5b41b1.txt"), builtin(),
                             date::sys_days(date::year{2015} / 9 / 29));
  check_well_formed(a);
  for (const char* id : {"person:barack-obama", "person:ash-carter", "person:peter-cook", "person:ryan-zinke",
                         "person:sergei-shoigu", "person:bashar-al-assad", "person:vladimir-putin"}) {
    CHECK_MESSAGE(a.entity(id) != nullptr, id);
  }
  check_surname_resolves(a, "Cook", "person:peter-cook");
  check_surname_resolves(a, "Carter", "person:ash-carter");
  check_surname_resolves(a, "Zinke", "person:ryan-zinke");
  CHECK(has_mention(a, "Secretary of Defense Ashton Carter", "person:ash-carter"));
  CHECK(has_mention(a, "Secretary Carter", "person:ash-carter"));
  CHECK(has_mention(a, "Rep. Ryan Zinke", "person:ryan-zinke"));
  CHECK(has_mention(a, "Rep. Zinke", "person:ryan-zinke"));
  CHECK(has_mention(a, "Minister of Defense Sergei Shoygu", "person:sergei-shoigu"));
  CHECK(has_mention(a, "Department of Defense", "org:pentagon"));
  CHECK(has_mention(a, "DOD", "org:pentagon"));
  CHECK(has_mention(a, "House Armed Services Committee", "org:house-armed-services-committee"));
  CHECK(has_mention(a, "Damascus", "country:SYR"));
  CHECK(has_mention(a, "American", "country:USA"));
  CHECK(has_mention(a, "ISIS", "group:islamic-state"));
  // The dateline is where the story was filed, not the US government.
  CHECK(has_mention(a, "WASHINGTON, D.C.", "place:washington-dc"));
  // "declared the Pentagon spokesman"; "As the president discussed".
  CHECK(has_mention(a, "spokesman", "person:peter-cook"));
  CHECK(has_mention(a, "president", "person:barack-obama"));
  std::set<std::string> affiliations;
  for (const Affiliation& x : a.result.affiliations) affiliations.insert(x.person_id + " " + x.of);
  CHECK(affiliations.contains("person:ryan-zinke org:house-armed-services-committee"));
  CHECK(affiliations.contains("person:ryan-zinke org:us-house"));
}

TEST_CASE("entities: the same document gives the same result") {
  const std::string raw = read_sample("000_c1eca96c0dcfe9f6.txt");
  const Analyzed a = analyze(raw);
  const Analyzed b = analyze(raw);
  CHECK(a.mentions() == b.mentions());
  REQUIRE(a.result.entities.size() == b.result.entities.size());
  for (std::size_t i = 0; i < a.result.entities.size(); ++i) {
    CHECK(a.result.entities[i].id == b.result.entities[i].id);
    CHECK(a.result.entities[i].aliases == b.result.entities[i].aliases);
  }
}

TEST_CASE("entities: wire-style sentences about other events") {
  struct Case {
    const char* text;
    std::vector<std::string> mentions;  // every mention, "surface=id", in text order
  };
  const std::vector<Case> cases = {
      {"German Chancellor Angela Merkel met French President Francois Hollande in Berlin on Thursday.",
       {"German=country:DEU", "Chancellor Angela Merkel=person:angela-merkel", "French=country:FRA",
        "President Francois Hollande=person:francois-hollande", "Berlin=place:berlin"}},
      {"Israeli warplanes struck targets near Damascus overnight, the Israel Defense Forces said.",
       {"Israeli=country:ISR", "Damascus=place:damascus", "Israel Defense Forces=org:idf"}},
      {"Ukrainian Defense Minister Stepan Poltorak said Kiev would not withdraw heavy weapons.",
       {"Ukrainian=country:UKR", "Defense Minister Stepan Poltorak=person:stepan-poltorak", "Kiev=country:UKR"}},
      {"British lawmakers voted 397 to 223 to approve airstrikes in Syria.",
       {"British lawmakers=org:uk-parliament", "Syria=country:SYR"}},
      {"Sen. Jane Doe (D-N.Y.) said the bill would pass.", {"Sen. Jane Doe=person:jane-doe"}},
      {"Rep. John Roe (R-Texas), a member of the House Armed Services Committee, criticized the plan.",
       {"Rep. John Roe=person:john-roe", "House Armed Services Committee=org:house-armed-services-committee"}},
      {"Turkish President Recep Tayyip Erdogan spoke with Putin by phone.",
       {"Turkish=country:TUR", "President Recep Tayyip Erdogan=person:recep-tayyip-erdogan",
        "Putin=person:vladimir-putin"}},
      {"Iranian Foreign Minister Mohammad Javad Zarif arrived in Vienna.",
       {"Iranian=country:IRN", "Foreign Minister Mohammad Javad Zarif=person:mohammad-javad-zarif",
        "Vienna=place:vienna"}},
      {"Hezbollah fighters crossed into Syria, Lebanese officials said.",
       {"Hezbollah=group:hezbollah", "Syria=country:SYR", "Lebanese=country:LBN"}},
      {"The Islamic State group, also known as ISIL or Daesh, claimed the attack.",
       {"Islamic State group=group:islamic-state", "ISIL=group:islamic-state", "Daesh=group:islamic-state"}},
      {"NATO Secretary General Jens Stoltenberg urged Moscow to respect Turkish airspace.",
       {"NATO=org:nato", "Secretary General Jens Stoltenberg=person:jens-stoltenberg", "Moscow=country:RUS",
        "Turkish=country:TUR"}},
      {"Chinese President Xi Jinping arrived in Washington for a state visit.",
       {"Chinese=country:CHN", "President Xi Jinping=person:xi-jinping", "Washington=place:washington"}},
      {"White House press secretary Josh Earnest said Obama had been briefed.",
       {"White House=org:white-house", "press secretary Josh Earnest=person:josh-earnest",
        "Obama=person:barack-obama"}},
      {"Kremlin spokesman Dmitry Peskov said the Kremlin would respond.",
       {"Kremlin=org:kremlin", "spokesman Dmitry Peskov=person:dmitry-peskov", "Kremlin=org:kremlin"}},
      {"Saudi Arabia and Qatar back the Free Syrian Army.",
       {"Saudi Arabia=country:SAU", "Qatar=country:QAT", "Free Syrian Army=group:free-syrian-army"}},
      {"The U.N. Security Council met in New York on Friday.",
       {"U.N. Security Council=org:un-security-council", "New York=place:new-york"}},
      {"Gen. Philip Breedlove, NATO's top commander, warned of a buildup.",
       {"Gen. Philip Breedlove=person:philip-breedlove", "NATO=org:nato"}},
      {"Polish and Lithuanian troops joined the exercise.", {"Polish=country:POL", "Lithuanian=country:LTU"}},
      {"EU foreign ministers agreed on new sanctions against Russia.", {"EU=org:eu", "Russia=country:RUS"}},
      {"Prime Minister David Cameron told the House of Commons that Britain would act.",
       {"Prime Minister David Cameron=person:david-cameron", "House of Commons=org:uk-parliament",
        "Britain=country:GBR"}},
      {"Al-Qaeda's branch in Syria, the Nusra Front, seized the town.",
       {"Al-Qaeda=group:al-qaeda", "Syria=country:SYR", "Nusra Front=group:nusra-front"}},
      {"Egyptian President Abdel Fattah el-Sisi received the Jordanian king.",
       {"Egyptian=country:EGY", "President Abdel Fattah el-Sisi=person:abdel-fattah-el-sisi",
        "Jordanian=country:JOR"}},
      {"Israeli Defense Minister Moshe Yaalon met Defense Secretary Ash Carter at the Pentagon.",
       {"Israeli=country:ISR", "Defense Minister Moshe Yaalon=person:moshe-yaalon",
        "Defense Secretary Ash Carter=person:ash-carter", "Pentagon=org:pentagon"}},
      {"Russian Foreign Minister Sergei Lavrov and Secretary of State John Kerry spoke Tuesday.",
       {"Russian=country:RUS", "Foreign Minister Sergei Lavrov=person:sergei-lavrov",
        "Secretary of State John Kerry=person:john-kerry"}},
      {"Secretary of State John Kerry arrived in Geneva. Kerry met Lavrov there.",
       {"Secretary of State John Kerry=person:john-kerry", "Geneva=place:geneva", "Kerry=person:john-kerry",
        "Lavrov=person:sergei-lavrov"}},
      {"Pentagon spokesman Jeff Davis said the strike killed a militant. Davis declined to give details.",
       {"Pentagon=org:pentagon", "spokesman Jeff Davis=person:jeff-davis", "Davis=person:jeff-davis"}},
      {"Maj. Gen. Igor Konashenkov, a Russian Defense Ministry spokesman, denied the report.",
       {"Maj. Gen. Igor Konashenkov=person:igor-konashenkov", "Russian Defense Ministry=org:russian-defense-ministry"}},
      {"Mr. Peskov told reporters the talks would continue.", {"Mr. Peskov=person:dmitry-peskov"}},
      {"MOSCOW, Oct. 1 (Reuters) - Russian jets struck Raqqa.",
       {"MOSCOW=place:moscow", "Reuters=org:reuters", "Russian=country:RUS", "Raqqa=place:raqqa"}},
      {"Moscow says the strikes targeted Islamic State.", {"Moscow=country:RUS", "Islamic State=group:islamic-state"}},
      {"Washington will not cooperate with Damascus, the State Department said.",
       {"Washington=country:USA", "Damascus=country:SYR", "State Department=org:state-department"}},
      {"Ukraine's President Petro Poroshenko signed the law.",
       {"Ukraine=country:UKR", "President Petro Poroshenko=person:petro-poroshenko"}},
      {"THE US IS READY TO TALK", {}},
      {"US-led coalition jets hit ISIS targets near Raqqa.",
       {"US=country:USA", "ISIS=group:islamic-state", "Raqqa=place:raqqa"}},
      {"Bill Smith went home after the general public was told.", {}},
      {"Moldovan Prime Minister Valeriu Strelet resigned.",
       {"Moldovan=country:MDA", "Prime Minister Valeriu Strelet=person:valeriu-strelet"}},
      {"Indian and Pakistani troops exchanged fire along the border.",
       {"Indian=country:IND", "Pakistani=country:PAK"}},
      {"Iraqi Prime Minister Haider al-Abadi said Baghdad would share intelligence with Moscow, Tehran and Damascus.",
       {"Iraqi=country:IRQ", "Prime Minister Haider al-Abadi=person:haider-al-abadi", "Baghdad=country:IRQ",
        "Moscow=country:RUS", "Tehran=country:IRN", "Damascus=country:SYR"}},
      {"Spokeswoman Maria Zakharova of the Russian Foreign Ministry dismissed the claim.",
       {"Spokeswoman Maria Zakharova=person:maria-zakharova", "Russian Foreign Ministry=org:russian-foreign-ministry"}},
      {"The Hamas-run health ministry in Gaza said 12 people were hurt.", {"Hamas=group:hamas", "Gaza=place:gaza-strip"}},
      {"Australian Prime Minister Malcolm Turnbull was sworn in on Tuesday. Turnbull promised stability.",
       {"Australian=country:AUS", "Prime Minister Malcolm Turnbull=person:malcolm-turnbull",
        "Turnbull=person:malcolm-turnbull"}},
      {"Japan's Prime Minister Shinzo Abe addressed the United Nations General Assembly.",
       {"Japan=country:JPN", "Prime Minister Shinzo Abe=person:shinzo-abe",
        "United Nations General Assembly=org:un-general-assembly"}},
      {"Mayor Gruber spoke first. Later, Mayor Hans Gruber arrived in Paris.",
       {"Mayor Gruber=person:hans-gruber", "Mayor Hans Gruber=person:hans-gruber", "Paris=place:paris"}},
      {"The Taliban and al-Qaida rejected the talks, Afghan officials said.",
       {"Taliban=group:taliban", "al-Qaida=group:al-qaeda", "Afghan=country:AFG"}},
  };
  for (const Case& c : cases) {
    const Analyzed a = analyze(c.text);
    CHECK_MESSAGE(join(a.mentions()) == join(c.mentions), c.text);
    check_well_formed(a);
  }
}

TEST_CASE("entities: people unknown to the lexicon get ids from their names") {
  const Analyzed a = analyze(
      "Sen. Jane Doe (D-N.Y.) and Rep. Ryan Zinke (R-MT) met on Monday. Doe said the talks went well. "
      "\"We agreed,\" Zinke said.");
  const Entity* doe = a.entity("person:jane-doe");
  REQUIRE(doe);
  CHECK(doe->name == "Jane Doe");
  CHECK(doe->kind == EntityKind::person);
  CHECK(doe->aliases == std::vector<std::string>{"Doe", "Sen. Jane Doe"});
  CHECK(has_mention(a, "Doe", "person:jane-doe"));
  CHECK(has_mention(a, "Zinke", "person:ryan-zinke"));
  std::set<std::string> affiliations;
  for (const Affiliation& x : a.result.affiliations) affiliations.insert(x.person_id + " " + x.of);
  CHECK(affiliations.contains("person:jane-doe org:us-senate"));
}

TEST_CASE("entities: aliases are the distinct names as written, sorted, without the canonical name") {
  const Analyzed a = analyze(
      "Defense Secretary Ash Carter spoke. Carter said so, and Carter left. Ash Carter returned; the secretary "
      "said Defense Secretary Ash Carter and Carter's aides agreed. Ashton Carter was there.");
  check_well_formed(a);
  INFO(join(a.mentions()));
  const Entity* carter = a.entity("person:ash-carter");
  REQUIRE(carter);
  CHECK(carter->name == "Ash Carter");
  // "Carter" three times and "Carter's" stem once, "the secretary" none.
  CHECK(carter->aliases == std::vector<std::string>{"Ashton Carter", "Carter", "Defense Secretary Ash Carter"});
  CHECK(has_mention(a, "secretary", "person:ash-carter"));
}

TEST_CASE("entities: a surname alone refers back only after the full name") {
  // "Carter" is not an alias: another Carter may be meant.
  CHECK(analyze("Carter spoke first.").mentions().empty());
  CHECK(analyze("Ash Carter arrived. Carter spoke first.").mentions() ==
        std::vector<std::string>{"Ash Carter=person:ash-carter", "Carter=person:ash-carter"});
  // Two people share the surname: neither is meant.
  CHECK(analyze("Gen. Tom Smith and Rep. Ann Smith met. Smith spoke.").mentions() ==
        std::vector<std::string>{"Gen. Tom Smith=person:tom-smith", "Rep. Ann Smith=person:ann-smith"});
}

TEST_CASE("entities: a title with no name refers back only when one person fits") {
  // Two spokesmen named: "the spokesman" is ambiguous.
  const Analyzed a = analyze(
      "Pentagon spokesman Jeff Davis and Kremlin spokesman Dmitry Peskov spoke. The spokesman said no.");
  CHECK(std::none_of(a.result.mentions.begin(), a.result.mentions.end(),
                     [&](const EntityMention& m) { return a.at(m.span) == "spokesman"; }));
  // With the modifier, one fits.
  CHECK(has_mention(analyze("Pentagon spokesman Jeff Davis and Kremlin spokesman Dmitry Peskov spoke. "
                            "The Kremlin spokesman said no."),
                    "spokesman", "person:dmitry-peskov"));
  // Nobody named yet: the lexicon's holder of the role on the day.
  CHECK(has_mention(analyze("The Russian president said no."), "president", "person:vladimir-putin"));
  CHECK(has_mention(analyze("The Russian president said no.", builtin(), date::sys_days(date::year{2010} / 1 / 1)),
                    "president", "person:dmitry-medvedev"));
}

TEST_CASE("entities: lexicon files hold countries, people, organizations and titles") {
  const detail::EntityLexicon& lex = builtin().data().entities;
  std::size_t countries = 0;
  std::size_t with_demonyms = 0;
  std::size_t with_capitals = 0;
  for (const detail::LexiconEntity& e : lex.entities) {
    if (e.kind != EntityKind::country) continue;
    ++countries;
    if (!e.demonyms.empty()) ++with_demonyms;
    if (!e.capitals.empty()) ++with_capitals;
  }
  CHECK(countries >= 249);
  CHECK(with_demonyms >= 60);
  CHECK(with_capitals >= 60);
  const detail::LexiconEntity* russia = lex.find("country:RUS");
  REQUIRE(russia);
  CHECK(russia->name == "Russia");
  CHECK(russia->codes == std::vector<std::string>{"RU", "RUS"});
  const detail::LexiconEntity* putin = lex.find("person:vladimir-putin");
  REQUIRE(putin);
  REQUIRE(putin->roles.size() == 3);
  CHECK(putin->roles.back().of == "country:RUS");
  CHECK(putin->roles.back().is_in_force(date::sys_days(date::year{2015} / 9 / 30)));
  CHECK_FALSE(putin->roles.front().is_in_force(date::sys_days(date::year{2015} / 9 / 30)));
  const detail::LexiconTitle* spokesman = lex.find_title("Spokesman");
  REQUIRE(spokesman);
  CHECK(spokesman->role == "spokesperson");
  const detail::LexiconTitle* secdef = lex.find_title("Secretary of Defense");
  REQUIRE(secdef);
  CHECK(secdef->head == "secretary");
  CHECK(lex.find_title("Rep.") != nullptr);
}

TEST_CASE("entities: lexicon helpers") {
  CHECK(detail::slug("Peter Cook") == "peter-cook");
  CHECK(detail::slug("François Hollande") == "francois-hollande");
  CHECK(detail::slug("Abdel Fattah el-Sisi") == "abdel-fattah-el-sisi");
  CHECK(detail::name_tokens("[Defense] Secretary") == std::vector<std::string>{"Defense", "Secretary"});
  CHECK(detail::name_tokens("Gen.") == std::vector<std::string>{"Gen."});
  CHECK(detail::name_tokens("Joseph Dunford Jr.") == std::vector<std::string>{"Joseph", "Dunford", "Jr."});
  CHECK(detail::fold_case("ÉTAT Islamique") == "état islamique");
  using date::year;
  CHECK(detail::parse_lexicon_date("2015", false) == date::sys_days(year{2015} / 1 / 1));
  CHECK(detail::parse_lexicon_date("2015", true) == date::sys_days(year{2015} / 12 / 31));
  CHECK(detail::parse_lexicon_date("2016-02", true) == date::sys_days(year{2016} / 2 / 29));
  CHECK(detail::parse_lexicon_date("2012-05-07", false) == date::sys_days(year{2012} / 5 / 7));
  CHECK_FALSE(detail::parse_lexicon_date("2015-02-30", false));
  CHECK_FALSE(detail::parse_lexicon_date("May 2015", false));
}

TEST_CASE("entities: a user lexicon extends and corrects the built-in one") {
  const auto path = write_temp("eventgraph_entities_user.json", R"({
  "entities": [
    {"id": "person:peter-cook", "kind": "person", "name": "Peter S. Cook", "aliases": ["Peter Cook"],
     "roles": [{"title": "press secretary", "of": "org:pentagon", "from": "2015-07"}]},
    {"id": "person:jeff-davis", "kind": "person", "name": "Jeff Davis", "aliases": ["Capt. Jeff Davis"]},
    {"id": "group:kurdish-militia", "kind": "group", "name": "Kurdish militia", "aliases": ["Kurdish fighters"]}
  ],
  "titles": ["Navy spokesman", {"title": "Colonel", "role": "colonel", "refers_back": true}]
})");
  const LexiconLoad loaded = load_lexicon({path});
  CHECK(loaded.diagnostics.empty());
  const Analyzed a = analyze("Pentagon press secretary Peter Cook praised the Kurdish fighters. "
                             "Capt. Jeff Davis agreed. Navy spokesman Ann Lee did not.",
                             loaded.lexicon);
  CHECK(a.mentions() == std::vector<std::string>{
                            "Pentagon=org:pentagon", "press secretary Peter Cook=person:peter-cook",
                            "Kurdish fighters=group:kurdish-militia", "Capt. Jeff Davis=person:jeff-davis",
                            "Navy spokesman Ann Lee=person:ann-lee"});
  const Entity* cook = a.entity("person:peter-cook");
  REQUIRE(cook);
  CHECK(cook->name == "Peter S. Cook");
  // The built-in lexicon is left as it was.
  CHECK(builtin().data().entities.find("person:peter-cook")->name == "Peter Cook");
  CHECK(builtin().data().entities.find("person:jeff-davis") == nullptr);
  std::filesystem::remove(path);
}

TEST_CASE("entities: a broken user lexicon is reported with line and column") {
  SUBCASE("syntax error") {
    const auto path = write_temp("eventgraph_entities_syntax.json",
                                 "{\"entities\": [\n  {\"id\": \"person:x\", \"kind\": \"person\", \"name\": \"X\"}\n"
                                 "  {\"id\": \"person:y\"}\n]}\n");
    const LexiconLoad loaded = load_lexicon({path});
    REQUIRE(loaded.diagnostics.size() == 1);
    const Diagnostic& d = loaded.diagnostics[0];
    CHECK(d.file == path.generic_string());
    CHECK(d.line == 3);
    CHECK(d.column == 3);
    CHECK(d.code == "json-syntax");
    CHECK(d.message == "invalid JSON: Missing a comma or ']' after an array element. (near \"{\"id\": \"person:y\"}\\n]\")");
    // The built-in data is still there.
    CHECK(loaded.lexicon.data().entities.find("person:vladimir-putin") != nullptr);
    std::filesystem::remove(path);
  }
  SUBCASE("bad entries are skipped, good ones kept") {
    const auto path = write_temp("eventgraph_entities_bad.json",
                                 "{\"entities\": [\n"
                                 "  {\"id\": \"person:good-one\", \"kind\": \"person\", \"name\": \"Good One\"},\n"
                                 "  {\"id\": \"person:bad-kind\", \"kind\": \"robot\", \"name\": \"Bad Kind\"},\n"
                                 "    {\"id\": \"org:x\", \"kind\": \"person\", \"name\": \"Wrong Prefix\"},\n"
                                 "  {\"id\": \"person:bad-date\", \"kind\": \"person\", \"name\": \"Bad Date\",\n"
                                 "   \"roles\": [{\"title\": \"President\", \"of\": \"country:RUS\", \"from\": \"May 2015\"}]},\n"
                                 "  {\"id\": \"person:good-two\", \"kind\": \"person\", \"name\": \"Good Two\", \"nick\": \"G\"}\n"
                                 "],\n \"titles\": [\"Envoy\", 42]}\n");
    const LexiconLoad loaded = load_lexicon({path});
    std::vector<std::string> messages;
    for (const Diagnostic& d : loaded.diagnostics) messages.push_back(d.to_string());
    const std::string file = path.generic_string();
    CHECK(join(messages) == join(std::vector<std::string>{
                          file + ":3:3: error: entities[1]: \"kind\" must be one of person, organization, country, "
                                 "group, place, not \"robot\"; entry skipped [bad-lexicon-entry]",
                          file + ":4:5: error: entities[2]: \"id\" must be \"person:<name>\" for a person, not "
                                 "\"org:x\"; entry skipped [bad-lexicon-entry]",
                          file + ":5:3: error: entities[3]: roles[0]: \"from\" must be a date (YYYY, YYYY-MM or "
                                 "YYYY-MM-DD), not \"May 2015\"; entry skipped [bad-lexicon-entry]",
                          file + ":7:3: warning: entities[4]: unknown field \"nick\" ignored [unknown-lexicon-field]",
                          file + ":9:22: error: titles[1]: must be a string or an object; entry skipped "
                                 "[bad-lexicon-entry]",
                      }));
    const detail::EntityLexicon& lex = loaded.lexicon.data().entities;
    CHECK(lex.find("person:good-one") != nullptr);
    CHECK(lex.find("person:good-two") != nullptr);
    CHECK(lex.find("person:bad-kind") == nullptr);
    CHECK(lex.find("person:bad-date") == nullptr);
    std::filesystem::remove(path);
  }
  SUBCASE("positions count on per section, titles first, entries on one line") {
    // Each section counts lines on from its previous entry: titles before
    // entities in the file (entities are read first), two entries on a
    // line, CRLF ends (the '\r' is a column).
    const auto path = write_temp("eventgraph_entities_order.json",
                                 "{\"titles\": [7,\r\n  \"Envoy\", 8],\r\n"
                                 " \"entities\": [1, {\"id\": \"person:a\", \"kind\": \"person\", \"name\": \"A\"}, 2,\n"
                                 "\n   3]}\n");
    const LexiconLoad loaded = load_lexicon({path});
    std::vector<std::string> messages;
    for (const Diagnostic& d : loaded.diagnostics) messages.push_back(d.to_string());
    const std::string file = path.generic_string();
    CHECK(join(messages) == join(std::vector<std::string>{
                          file + ":3:15: error: entities[0]: must be an object; entry skipped [bad-lexicon-entry]",
                          file + ":3:69: error: entities[2]: must be an object; entry skipped [bad-lexicon-entry]",
                          file + ":5:4: error: entities[3]: must be an object; entry skipped [bad-lexicon-entry]",
                          file + ":1:13: error: titles[0]: must be a string or an object; entry skipped "
                                 "[bad-lexicon-entry]",
                          file + ":2:12: error: titles[2]: must be a string or an object; entry skipped "
                                 "[bad-lexicon-entry]",
                      }));
    CHECK(loaded.lexicon.data().entities.find("person:a") != nullptr);
    std::filesystem::remove(path);
  }
}

TEST_CASE("entities: matching stays linear on a long document") {
  // 3,000 sentences: the lexicon tries are walked once per token, so this
  // takes milliseconds; a per-token scan of all names would take seconds.
  std::string raw;
  for (int i = 0; i < 1000; ++i) {
    raw += "Russian President Vladimir Putin met Syrian President Bashar Assad in Moscow. ";
    raw += "Pentagon spokesman Peter Cook said the U.S. would talk to Russia. ";
    raw += "Cook added that ISIS, also called ISIL, was the target.\n";
  }
  const Analyzed a = analyze(raw);
  CHECK(a.result.mentions.size() == 1000u * 12u);
}

TEST_CASE("token trie: every inserted path is found, through many table growths") {
  detail::TokenTrie trie;
  // 3,000 two-token names under 300 first tokens: the edge table grows from
  // 16 slots many times over.
  for (std::uint32_t i = 0; i < 3000; ++i) {
    trie.insert({"w" + std::to_string(i % 300), "x" + std::to_string(i)}, i);
  }
  for (std::uint32_t i = 0; i < 3000; ++i) {
    std::uint32_t first = trie.child(detail::TokenTrie::kRoot, "w" + std::to_string(i % 300));
    REQUIRE(first != detail::TokenTrie::kNone);
    CHECK(trie.values(first).empty());
    std::uint32_t second = trie.child(first, "x" + std::to_string(i));
    REQUIRE(second != detail::TokenTrie::kNone);
    CHECK(trie.values(second) == std::vector<std::uint32_t>{i});
  }
  // The root's filter lets every first token through and keeps out the
  // second ones.
  for (std::uint32_t i = 0; i < 3000; ++i) {
    const std::string w = "w" + std::to_string(i % 300);
    const std::string x = "x" + std::to_string(i);
    CHECK(trie.root_child(w) == trie.child(detail::TokenTrie::kRoot, w));
    CHECK(trie.root_child(x) == detail::TokenTrie::kNone);
  }
  // So does the filter below the root, for the edges under each node, with
  // words shorter and longer than the eight bytes it reads; a word under
  // another node, or not a word of the trie, never gets a wrong node.
  auto padded = [](const std::string& word) { return word + std::string(detail::kLoweredPadding, '\0'); };
  std::uint32_t passed = 0;
  for (std::uint32_t i = 0; i < 3000; ++i) {
    const std::uint32_t first = trie.child(detail::TokenTrie::kRoot, "w" + std::to_string(i % 300));
    const std::string x = "x" + std::to_string(i);
    const std::string px = padded(x);
    CHECK(trie.inner_child_padded(first, std::string_view(px.data(), x.size())) == trie.child(first, x));
    const std::string other = padded("x" + std::to_string(i + 1));
    CHECK(trie.inner_child_padded(first, std::string_view(other.data(), other.size() - detail::kLoweredPadding)) ==
          (i % 300 == (i + 1) % 300 ? trie.child(first, "x" + std::to_string(i + 1)) : detail::TokenTrie::kNone));
    passed += trie.inner_child_padded(first, std::string_view(padded("y").data(), 1)) != detail::TokenTrie::kNone;
  }
  CHECK(passed == 0);
  detail::TokenTrie long_words;
  long_words.insert({"secretary", "general-designate"}, 1);
  const std::uint32_t secretary = long_words.child(detail::TokenTrie::kRoot, "secretary");
  const std::string general = padded("general-designate");
  CHECK(long_words.inner_child_padded(secretary, std::string_view(general.data(), 17)) ==
        long_words.child(secretary, "general-designate"));
  CHECK(long_words.inner_child_padded(secretary, std::string_view(general.data(), 16)) == detail::TokenTrie::kNone);
  CHECK(long_words.inner_child_padded(secretary, std::string_view(general.data(), 0)) == detail::TokenTrie::kNone);
  std::uint32_t w0 = trie.child(detail::TokenTrie::kRoot, "w0");
  CHECK(trie.child(w0, "x1") == detail::TokenTrie::kNone);  // x1 hangs under w1
  CHECK(trie.child(detail::TokenTrie::kRoot, "x0") == detail::TokenTrie::kNone);
  CHECK(trie.child(detail::TokenTrie::kRoot, "") == detail::TokenTrie::kNone);
  // A repeated path adds its value to the same node; a prefix is a node.
  trie.insert({"w0", "x0"}, 7);
  CHECK(trie.values(trie.child(w0, "x0")) == std::vector<std::uint32_t>{0, 7});
  CHECK(trie.size() == 1 + 300 + 3000);
}

TEST_CASE("token trie: a hash given by the caller finds what the trie's own does") {
  detail::TokenTrie trie;
  trie.insert({"of", "a"}, 1);
  trie.insert({"a", "of"}, 2);
  trie.insert({"\xC3\xA9t\xC3\xA9"}, 3);  // "été"
  for (std::string_view token : {"of", "a", "\xC3\xA9t\xC3\xA9", "", "o", "off", "a\0"}) {
    const std::uint64_t hash = detail::TokenTrie::hash_token(token);
    for (std::uint32_t node = 0; node < trie.size(); ++node) {
      CHECK(trie.child(node, token, hash) == trie.child(node, token));
    }
    CHECK(trie.root_child(token) == trie.child(detail::TokenTrie::kRoot, token));
  }
  // The same token under two nodes is two edges.
  const std::uint32_t of = trie.child(detail::TokenTrie::kRoot, "of");
  const std::uint32_t a = trie.child(detail::TokenTrie::kRoot, "a");
  CHECK(trie.values(trie.child(of, "a")) == std::vector<std::uint32_t>{1});
  CHECK(trie.values(trie.child(a, "of")) == std::vector<std::uint32_t>{2});
  CHECK(trie.child(detail::TokenTrie::kRoot, std::string_view("a\0", 2)) == detail::TokenTrie::kNone);
}

TEST_CASE("token trie: the root's filter on a padded view lets every first token through") {
  // The filter reads a token's first eight bytes and its length: first
  // tokens alike in those (long words sharing eight bytes, a prefix, a
  // trailing zero byte), multi-byte letters across the eighth byte, and a
  // token followed by other text, as views into a padded text are.
  const std::vector<std::string> firsts = {"abcdefgh", "abcdefghi", "abcdefghij", "abcdefgh\xC3\xA9",
                                           "abcdefg\xC3\xA9", "a", "ab", std::string("ab\0", 3), "\xC3\xA9t\xC3\xA9"};
  detail::TokenTrie trie;
  for (std::uint32_t i = 0; i < firsts.size(); ++i) trie.insert({firsts[i], "end"}, i);
  const std::vector<std::string> others = {"abcdefgx", "abcdefghx", "abc", "b", "", std::string("a\0", 2),
                                           "abcdefghijk", "\xC3\xA9t"};
  for (const std::vector<std::string>* tokens : {&firsts, &others}) {
    for (const std::string& token : *tokens) {
      CAPTURE(token);
      const std::uint32_t expected = trie.child(detail::TokenTrie::kRoot, token);
      CHECK((expected != detail::TokenTrie::kNone) == (tokens == &firsts));
      CHECK(trie.root_child(token) == expected);
      const std::string padded = token + "zzzzzzzz" + std::string(detail::kLoweredPadding, '\0');
      const std::string_view view(padded.data(), token.size());
      const std::uint64_t first_bytes = view.empty() ? 0 : detail::load_word_bytes(view.data(), view.size());
      CHECK(first_bytes == detail::load_word_bytes_safe(token.data(), token.size()));
      CHECK(trie.root_child_padded(view, first_bytes) == expected);
    }
  }
}

TEST_CASE("token hashes: eight-byte loads from a padded text hash as the token's own bytes") {
  // Every length around the eight-byte steps, every byte value at an end,
  // and a text of the same bytes before the zero padding.
  for (std::size_t length = 0; length <= 25; ++length) {
    for (int byte = 0; byte < 256; byte += 5) {
      std::string token(length, 'q');
      if (length > 0) token[length - 1] = static_cast<char>(byte);
      const std::string padded = detail::lower_ascii_padded(token);
      REQUIRE(padded.size() == length + detail::kLoweredPadding);
      REQUIRE(std::string_view(padded).substr(0, length) == detail::lower_ascii(token));
      const std::string lowered = detail::lower_ascii(token);
      CHECK(detail::TokenTrie::hash_token_padded(padded.data(), length) == detail::TokenTrie::hash_token(lowered));
      // Bytes after the token do not count.
      std::string longer = lowered + "xxxxxxxxx";
      CHECK(detail::TokenTrie::hash_token_padded(longer.data(), length) == detail::TokenTrie::hash_token(lowered));
    }
  }
  // Tokens that differ only past the eighth byte, or by a trailing zero
  // byte, hash apart.
  CHECK(detail::TokenTrie::hash_token("abcdefghi") != detail::TokenTrie::hash_token("abcdefghj"));
  CHECK(detail::TokenTrie::hash_token(std::string_view("ab\0", 3)) != detail::TokenTrie::hash_token("ab"));
  // The byte helpers behind them.
  const char bytes[16] = "abcdefghijklmno";
  CHECK(detail::load_word_bytes(bytes, 3) == detail::load_word_bytes_safe(bytes, 3));
  CHECK(detail::load_word_bytes(bytes, 8) == detail::load_word_bytes_safe(bytes, 12));
  CHECK(detail::has_zero_byte(detail::load_word_bytes(bytes, 7)));
  CHECK_FALSE(detail::has_zero_byte(detail::load_word_bytes(bytes, 8)));
  CHECK(detail::has_zero_byte(0x2D2D2D2D2D2D2D2DULL ^ 0x41422D4344454647ULL));   // a '-' inside
  CHECK_FALSE(detail::has_zero_byte(0x2D2D2D2D2D2D2D2DULL ^ 0x4142434445464748ULL));
  CHECK(detail::has_zero_byte(0x2D2D2D2D2D2D2D2DULL ^ 0x2D00000000000000ULL));    // zero bytes too
}

TEST_CASE("entities: hyphenated words, possessives and tokens of every length around eight bytes") {
  const Analyzed a = analyze(
      "US-led troops and anti-ISIS fighters met. Russia's envoy and RUSSIA'S critics spoke.\n"
      "The pro-Russian militias, Ukraine's-style demands and Afghanistan's neighbours were named.");
  check_well_formed(a);
  INFO(join(a.mentions()));
  CHECK(has_mention(a, "US", "country:USA"));
  CHECK(has_mention(a, "ISIS", "group:islamic-state"));
  CHECK(has_mention(a, "Russia", "country:RUS"));
  CHECK(has_mention(a, "RUSSIA", "country:RUS"));
  CHECK(has_mention(a, "Russian", "country:RUS"));
  CHECK(has_mention(a, "Afghanistan", "country:AFG"));
}

TEST_CASE("lower_ascii: A-Z lowered at every offset, every other byte kept") {
  auto reference = [](std::string_view text) {
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  };
  // Each byte value at each position of a word of eight and in the tail.
  for (std::size_t length : {1u, 7u, 8u, 9u, 16u, 19u}) {
    for (std::size_t at = 0; at < length; ++at) {
      for (int byte = 0; byte < 256; ++byte) {
        std::string text(length, 'Q');
        text[at] = static_cast<char>(byte);
        REQUIRE(detail::lower_ascii(text) == reference(text));
      }
    }
  }
  CHECK(detail::lower_ascii("") == "");
  CHECK(detail::lower_ascii("@AZ[`az{ \xC1\xDA\xE0 ÉCOLE Mr. PUTIN") == "@az[`az{ \xC1\xDA\xE0 École mr. putin");
}

TEST_CASE("entities: names with letters beyond ASCII match in any capitalization") {
  const Analyzed a = analyze(
      "Troops from Côte d'Ivoire arrived. Réunion's governor spoke.\n"
      "RÉUNION officials and CÔTE D'IVOIRE delegates met in Curaçao.");
  check_well_formed(a);
  INFO(join(a.mentions()));
  CHECK(has_mention(a, "Côte d'Ivoire", "country:CIV"));
  CHECK(has_mention(a, "Réunion", "country:REU"));  // the possessive's stem
  CHECK(has_mention(a, "RÉUNION", "country:REU"));
  CHECK(has_mention(a, "CÔTE D'IVOIRE", "country:CIV"));
  CHECK(has_mention(a, "Curaçao", "country:CUW"));
}
