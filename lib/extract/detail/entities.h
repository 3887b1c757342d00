// Internal to extract; use extract.h.
// Entity recognition and within-document resolution: lexicon names and
// aliases, demonyms, capitals for governments, titles that mark people not
// in the lexicon, surnames and titles that refer back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "text/text.h"

namespace eventgraph::detail {

struct EntityLexicon;  // defined in entity_lexicon.h

// The sentences of a document with their tokens, as the text stage gives them.
struct SegmentedText {
  std::string_view text;
  std::vector<Sentence> sentences;
  std::vector<std::vector<Token>> tokens;  // tokens[i] belong to sentences[i]
};

struct EntityResult {
  std::vector<Entity> entities;          // sorted by id; aliases = names seen here
  std::vector<EntityMention> mentions;   // sorted by span, not overlapping
};

// Finds and resolves the entity mentions of one document. `publication_day`
// (may be absent) selects the dated roles in force ("President Putin").
EntityResult find_entities(const SegmentedText& segmented, const EntityLexicon& lexicon,
                           std::optional<date::sys_days> publication_day);

}  // namespace eventgraph::detail
