// Runs the stages in order and writes the outputs.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <set>

#include "output/output.h"
#include "text/text.h"

namespace eventgraph {

bool BuildReport::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

BuildReport run_build(const std::vector<std::string>& inputs, const BuildOptions& options) {
  BuildReport report;
  Corpus corpus;
  std::set<std::string> seen_ids;
  load_documents(
      inputs, options.load,
      [&](Document&& doc) {
        if (!seen_ids.insert(doc.id).second) {
          report.diagnostics.push_back({Severity::error, doc.source, 0, 0, "duplicate-id",
                                        "document id \"" + doc.id +
                                            "\" was already used by another input; skipped"});
          corpus.skipped.push_back(report.diagnostics.back());
          return;
        }
        NormalizedText normalized = normalize_text(doc.text, doc.id);
        doc.text = std::move(normalized.text);
        for (Diagnostic& d : normalized.diagnostics) report.diagnostics.push_back(std::move(d));
        corpus.documents.push_back(std::move(doc));
      },
      [&](Diagnostic&& d) {
        if (d.severity == Severity::error) corpus.skipped.push_back(d);
        report.diagnostics.push_back(std::move(d));
      });

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
