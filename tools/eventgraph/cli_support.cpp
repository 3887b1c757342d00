// Shared command-line plumbing: parsing with exit statuses, diagnostics.
#include "cli_support.h"

#include <iostream>

namespace eventgraph::cli {

std::unique_ptr<CLI::App> make_app(const std::string& name, const std::string& description) {
  auto app = std::make_unique<CLI::App>(description, "eventgraph " + name);
  app->get_formatter()->column_width(34);
  return app;
}

std::optional<int> parse_args(CLI::App& app, std::span<char*> args) {
  // CLI11 wants argv in reverse order as a vector.
  std::vector<std::string> reversed;
  for (auto it = args.rbegin(); it != args.rend(); ++it) reversed.emplace_back(*it);
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    std::cerr << app.get_name() << ": " << e.what() << "\n\n" << app.help();
    return kExitUsage;
  }
  return std::nullopt;
}

void add_input_options(CLI::App& app, std::vector<std::string>& inputs, LoadOptions& load) {
  app.add_option("inputs", inputs, "articles to read (directories, files, or -)")->required();
  app.add_option("--outlet", load.outlet, "outlet of text files that have no manifest entry (e.g. rt.com)");
  app.add_option("--max-document-bytes", load.max_document_bytes, "skip (and report) any article larger than this")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

void add_lexicon_option(CLI::App& app, std::vector<std::string>& files) {
  app.add_option("--lexicon", files,
                 "extra lexicon file (JSON, schemas/lexicon.schema.json): actors, titles, event types; "
                 "repeatable")
      ->allow_extra_args(false)
      ->check(CLI::ExistingFile);
}

void report(const Diagnostic& diagnostic) { std::cerr << diagnostic.to_string() << '\n'; }

bool report(const std::vector<Diagnostic>& diagnostics) {
  bool has_error = false;
  for (const Diagnostic& d : diagnostics) {
    report(d);
    has_error = has_error || d.severity == Severity::error;
  }
  return has_error;
}

}  // namespace eventgraph::cli
