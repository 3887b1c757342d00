// Loads the built-in lexicon and the user's lexicon files.
#include <fstream>
#include <sstream>

#include "extract/detail/builtin_lexicon.h"
#include "extract/detail/lexicon_data.h"
#include "extract/extract.h"

namespace eventgraph {

Lexicon::Lexicon() : data_(std::make_shared<detail::LexiconData>()) {}
Lexicon::Lexicon(std::shared_ptr<const detail::LexiconData> data) : data_(std::move(data)) {}

LexiconLoad load_lexicon(const std::vector<std::filesystem::path>& extra_files) {
  auto data = std::make_shared<detail::LexiconData>();
  LexiconLoad result;
  auto add = [&](std::string_view json, const std::string& source) {
    detail::parse_entity_lexicon(json, source, data->entities, result.diagnostics);
    detail::parse_event_rules(json, source, data->events, result.diagnostics);
  };
  for (const detail::EmbeddedFile& file : detail::builtin_lexicon_files()) {
    add(file.bytes, "<builtin>/" + std::string(file.name));
  }
  for (const auto& path : extra_files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      result.diagnostics.push_back({Severity::error, path.generic_string(), 0, 0, "missing-file",
                                    "cannot open the lexicon file"});
      continue;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    add(bytes.str(), path.generic_string());
  }
  detail::build_entity_index(data->entities);
  result.lexicon = Lexicon(std::move(data));
  return result;
}

}  // namespace eventgraph
