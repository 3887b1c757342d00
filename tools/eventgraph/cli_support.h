// Helpers every subcommand shares: CLI11 parsing with our exit statuses,
// and printing diagnostics to standard error.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <map>
#include <utility>

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "load/load.h"
#include "pipeline/pipeline.h"

namespace eventgraph::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInputFailed = 1;
inline constexpr int kExitUsage = 2;

// A CLI11 app named "eventgraph <name>" with our help formatting.
std::unique_ptr<CLI::App> make_app(const std::string& name, const std::string& description);

// Parses `args` into `app`. Returns nullopt to go on, or the exit status to
// return now: 0 after --help, 2 (with usage on stderr) for a bad command line.
std::optional<int> parse_args(CLI::App& app, std::span<char*> args);

// The options of every command that reads articles: the inputs (required;
// directories, files, or - for JSONL on stdin), --outlet and
// --max-document-bytes, with their defaults shown in --help.
void add_input_options(CLI::App& app, std::vector<std::string>& inputs, LoadOptions& load);

// --lexicon FILE, repeatable; a file that does not exist is a usage error.
void add_lexicon_option(CLI::App& app, std::vector<std::string>& files);

// --max-total-bytes, --max-sentence-bytes, --max-mentions-per-document.
void add_limit_options(CLI::App& app, BuildOptions& options);

// "skipped: 3 (json-syntax: 2, sentence-too-long: 1); listed in WHERE" on
// standard error, when anything was left out.
void report_skipped_summary(const std::vector<Diagnostic>& diagnostics,
                            std::string_view listed_in = "events.json \"skipped\"");

// -j/--jobs N: worker threads, default the machine's hardware threads.
void add_jobs_option(CLI::App& app, unsigned& jobs);

// The options of the commands that write the graph (build, merge).
struct GraphOutputOptions {
  std::string output_dir = "out";
  std::vector<std::string> format_names{"all"};
  std::vector<std::string> lexicon_files;
  std::string stats_file;  // --stats FILE: per-stage times as JSON
  bool is_quiet = false;
};
void add_graph_output_options(CLI::App& app, GraphOutputOptions& cli, BuildOptions& options);
// Copies the parsed options into `options`, with progress on standard
// error when it is a terminal and --quiet was not given.
void apply_graph_output_options(const GraphOutputOptions& cli, BuildOptions& options);
// Reports the diagnostics, prints the summary, writes --stats; returns the
// exit status.
int finish_graph_command(const GraphOutputOptions& cli, const BuildReport& report);

// "documents, MB/s, time left" on one rewritten line of standard error,
// when it is a terminal; an empty function otherwise.
std::function<void(const Progress&)> terminal_progress();

// Prints diagnostics to standard error, each on its line, but at most
// kShownPerKind of one code from one file: a binary file, or a file of
// another format given as JSON lines, fails on every line, and a message
// for each (206 for 200 KB of a binary) buried everything else. finish()
// then says, per file and code, how many more there were and on which
// lines; the records (events.json "skipped", extract's skipped lines) keep
// every one.
class DiagnosticPrinter {
 public:
  static constexpr std::size_t kShownPerKind = 10;

  void print(const Diagnostic& d);
  void finish();
  bool has_error() const { return has_error_; }

 private:
  struct Hidden {
    std::size_t shown = 0, count = 0, first_line = 0, last_line = 0;
    bool is_error = false;
  };
  std::map<std::pair<std::string, std::string>, Hidden> by_kind_;  // (file, code)
  bool has_error_ = false;
};

// Prints the diagnostics with a DiagnosticPrinter; returns true if any is
// an error.
bool report(const std::vector<Diagnostic>& diagnostics);
void report(const Diagnostic& diagnostic);

}  // namespace eventgraph::cli
