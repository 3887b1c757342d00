// Runs the stages in order and writes the outputs.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <set>

#include "output/output.h"
#include "text/text.h"

namespace eventgraph {
namespace {

// Loads `inputs`, skipping repeated ids, and hands each document with its
// text normalized to `on_document`. Diagnostics go to `diagnostics`.
void load_normalized(const std::vector<std::string>& inputs, const LoadOptions& options,
                     std::vector<Diagnostic>& diagnostics,
                     const std::function<void(Document&&)>& on_document) {
  std::set<std::string> seen_ids;
  load_documents(
      inputs, options,
      [&](Document&& doc) {
        if (!seen_ids.insert(doc.id).second) {
          diagnostics.push_back({Severity::error, doc.source, 0, 0, "duplicate-id",
                                 "document id \"" + doc.id +
                                     "\" was already used by another input; skipped"});
          return;
        }
        NormalizedText normalized = normalize_text(doc.text, doc.id);
        doc.text = std::move(normalized.text);
        for (Diagnostic& d : normalized.diagnostics) diagnostics.push_back(std::move(d));
        on_document(std::move(doc));
      },
      [&](Diagnostic&& d) { diagnostics.push_back(std::move(d)); });
}

}  // namespace

bool BuildReport::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> stream_extractions(const std::vector<std::string>& inputs,
                                           const BuildOptions& options,
                                           const ExtractionSink& on_extraction) {
  LexiconLoad lexicon = load_lexicon(options.lexicon_files);
  std::vector<Diagnostic> diagnostics = std::move(lexicon.diagnostics);
  load_normalized(inputs, options.load, diagnostics, [&](Document&& doc) {
    on_extraction(doc, extract_mentions(doc, lexicon.lexicon));
  });
  return diagnostics;
}

BuildReport run_build(const std::vector<std::string>& inputs, const BuildOptions& options) {
  BuildReport report;
  Corpus corpus;
  LexiconLoad lexicon = load_lexicon(options.lexicon_files);
  report.diagnostics = std::move(lexicon.diagnostics);
  load_normalized(inputs, options.load, report.diagnostics, [&](Document&& doc) {
    DocumentExtraction extraction = extract_mentions(doc, lexicon.lexicon);
    for (const EventMention& m : extraction.events) ++report.events_by_type[m.type];
    corpus.documents.push_back(std::move(doc));
  });
  for (const Diagnostic& d : report.diagnostics) {
    if (d.severity == Severity::error) corpus.skipped.push_back(d);
  }

  // Output order never depends on input order.
  std::sort(corpus.documents.begin(), corpus.documents.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });
  std::sort(corpus.skipped.begin(), corpus.skipped.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.code, a.message) < std::tie(b.file, b.line, b.code, b.message);
  });
  report.documents_read = corpus.documents.size();
  for (const Document& doc : corpus.documents) {
    if (doc.published) ++report.documents_dated;
    if (doc.is_published_inferred) ++report.documents_inferred;
  }

  std::filesystem::create_directories(options.output_dir);
  auto events_path = options.output_dir / "events.json";
  write_file_atomically(events_path, format_events_json(corpus, options.generator_version));
  report.files_written.push_back(events_path);
  return report;
}

}  // namespace eventgraph
