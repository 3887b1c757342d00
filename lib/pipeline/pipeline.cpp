// Runs the stages in order and writes the outputs.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <set>

#include "graph/graph.h"
#include "merge/merge.h"
#include "output/csv.h"
#include "output/dot.h"
#include "output/graphml.h"
#include "output/jsonld.h"
#include "output/output.h"
#include "output/timelinejs.h"
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

std::string_view to_string(OutputFormat format) {
  switch (format) {
    case OutputFormat::json: return "json";
    case OutputFormat::graphml: return "graphml";
    case OutputFormat::dot: return "dot";
    case OutputFormat::jsonld: return "jsonld";
    case OutputFormat::csv: return "csv";
    case OutputFormat::timelinejs: return "timelinejs";
  }
  return "json";
}

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (OutputFormat f : kAllOutputFormats) {
    if (to_string(f) == name) return f;
  }
  return std::nullopt;
}

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
  LexiconLoad lexicon = load_lexicon(options.lexicon_files);
  report.diagnostics = std::move(lexicon.diagnostics);
  std::vector<Document> documents;
  load_normalized(inputs, options.load, report.diagnostics,
                  [&](Document&& doc) { documents.push_back(std::move(doc)); });
  // Same articles, same output, whatever the input order.
  std::sort(documents.begin(), documents.end(),
            [](const Document& a, const Document& b) { return a.id < b.id; });

  std::vector<DocumentExtraction> extractions(documents.size());
  std::vector<DocumentExtraction> dated_extractions;
  std::vector<date::sys_days> dated_days;
  bool has_undated = false;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (!documents[i].published) {
      has_undated = true;
      continue;
    }
    extractions[i] = extract_mentions(documents[i], lexicon.lexicon);
    dated_days.push_back(documents[i].published->local_day);
  }
  // Copies of the dated extractions serve only to place undated documents.
  if (has_undated) {
    for (std::size_t i = 0; i < documents.size(); ++i) {
      if (documents[i].published) dated_extractions.push_back(extractions[i]);
    }
  }
  // An undated document takes the day its relative dates agree with the
  // dated ones on, when exactly one day does; else its dates stay open.
  for (std::size_t i = 0; i < documents.size(); ++i) {
    Document& doc = documents[i];
    if (doc.published) continue;
    if (auto day = infer_publication_day(doc, lexicon.lexicon, dated_extractions, dated_days)) {
      doc.published = PublicationTime{*day, std::nullopt, std::nullopt};
      doc.is_published_inferred = true;
      report.diagnostics.push_back({Severity::warning, doc.id, 0, 0, "date-inferred",
                                    "no publication date given; " + format_day(*day) +
                                        " inferred from the events other documents date"});
    } else {
      report.diagnostics.push_back({Severity::warning, doc.id, 0, 0, "no-date",
                                    "no publication date given or inferable; relative dates stay unresolved"});
    }
    extractions[i] = extract_mentions(doc, lexicon.lexicon);
  }

  std::vector<Diagnostic> skipped;
  for (const Diagnostic& d : report.diagnostics) {
    if (d.severity == Severity::error) skipped.push_back(d);
  }
  std::sort(skipped.begin(), skipped.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.code, a.message) < std::tie(b.file, b.line, b.code, b.message);
  });
  report.documents_read = documents.size();
  for (const Document& doc : documents) {
    if (doc.published) ++report.documents_dated;
    if (doc.is_published_inferred) ++report.documents_inferred;
  }

  EventGraph graph = build_graph(merge_mentions(std::move(documents), std::move(extractions)));
  for (const Event& e : graph.corpus.events) ++report.events_by_type[e.type];
  report.entities = graph.corpus.entities.size();
  report.mentions = 0;
  for (const Event& e : graph.corpus.events) report.mentions += e.mentions.size();

  std::filesystem::create_directories(options.output_dir);
  auto write = [&](std::string_view name, const std::string& content) {
    auto path = options.output_dir / name;
    write_file_atomically(path, content);
    report.files_written.push_back(path);
  };
  for (OutputFormat format : kAllOutputFormats) {
    if (std::find(options.formats.begin(), options.formats.end(), format) == options.formats.end()) {
      continue;
    }
    switch (format) {
      case OutputFormat::json:
        write("events.json", format_events_json(graph, skipped, options.generator_version));
        break;
      case OutputFormat::graphml: write("events.graphml", format_graphml(graph)); break;
      case OutputFormat::dot: write("events.dot", format_dot(graph)); break;
      case OutputFormat::jsonld: write("events.jsonld", format_jsonld(graph)); break;
      case OutputFormat::csv:
        write("events.csv", format_events_csv(graph));
        write("mentions.csv", format_mentions_csv(graph));
        break;
      case OutputFormat::timelinejs: write("timeline.json", format_timelinejs(graph)); break;
    }
  }
  return report;
}

}  // namespace eventgraph
