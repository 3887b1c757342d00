// Parses the "event_types" section of lexicon files.
#include "extract/detail/event_rules.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cctype>

#include "extract/detail/ascii.h"

namespace eventgraph::detail {
namespace {

std::optional<Role> parse_role(std::string_view s) {
  if (s == "agent") return Role::agent;
  if (s == "patient") return Role::patient;
  if (s == "recipient") return Role::recipient;
  if (s == "participant") return Role::participant;
  return std::nullopt;
}

// "Launched *  airstrikes" -> {"launched", "*", "airstrikes"}.
std::vector<std::string> split_phrase(std::string_view phrase) {
  std::vector<std::string> words;
  std::string word;
  for (char c : phrase) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

void rebuild_index(EventRules& rules) {
  rules.by_first_word.clear();
  for (std::size_t t = 0; t < rules.types.size(); ++t) {
    const auto& triggers = rules.types[t].triggers;
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      rules.by_first_word[triggers[k].words.front()].push_back({t, k});
    }
  }
  rules.first_word_bits.fill(0);
  for (const auto& [word, refs] : rules.by_first_word) {
    const std::size_t bit =
        EventRules::first_word_bit(load_word_bytes_safe(word.data(), std::min<std::size_t>(word.size(), 8)), word.size());
    rules.first_word_bits[bit >> 6] |= std::uint64_t{1} << (bit & 63);
  }
}

}  // namespace

void parse_event_rules(std::string_view json, const std::string& source, EventRules& into,
                       std::vector<Diagnostic>& diagnostics) {
  rapidjson::Document dom;
  dom.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());  // no recursion on deep input
  if (dom.HasParseError()) {
    // The entity parser reads the same file and reports syntax errors.
    return;
  }
  if (!dom.IsObject() || !dom.HasMember("event_types")) return;
  auto report = [&](const std::string& message) {
    diagnostics.push_back({Severity::error, source, 0, 0, "bad-lexicon", message});
  };
  const rapidjson::Value& types = dom["event_types"];
  if (!types.IsArray()) {
    report("\"event_types\" must be an array");
    return;
  }
  for (rapidjson::SizeType i = 0; i < types.Size(); ++i) {
    const rapidjson::Value& entry = types[i];
    const std::string where = "event_types[" + std::to_string(i) + "]";
    if (!entry.IsObject() || !entry.HasMember("type") || !entry["type"].IsString()) {
      report(where + " needs a string \"type\"");
      continue;
    }
    std::string type = entry["type"].GetString();
    auto existing = std::find_if(into.types.begin(), into.types.end(),
                                 [&](const EventTypeRule& r) { return r.type == type; });
    EventTypeRule rule = existing != into.types.end() ? *existing : EventTypeRule{};
    rule.type = type;
    bool is_bad = false;
    auto read_string = [&](const char* key, std::string& field) {
      if (!entry.HasMember(key)) return;
      if (entry[key].IsString()) field = entry[key].GetString();
      else {
        report(where + ": \"" + key + "\" must be a string");
        is_bad = true;
      }
    };
    auto read_bool = [&](const char* key, bool& field) {
      if (!entry.HasMember(key)) return;
      if (entry[key].IsBool()) field = entry[key].GetBool();
      else {
        report(where + ": \"" + key + "\" must be true or false");
        is_bad = true;
      }
    };
    auto read_role = [&](const char* key, Role& field) {
      if (!entry.HasMember(key)) return;
      std::optional<Role> role;
      if (entry[key].IsString()) role = parse_role(entry[key].GetString());
      if (role) field = *role;
      else {
        report(where + ": \"" + key + "\" must be agent, patient, recipient or participant");
        is_bad = true;
      }
    };
    read_string("cameo", rule.cameo);
    read_string("label", rule.label);
    read_role("subject_role", rule.subject_role);
    read_role("object_role", rule.object_role);
    read_bool("speech", rule.is_speech);
    read_bool("needs_subject", rule.needs_subject);
    read_bool("gathers_participants", rule.gathers_participants);
    if (entry.HasMember("triggers")) {
      const rapidjson::Value& triggers = entry["triggers"];
      if (!triggers.IsArray()) {
        report(where + ": \"triggers\" must be an array");
        is_bad = true;
      } else {
        for (const rapidjson::Value& t : triggers.GetArray()) {
          TriggerRule trigger;
          if (t.IsString()) {
            trigger.words = split_phrase(t.GetString());
          } else if (t.IsObject() && t.HasMember("phrase") && t["phrase"].IsString()) {
            trigger.words = split_phrase(t["phrase"].GetString());
            trigger.is_noun = t.HasMember("noun") && t["noun"].IsBool() && t["noun"].GetBool();
            trigger.is_quote_only =
                t.HasMember("quote_only") && t["quote_only"].IsBool() && t["quote_only"].GetBool();
          }
          if (trigger.words.empty() || trigger.words.front() == "*" || trigger.words.back() == "*") {
            report(where + ": a trigger is a phrase (or {\"phrase\", \"noun\", \"quote_only\"}) that neither starts nor ends with *");
            is_bad = true;
            continue;
          }
          rule.triggers.push_back(std::move(trigger));
        }
      }
    }
    if (is_bad) continue;
    if (rule.label.empty()) {
      rule.label = type;
      if (!rule.label.empty()) rule.label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rule.label[0])));
    }
    if (existing != into.types.end()) *existing = std::move(rule);
    else into.types.push_back(std::move(rule));
  }
  rebuild_index(into);
}

}  // namespace eventgraph::detail
