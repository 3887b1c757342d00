// Shared command-line plumbing: parsing with exit statuses, diagnostics.
#include "cli_support.h"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <thread>

#include "output/output.h"

#ifdef EVENTGRAPH_WITH_MIMALLOC
#include <mimalloc.h>
#endif

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
  app.add_option("--stdin-name", load.stdin_name,
                 "name of standard input in sources and messages (e.g. the file a partition came from)")
      ->capture_default_str();
  app.add_option("--stdin-first-line", load.stdin_first_line,
                 "line number of the first line read from standard input (for a partition of a larger file)")
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

void add_limit_options(CLI::App& app, BuildOptions& options) {
  app.add_option("--max-total-bytes", options.max_total_bytes,
                 "skip (and report) the documents past this much article text in all")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-sentence-bytes", options.extract_limits.max_sentence_bytes,
                 "cut (and report) text that runs longer than this without a sentence end")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-mentions-per-document", options.extract_limits.max_mentions_per_document,
                 "keep at most this many event mentions of a document (and report the cut)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
}

void report_skipped_summary(const std::vector<Diagnostic>& diagnostics, std::string_view listed_in) {
  std::map<std::string, std::size_t> by_code;
  std::size_t total = 0;
  for (const Diagnostic& d : diagnostics) {
    if (!is_skip(d)) continue;
    ++by_code[d.code];
    ++total;
  }
  if (total == 0) return;
  std::cerr << "skipped: " << total << " (";
  const char* separator = "";
  for (const auto& [code, count] : by_code) {
    std::cerr << separator << code << ": " << count;
    separator = ", ";
  }
  std::cerr << "); listed in " << listed_in << '\n';
}

void add_jobs_option(CLI::App& app, unsigned& jobs) {
  jobs = std::max(1U, std::thread::hardware_concurrency());
  app.add_option("-j,--jobs", jobs, "worker threads; the output is the same for any number")
      ->capture_default_str()
      ->check(CLI::Range(1U, 1024U));
}

void add_graph_output_options(CLI::App& app, GraphOutputOptions& cli, BuildOptions& options) {
  app.add_option("-o,--output", cli.output_dir, "directory for the output files")->capture_default_str();
  std::string valid_formats = "all";
  for (OutputFormat f : kAllOutputFormats) valid_formats += std::string(", ") + std::string(to_string(f));
  app.add_option("--format", cli.format_names, "files to write, comma-separated or repeated: " + valid_formats)
      ->delimiter(',')
      // One value per occurrence, so "--format json samples/" leaves the
      // input alone; commas or repeats give several.
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->capture_default_str()
      ->check(CLI::Validator(
          [valid_formats](std::string& name) -> std::string {
            if (name == "all" || parse_output_format(name)) return {};
            return "unknown format \"" + name + "\" (valid: " + valid_formats + ")";
          },
          "FORMAT"));
  add_lexicon_option(app, cli.lexicon_files);
  add_jobs_option(app, options.jobs);
  app.add_option("--stats", cli.stats_file,
                 "write time, bytes and MB/s of each stage (load, text, time, extract, merge, output) "
                 "and the peak memory to this JSON file");
  app.add_flag("-q,--quiet", cli.is_quiet, "print no summary and no progress");
}

namespace {

// Once the merge begins, mimalloc hands freed pages back to the system at
// once: the merge frees the extractions' records while it builds the
// events, and the writers free what they read while DOT's cgraph graph
// grows (20 MB corpus: one job 68.6 -> 61.5 MB, two jobs 87.5 -> 82.8 MB,
// the same speed in seven turns). Not before: while documents are
// extracted, their memory is freed and taken again all the time, and
// handing it back at once nearly doubled the page faults (50,600 against
// 28,800 on the 20 MB corpus), about 6% of the wall time, and a fifth of
// it with two jobs. The MIMALLOC_DECOMMIT_DELAY variable, when set, wins.
void tune_allocator(BuildOptions& options) {
#ifdef EVENTGRAPH_WITH_MIMALLOC
  if (std::getenv("MIMALLOC_DECOMMIT_DELAY") == nullptr) {
    options.on_merge_start = [] {
      mi_option_set(mi_option_decommit_delay, 0);
      mi_collect(true);  // and what is pending now
    };
  }
#else
  (void)options;
#endif
}

}  // namespace

void apply_graph_output_options(const GraphOutputOptions& cli, BuildOptions& options) {
  tune_allocator(options);
  options.output_dir = cli.output_dir;
  for (const std::string& f : cli.lexicon_files) options.lexicon_files.emplace_back(f);
  options.formats.clear();
  for (const std::string& name : cli.format_names) {
    if (name == "all") {
      options.formats.assign(std::begin(kAllOutputFormats), std::end(kAllOutputFormats));
    } else if (auto format = parse_output_format(name)) {
      options.formats.push_back(*format);
    }
  }
  if (!cli.is_quiet) options.on_progress = terminal_progress();
}

