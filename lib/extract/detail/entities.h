// Internal to extract; use extract.h.
// Entity recognition and within-document resolution: lexicon names and
// aliases, demonyms, capitals for governments, titles that mark people not
// in the lexicon, surnames and titles that refer back.
//
//   SegmentedText seg{text, split_sentences(text), {}, {}};
//   for (const Sentence& s : seg.sentences) seg.tokens.push_back(tokenize(text, s.span));
//   EntityResult r = find_entities(seg, lexicon.data().entities, doc.published->local_day);
#pragma once

#include <optional>
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
  // lower_ascii_padded(text) (ascii.h), made once for both passes; when
  // empty, each pass lowers the text itself.
  std::string lowered;
};

// A person's tie to a body or another person, as the text states it:
// "Pentagon spokesman Peter Cook" (org:pentagon, "spokesman"), "Sergei
// Ivanov, a top Putin aide" (person:vladimir-putin, "aide"), "Rep. Ryan
// Zinke (R-MT), a member of the House Armed Services Committee".
struct EntityResult {
  // Sorted by id. `aliases`: the names this document uses for the entity
  // (as written, brackets and possessive "'s" dropped, titles kept:
  // "President Putin"), without the canonical name; not the lexicon's.
  std::vector<Entity> entities;
  // Sorted by span, never overlapping. A person's mention covers the titles
  // written before the name ("Defense Secretary Ash Carter"); a country,
  // organization or group that modifies it is a mention of its own
  // ("Russian" | "President Vladimir Putin", "Pentagon" | "spokesman Peter
  // Cook"). A title standing for a person ("the Pentagon spokesman") is a
  // mention of that person on the title words.
  std::vector<EntityMention> mentions;
  std::vector<Affiliation> affiliations;  // sorted by (person_id, evidence, of)
};

// Finds and resolves the entity mentions of one document. `publication_day`
// (may be absent) selects the dated roles in force ("the Russian president"
// with no name -> the lexicon's president of Russia on that day). Never
// fails: what it cannot resolve it leaves out.
EntityResult find_entities(const SegmentedText& segmented, const EntityLexicon& lexicon,
                           std::optional<date::sys_days> publication_day);

}  // namespace eventgraph::detail
