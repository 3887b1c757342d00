// Helpers every subcommand shares: CLI11 parsing with our exit statuses,
// and printing diagnostics to standard error.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <span>
#include <string>
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

// Prints each diagnostic on its own line to stderr; returns true if any is
// an error.
bool report(const std::vector<Diagnostic>& diagnostics);
void report(const Diagnostic& diagnostic);

}  // namespace eventgraph::cli