namespace {

std::size_t peak_memory_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::size_t>(usage.ru_maxrss) * 1024;  // Linux reports KiB
}

// Throughput with one decimal; the figures are measurements, not output
// that has to be byte-stable.
double megabytes_per_second(std::size_t bytes, double seconds) {
  return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
}

void write_stats(const std::string& path, const BuildReport& report) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.SetMaxDecimalPlaces(4);
  w.StartObject();
  w.Key("jobs");
  w.Uint(report.jobs);
  w.Key("documents");
  w.Uint64(report.documents_read);
  std::size_t bytes = report.stages.empty() ? 0 : report.stages.front().bytes;
  w.Key("bytes");
  w.Uint64(bytes);
  w.Key("wall_seconds");
  w.Double(report.wall_seconds);
  w.Key("mb_per_s");
  w.Double(megabytes_per_second(bytes, report.wall_seconds));
  w.Key("documents_per_s");
  w.Double(report.wall_seconds > 0 ? static_cast<double>(report.documents_read) / report.wall_seconds : 0.0);
  w.Key("peak_rss_bytes");
  w.Uint64(peak_memory_bytes());
  w.Key("stages");
  w.StartObject();
  for (const StageStats& s : report.stages) {
    w.Key(s.name.c_str());
    w.StartObject();
    w.Key("seconds");
    w.Double(s.seconds);
    w.Key("bytes");
    w.Uint64(s.bytes);
    w.Key("documents");
    w.Uint64(s.documents);
    w.Key("mb_per_s");
    w.Double(megabytes_per_second(s.bytes, s.seconds));
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  write_file_atomically(path, std::string(buffer.GetString(), buffer.GetSize()) + "\n");
}

}  // namespace

int finish_graph_command(const GraphOutputOptions& cli, const BuildReport& report) {
  bool has_error = cli::report(report.diagnostics);
  report_skipped_summary(report.diagnostics);
  if (!cli.stats_file.empty()) write_stats(cli.stats_file, report);
  if (!cli.is_quiet) {
    std::cout << "documents read: " << report.documents_read << " (" << report.documents_dated << " dated";
    if (report.documents_inferred > 0) {
      std::cout << ", " << report.documents_inferred << " from a byline or dateline";
    }
    std::cout << ")\n";
    std::size_t events = 0;
    for (const auto& [type, count] : report.events_by_type) events += count;
    std::cout << "events: " << events << " (from " << report.mentions << " mentions; " << report.entities
              << " entities)\n";
    for (const auto& [type, count] : report.events_by_type) std::cout << "  " << type << ": " << count << '\n';
    std::cout << "files written:\n";
    for (const auto& path : report.files_written) std::cout << "  " << path.string() << '\n';
  }
  return has_error ? kExitInputFailed : kExitOk;
}

std::function<void(const Progress&)> terminal_progress() {
  if (!isatty(STDERR_FILENO)) return {};
  return [](const Progress& p) {
    double rate = megabytes_per_second(p.bytes, p.seconds);
    std::fprintf(stderr, "\r%zu documents, %.1f MB, %.1f MB/s", p.documents,
                 static_cast<double>(p.bytes) / 1e6, rate);
    if (p.total_bytes > p.bytes && rate > 0) {
      double left = static_cast<double>(p.total_bytes - p.bytes) / 1e6 / rate;
      std::fprintf(stderr, ", %d:%02d left", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    }
    std::fprintf(stderr, "   ");
    std::fflush(stderr);
  };
}

void report(const Diagnostic& diagnostic) { std::cerr << diagnostic.to_string() << '\n'; }

void DiagnosticPrinter::print(const Diagnostic& d) {
  has_error_ = has_error_ || d.severity == Severity::error;
  Hidden& kind = by_kind_[{d.file, d.code}];
  if (d.line == 0 || kind.shown < kShownPerKind) {  // a file-wide problem is said once anyway
    ++kind.shown;
    report(d);
    return;
  }
  if (kind.count++ == 0) kind.first_line = d.line;
  kind.last_line = std::max(kind.last_line, d.line);
  kind.is_error = kind.is_error || d.severity == Severity::error;
}

void DiagnosticPrinter::finish() {
  for (auto& [key, kind] : by_kind_) {
    if (kind.count == 0) continue;
    const auto& [file, code] = key;
    report(Diagnostic{kind.is_error ? Severity::error : Severity::warning, file, kind.first_line, 0, code,
                      std::to_string(kind.count) + " more like the " + std::to_string(kind.shown) +
                          " above, on lines " + std::to_string(kind.first_line) + " to " +
                          std::to_string(kind.last_line) + ", not printed one by one"});
    kind.count = 0;
  }
}

bool report(const std::vector<Diagnostic>& diagnostics) {
  DiagnosticPrinter printer;
  for (const Diagnostic& d : diagnostics) printer.print(d);
  printer.finish();
  return printer.has_error();
}

}  // namespace eventgraph::cli
