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

// Prints each diagnostic on its own line to stderr; returns true if any is
// an error.
bool report(const std::vector<Diagnostic>& diagnostics);
void report(const Diagnostic& diagnostic);

}  // namespace eventgraph::cli
