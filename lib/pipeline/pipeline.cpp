// Runs the stages in order and writes the outputs.
//
// Documents go through text and extraction in batches, each batch spread
// over the worker threads and handed on in input order; the merge and what
// follows see the documents sorted by id. Nothing that reaches the output
// depends on the thread count or on the order of the inputs.
#include "pipeline/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <fstream>
#include <future>
#include <iostream>
#include <limits>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "graph/graph.h"
#include "merge/merge.h"
#include "output/csv.h"
#include "output/dot.h"
#include "output/extraction_json.h"
#include "output/graphml.h"
#include "output/jsonld.h"
#include "output/output.h"
#include "output/timelinejs.h"
#include "text/text.h"

namespace eventgraph {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double to_seconds(std::chrono::nanoseconds d) { return std::chrono::duration<double>(d).count(); }

// A batch is handed to the threads when it holds this many documents or
// bytes: big enough to keep both cores busy, small enough that streaming
// memory stays a few MB.
constexpr std::size_t kBatchDocuments = 256;
constexpr std::size_t kBatchBytes = std::size_t{4} << 20;

// Runs fn(0) .. fn(n - 1) on up to `jobs` threads, the caller's among them
// (not a ThreadTeam of new threads: the caller's heap holds what the merge
// freed, and with new threads only the two-job peak rose from 89 to 101 MB);
// with `is_first_apart`, fn(0) runs first on a thread of its own, by itself
// (cgraph's global state allows one thread at a time). The first exception
// thrown is rethrown here once every thread stopped.
void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn,
                  bool is_first_apart = false) {
  std::size_t threads = std::min<std::size_t>(std::max(1U, jobs), n);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{is_first_apart ? std::size_t{1} : std::size_t{0}};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto run = [&](std::size_t i) {
    try {
      fn(i);
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!error) error = std::current_exception();
      next = n;
    }
  };
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) run(i);
  };
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) {
    if (t == 1 && is_first_apart) {
      pool.emplace_back([&] {
        run(0);
        work();
      });
    } else {
      pool.emplace_back(work);
    }
  }
  work();
  for (std::thread& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

// Threads kept for a whole run, given one job after another: fn(0) ..
// fn(n - 1) on all of them, started without waiting and waited for later.
// A new thread per batch of documents paid for its thread-local state each
// time (ICU's sentence iterator clone, buffers, the allocator's heap): at
// two jobs that was a fifth of the wall time. The first exception a job
// throws is rethrown by wait().
class ThreadTeam {
 public:
  explicit ThreadTeam(unsigned threads) {
    for (unsigned t = 0; t < threads; ++t) threads_.emplace_back([this] { serve(); });
  }
  ThreadTeam(const ThreadTeam&) = delete;
  ThreadTeam& operator=(const ThreadTeam&) = delete;
  ~ThreadTeam() {
    {
      std::lock_guard lock(mutex_);
      is_stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  // The previous job must have been waited for.
  void start(std::size_t n, std::function<void(std::size_t)> fn) {
    {
      std::lock_guard lock(mutex_);
      fn_ = std::move(fn);
      n_ = n;
      next_ = 0;
      busy_ = threads_.size();
      ++job_;
    }
    wake_.notify_all();
  }

  void wait() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [this] { return busy_ == 0; });
    fn_ = nullptr;
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  void serve() {
    std::uint64_t seen = 0;
    for (;;) {
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return is_stopping_ || job_ != seen; });
        if (is_stopping_) return;
        seen = job_;
      }
      for (std::size_t i = next_++; i < n_; i = next_++) {
        try {
          fn_(i);
        } catch (...) {
          std::lock_guard lock(mutex_);
          if (!error_) error_ = std::current_exception();
          next_ = n_;
        }
      }
      std::lock_guard lock(mutex_);
      if (--busy_ == 0) done_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::function<void(std::size_t)> fn_;
  std::size_t n_ = 0;
  std::atomic<std::size_t> next_{0};
  std::size_t busy_ = 0;  // threads still in the current job
  std::uint64_t job_ = 0;
  bool is_stopping_ = false;
  std::exception_ptr error_;
  std::vector<std::thread> threads_;
};

// The bytes of the input files, for the time left in progress reports; 0
// when a stream of unknown size is among them.
std::size_t input_bytes(const std::vector<std::string>& inputs) {
  std::size_t total = 0;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-") return 0;
    if (std::filesystem::is_directory(input, ec)) {
      for (const auto& entry : std::filesystem::directory_iterator(input, ec)) {
        if (entry.is_regular_file(ec) && entry.path().extension() == ".txt") total += entry.file_size(ec);
      }
    } else if (std::filesystem::is_regular_file(input, ec)) {
      total += std::filesystem::file_size(input, ec);
    }
  }
  return total;
}

// Time and bytes per stage, summed over threads.
struct StageClock {
  double load = 0;
  std::chrono::nanoseconds normalize{0};
  ExtractionTimings extraction;
  double merge = 0;
  double output = 0;
  std::size_t bytes = 0;
  std::size_t documents = 0;

  std::vector<StageStats> stages() const {
    return {{"load", load, bytes, documents},
            {"text", to_seconds(normalize + extraction.text), bytes, documents},
            {"time", to_seconds(extraction.time), bytes, documents},
            {"extract", to_seconds(extraction.extract), bytes, documents},
            {"merge", merge, bytes, documents},
            {"output", output, bytes, documents}};
  }
};

struct MappedDocument {
  Document doc;
  DocumentExtraction extraction;
  std::vector<Diagnostic> diagnostics;  // from normalizing its text
  std::size_t raw_bytes = 0;
  std::chrono::nanoseconds normalize{0};
  ExtractionTimings timings;
};

// Loads `inputs` (repeated ids skipped), and normalizes and extracts every
// document on options.jobs threads, one batch at a time; results reach
// `on_mapped` in input order.
void map_documents(const std::vector<std::string>& inputs, const BuildOptions& options,
                   const Lexicon& lexicon, StageClock& clock,
                   const std::function<void(MappedDocument&&)>& on_mapped,
                   const DiagnosticSink& on_diagnostic) {
  Clock::time_point started = Clock::now();
  const std::size_t total_bytes = options.on_progress ? input_bytes(inputs) : 0;
  double mapping_seconds = 0;
  std::set<std::string> seen_ids;
  std::vector<Document> batch;
  std::size_t batch_bytes = 0;
  std::size_t loaded_bytes = 0;
  std::size_t over_total = 0;  // documents skipped past max_total_bytes

  // Normalizes and extracts docs[i] into mapped[i].
  auto map_one = [&](std::vector<Document>& docs, std::vector<MappedDocument>& mapped, std::size_t i) {
    MappedDocument& m = mapped[i];
    Clock::time_point t = Clock::now();
    m.raw_bytes = docs[i].text.size();
    NormalizedText normalized = normalize_text(docs[i].text, docs[i].id);
    m.doc = std::move(docs[i]);
    m.doc.text = std::move(normalized.text);
    m.diagnostics = std::move(normalized.diagnostics);
    m.normalize = Clock::now() - t;
    m.extraction = extract_mentions(m.doc, lexicon, options.extract_limits, &m.timings);
    for (Diagnostic& d : m.extraction.limits_hit) m.diagnostics.push_back(std::move(d));
    m.extraction.limits_hit.clear();
  };
  // Hands a mapped batch on, in input order, on this thread.
  auto deliver = [&](std::vector<MappedDocument> mapped) {
    for (MappedDocument& m : mapped) {
      clock.normalize += m.normalize;
      clock.extraction.text += m.timings.text;
      clock.extraction.time += m.timings.time;
      clock.extraction.extract += m.timings.extract;
      clock.bytes += m.raw_bytes;
      ++clock.documents;
      for (Diagnostic& d : m.diagnostics) on_diagnostic(std::move(d));
      on_mapped(std::move(m));
    }
    if (options.on_progress) {
      options.on_progress({clock.documents, clock.bytes, total_bytes, seconds_since(started)});
    }
  };
  // With more than one job, a batch is mapped on the team while this thread
  // loads the next one and then hands the one before on: reading, parsing
  // and the hand-on then cost no wall time. The batches still arrive in
  // input order, each after the load messages of the batch behind it,
  // whatever the timing.
  struct Batch {
    std::vector<Document> docs;
    std::vector<MappedDocument> mapped;
  };
  // The team is declared last so that it goes first: its threads finish
  // the batch in flight before that batch is destroyed.
  std::optional<Batch> in_flight;  // on the team
  std::optional<ThreadTeam> team;
  if (options.jobs > 1) team.emplace(options.jobs);
  auto finish_in_flight = [&] {
    if (!in_flight) return std::vector<MappedDocument>{};
    team->wait();
    std::vector<MappedDocument> mapped = std::move(in_flight->mapped);
    in_flight.reset();
    return mapped;
  };
  auto map_batch = [&] {
    Clock::time_point batch_started = Clock::now();
    Batch next{{}, {}};
    next.docs.swap(batch);
    next.mapped.resize(next.docs.size());
    batch_bytes = 0;
    if (team) {
      const bool has_previous = in_flight.has_value();
      std::vector<MappedDocument> previous = finish_in_flight();
      in_flight = std::move(next);
      team->start(in_flight->docs.size(), [&, flying = &*in_flight](std::size_t i) {
        map_one(flying->docs, flying->mapped, i);
      });
      if (has_previous) deliver(std::move(previous));
    } else {
      for (std::size_t i = 0; i < next.docs.size(); ++i) map_one(next.docs, next.mapped, i);
      deliver(std::move(next.mapped));
    }
    mapping_seconds += seconds_since(batch_started);
  };

  load_documents(
      inputs, options.load,
      [&](Document&& doc) {
        if (!seen_ids.insert(doc.id).second) {
          on_diagnostic({Severity::error, doc.source, 0, 0, "duplicate-id",
                         "document id \"" + doc.id + "\" was already used by another input; skipped"});
          return;
        }
        loaded_bytes += doc.text.size();
        if (loaded_bytes > options.max_total_bytes) {
          // One message for the first, a count for the rest: a firehose
          // past its limit must not flood the report.
          if (over_total++ == 0) {
            on_diagnostic({Severity::error, doc.source, 0, 0, "total-input-too-large",
                           "the input is over the limit of " + std::to_string(options.max_total_bytes) +
                               " bytes of article text (--max-total-bytes); this document and the ones "
                               "after it are skipped"});
          }
          return;
        }
        batch_bytes += doc.text.size();
        batch.push_back(std::move(doc));
        if (batch.size() >= kBatchDocuments || batch_bytes >= kBatchBytes) map_batch();
      },
      on_diagnostic);
  if (!batch.empty()) map_batch();
  if (in_flight) {
    Clock::time_point waited = Clock::now();
    deliver(finish_in_flight());
    mapping_seconds += seconds_since(waited);
  }
  if (over_total > 1) {
    on_diagnostic({Severity::error, "-", 0, 0, "total-input-too-large",
                   std::to_string(over_total) + " documents in all were skipped past --max-total-bytes"});
  }
  clock.load += seconds_since(started) - mapping_seconds;
}

// Lets go of what the DOT writer does not read, when it is the one writer
// left: every mention (a third of the corpus), and of an event its actors,
// outlets and conflicts; of an entity its aliases; of a document its URL
// and source. The strings the graph's views see stay. (DOT draws actors
// and reports from the graph's edges.)
void let_go_of_all_but_dot(EventGraph& graph) {
  graph.release_mentions();
  for (Event& e : graph.corpus.events) {
    std::vector<ActorRole>().swap(e.actors);
    std::vector<std::string>().swap(e.outlets);
    std::vector<Conflict>().swap(e.conflicts);
  }
  for (Entity& e : graph.corpus.entities) std::vector<std::string>().swap(e.aliases);
  for (Document& d : graph.corpus.documents) {
    std::string().swap(d.url);
    std::string().swap(d.source);
  }
}

// What every build ends with, whether the documents were extracted here or
// read back from `eventgraph extract` lines: places undated documents,
// merges, and writes the files.
void finish_build(std::vector<Document> documents, std::vector<DocumentExtraction> extractions,
                  EntityUnion entities,
                  const Lexicon& lexicon, const BuildOptions& options, StageClock& clock,
                  BuildReport& report) {
  // Same articles, same output, whatever the input order.
  std::vector<std::size_t> order(documents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return documents[a].id < documents[b].id; });
  {
    std::vector<Document> sorted_documents;
    std::vector<DocumentExtraction> sorted_extractions;
    sorted_documents.reserve(order.size());
    sorted_extractions.reserve(order.size());
    for (std::size_t i : order) {
      sorted_documents.push_back(std::move(documents[i]));
      sorted_extractions.push_back(std::move(extractions[i]));
    }
    documents = std::move(sorted_documents);
    extractions = std::move(sorted_extractions);
  }

  // An undated document takes the day its relative dates agree with the
  // dated ones on, when exactly one day does; else its dates stay open.
  // The dated extractions are lent to the inference and given back after
  // (a copy of them all was the largest thing alive then).
  bool has_undated = std::any_of(documents.begin(), documents.end(),
                                 [](const Document& d) { return !d.published; });
  if (has_undated) {
    std::vector<DocumentExtraction> dated_extractions;
    std::vector<date::sys_days> dated_days;
    std::vector<std::size_t> dated_index;  // of dated_extractions[k] in extractions
    for (std::size_t i = 0; i < documents.size(); ++i) {
      if (!documents[i].published) continue;
      dated_extractions.push_back(std::move(extractions[i]));
      dated_days.push_back(documents[i].published->local_day);
      dated_index.push_back(i);
    }
    for (std::size_t i = 0; i < documents.size(); ++i) {
      Document& doc = documents[i];
      if (doc.published) continue;
      if (auto day = infer_publication_day(doc, lexicon, dated_extractions, dated_days)) {
        doc.published = PublicationTime{*day, std::nullopt, std::nullopt};
        doc.is_published_inferred = true;
        report.diagnostics.push_back({Severity::warning, doc.id, 0, 0, "date-inferred",
                                      "no publication date given; " + format_day(*day) +
                                          " inferred from the events other documents date"});
        extractions[i] = extract_mentions(doc, lexicon, options.extract_limits, &clock.extraction);
      } else {
        report.diagnostics.push_back({Severity::warning, doc.id, 0, 0, "no-date",
                                      "no publication date given or inferable; relative dates stay unresolved"});
      }
    }
    for (std::size_t k = 0; k < dated_index.size(); ++k) extractions[dated_index[k]] = std::move(dated_extractions[k]);
  }

  // What was left out: inputs that failed, and parts a limit cut.
  std::vector<Diagnostic> skipped;
  for (const Diagnostic& d : report.diagnostics) {
    if (is_skip(d)) skipped.push_back(d);
  }
  std::sort(skipped.begin(), skipped.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.code, a.message) < std::tie(b.file, b.line, b.code, b.message);
  });
  report.documents_read = documents.size();
  for (const Document& doc : documents) {
    if (doc.published) ++report.documents_dated;
    if (doc.is_published_inferred) ++report.documents_inferred;
  }

  if (options.on_merge_start) options.on_merge_start();
  Clock::time_point merge_started = Clock::now();
  EventGraph graph =
      build_graph(merge_mentions(std::move(documents), std::move(extractions), std::move(entities),
                                 [&](std::size_t n, const std::function<void(std::size_t)>& fn) {
                                   parallel_for(n, options.jobs, fn);
                                 }));
  clock.merge += seconds_since(merge_started);
  for (const Event& e : graph.corpus.events) {
    ++report.events_by_type[e.type];
    report.mentions += e.mentions.size();
  }
  report.entities = graph.corpus.entities.size();

  Clock::time_point output_started = Clock::now();
  std::filesystem::create_directories(options.output_dir);
  struct OutputFile {
    std::string name;
    std::function<void(TextSink&)> write;
  };
  std::vector<OutputFile> files;
  for (OutputFormat format : kAllOutputFormats) {
    if (std::find(options.formats.begin(), options.formats.end(), format) == options.formats.end()) {
      continue;
    }
    switch (format) {
      case OutputFormat::json:
        files.push_back({"events.json", [&](TextSink& out) {
                           write_events_json(graph, skipped, options.generator_version,
                                             describe_limits(options), out);
                         }});
        break;
      case OutputFormat::graphml: files.push_back({"events.graphml", [&](TextSink& out) { write_graphml(graph, out); }}); break;
      case OutputFormat::dot: files.push_back({"events.dot", [&](TextSink& out) { write_dot(graph, out); }}); break;
      case OutputFormat::jsonld: files.push_back({"events.jsonld", [&](TextSink& out) { write_jsonld(graph, out); }}); break;
      case OutputFormat::csv:
        files.push_back({"events.csv", [&](TextSink& out) { write_events_csv(graph, out); }});
        files.push_back({"mentions.csv", [&](TextSink& out) { write_mentions_csv(graph, out); }});
        break;
      case OutputFormat::timelinejs:
        files.push_back({"timeline.json", [&](TextSink& out) { write_timelinejs(graph, out); }});
        break;
    }
  }
  std::vector<std::filesystem::path> paths;  // in kAllOutputFormats order
  for (const OutputFile& f : files) paths.push_back(options.output_dir / f.name);
  auto is_dot = [](const OutputFile& f) { return f.name == "events.dot"; };
  // A file's commit waits in fsync for the disk (0.11 s in all for the
  // 113 MB that the 20 MiB corpus gives, a tenth of a one-job build): each
  // runs on a thread of its own, which does nothing but wait, while the
  // writers go on. All are waited for, in order, before the build returns,
  // and the first that failed is thrown.
  std::mutex commits_mutex;
  std::vector<std::future<void>> commits;
  // With more than one job, the writers but DOT read the mentions through
  // the graph packed (an eighth of their memory as records: several
  // writers read them at once), packed by the first of them to start while
  // the others wait, and while DOT, which reads none, writes on the other
  // thread. (Packing touches only the events' mention lists, which DOT
  // does not read.) One job's writers read them one after another, as the
  // merge left them: its peak is the merge's, and packing cost a thirtieth
  // of its time.
  std::once_flag packed;
  auto write_file = [&](std::size_t i) {
    if (options.jobs > 1 && !is_dot(files[i])) std::call_once(packed, [&] { graph.pack_mentions(); });
    auto file = std::make_shared<AtomicFile>(options.output_dir / files[i].name);
    files[i].write(*file);
    std::lock_guard lock(commits_mutex);
    commits.push_back(std::async(std::launch::async, [file] { file->commit(); }));
  };
  if (options.jobs <= 1) {
    // One after another, DOT last: it reads no mention, so the mentions
    // (and what else only the other writers read) go before it runs.
    // (The --jobs test compares.)
    std::stable_partition(files.begin(), files.end(), [&](const OutputFile& f) { return !is_dot(f); });
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (is_dot(files[i])) let_go_of_all_but_dot(graph);
      write_file(i);
    }
  } else {
    // Each writer streams into its own file on a thread of its own, so no
    // file is ever held in memory. DOT goes first, on a new thread: with
    // glibc's malloc (the library's users may keep it; the binary uses
    // mimalloc) that thread gets the arena of a finished extraction
    // thread, whose freed memory its tables then reuse.
    std::stable_partition(files.begin(), files.end(), is_dot);
    if (std::all_of(files.begin(), files.end(), is_dot)) let_go_of_all_but_dot(graph);  // no other reader
    parallel_for(files.size(), options.jobs, write_file, !files.empty() && is_dot(files.front()));
  }
  for (std::future<void>& commit : commits) commit.get();
  for (auto& path : paths) report.files_written.push_back(std::move(path));
  clock.output += seconds_since(output_started);
}

// What the merge no longer needs of a dated document once it is extracted:
// its text (release_text) and its own copy of its entities, folded into
// the corpus's union (a dozen per article). An undated document keeps both:
// it is extracted again once its day is inferred.
void let_go_of_extracted(Document& doc, DocumentExtraction& extraction, EntityUnion& entities) {
  if (!doc.published) return;
  release_text(doc);
  entities.add(doc.id, std::move(extraction.entities));  // leaves the list empty
}

// The longest extraction line read: 4 bytes for each byte of the longest
// article (--max-document-bytes), 4 KiB for each mention it may have
// (--max-mentions-per-document), and 64 KiB of metadata as load_jsonl
// allows. A line carries the normalized text, which JSON makes up to three
// times the article's bytes (an invalid byte becomes the three of U+FFFD, a
// quote or line break two), and its entities (up to 1.1 times the text, on
// short articles of the generated corpus); and its mentions: about 600
// bytes each (1.1 KB at most in the samples), and as many as one per 46
// bytes of text, which made a dense article's line 13 times its text. A
// longer line is taken for one `extract` did not write with these limits;
// without a bound, one endless line (a binary file, a pipe of garbage)
// took memory without end. Saturates rather than wrapping around.
std::size_t max_extraction_line_bytes(const BuildOptions& options) {
  constexpr std::size_t kMost = std::numeric_limits<std::size_t>::max();
  auto times = [](std::size_t a, std::size_t b) { return b != 0 && a > kMost / b ? kMost : a * b; };
  auto plus = [](std::size_t a, std::size_t b) { return a > kMost - b ? kMost : a + b; };
  return plus(plus(times(options.load.max_document_bytes, 4),
                   times(options.extract_limits.max_mentions_per_document, 4096)),
              65536);
}

// Reads the lines of one `eventgraph extract` output stream; an overlong
// line is reported and skipped, and the others still read.
void read_extraction_lines(std::istream& in, const std::string& source, std::size_t max_line_bytes,
                           std::set<std::string>& seen_ids, std::vector<Document>& documents,
                           std::vector<DocumentExtraction>& extractions, EntityUnion& entities,
                           std::vector<Diagnostic>& diagnostics) {
  LineReader reader(in, max_line_bytes);
  std::string line;
  std::size_t full_length = 0;
  std::size_t line_number = 0;
  while (reader.next(line, full_length)) {
    ++line_number;
    if (full_length > line.size()) {
      diagnostics.push_back({Severity::error, source, line_number, 0, "document-too-large",
                             "JSON line of " + std::to_string(full_length) + " bytes is over the limit of " +
                                 std::to_string(max_line_bytes) +
                                 " bytes (4 x --max-document-bytes + 4 KiB x --max-mentions-per-document + "
                                 "64 KiB); skipped"});
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ExtractionRead read = read_extraction_json(line, source, line_number);
    if (read.error) {
      diagnostics.push_back(std::move(*read.error));
    } else if (read.skipped) {
      diagnostics.push_back(std::move(*read.skipped));
    } else if (!seen_ids.insert(read.document->id).second) {
      diagnostics.push_back({Severity::error, source, line_number, 0, "duplicate-id",
                             "document id \"" + read.document->id +
                                 "\" was already used by another input; skipped"});
    } else {
      let_go_of_extracted(*read.document, read.extraction, entities);
      documents.push_back(std::move(*read.document));
      extractions.push_back(std::move(read.extraction));
    }
  }
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

bool is_skip(const Diagnostic& d) {
  return d.severity == Severity::error || d.code == "sentence-too-long" || d.code == "too-many-mentions";
}

std::vector<std::pair<std::string, std::size_t>> describe_limits(const BuildOptions& options) {
  return {{"max_document_bytes", options.load.max_document_bytes},
          {"max_total_bytes", options.max_total_bytes},
          {"max_sentence_bytes", options.extract_limits.max_sentence_bytes},
          {"max_mentions_per_document", options.extract_limits.max_mentions_per_document}};
}

bool BuildReport::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void stream_extractions(const std::vector<std::string>& inputs, const BuildOptions& options,
                        const Lexicon& lexicon, const ExtractionSink& on_extraction,
                        const DiagnosticSink& on_diagnostic) {
  StageClock clock;
  map_documents(
      inputs, options, lexicon, clock,
      [&](MappedDocument&& m) { on_extraction(m.doc, m.extraction); }, on_diagnostic);
}

BuildReport run_build(const std::vector<std::string>& inputs, const BuildOptions& options) {
  Clock::time_point started = Clock::now();
  BuildReport report;
  report.jobs = std::max(1U, options.jobs);
  LexiconLoad lexicon = load_lexicon(options.lexicon_files);
  report.diagnostics = std::move(lexicon.diagnostics);
  std::vector<Document> documents;
  std::vector<DocumentExtraction> extractions;
  EntityUnion entities;
  StageClock clock;
  map_documents(
      inputs, options, lexicon.lexicon, clock,
      [&](MappedDocument&& m) {
        // The merge reads entities, events and affiliations; the entity
        // mentions (every name in the text) would only hold memory.
        std::vector<EntityMention>().swap(m.extraction.entity_mentions);
        let_go_of_extracted(m.doc, m.extraction, entities);
        documents.push_back(std::move(m.doc));
        extractions.push_back(std::move(m.extraction));
      },
      [&](Diagnostic&& d) { report.diagnostics.push_back(std::move(d)); });
  finish_build(std::move(documents), std::move(extractions), std::move(entities), lexicon.lexicon, options,
               clock, report);
  report.stages = clock.stages();
  report.wall_seconds = seconds_since(started);
  return report;
}

BuildReport run_merge(const std::vector<std::string>& extraction_inputs, const BuildOptions& options) {
  Clock::time_point started = Clock::now();
  BuildReport report;
  report.jobs = std::max(1U, options.jobs);
  LexiconLoad lexicon = load_lexicon(options.lexicon_files);
  report.diagnostics = std::move(lexicon.diagnostics);
  std::vector<Document> documents;
  std::vector<DocumentExtraction> extractions;
  EntityUnion entities;
  std::set<std::string> seen_ids;
  const std::size_t max_line_bytes = max_extraction_line_bytes(options);
  for (const std::string& input : extraction_inputs) {
    if (input == "-") {
      read_extraction_lines(std::cin, "-", max_line_bytes, seen_ids, documents, extractions, entities,
                            report.diagnostics);
      continue;
    }
    std::ifstream in(input, std::ios::binary);
    if (!in) {
      report.diagnostics.push_back({Severity::error, input, 0, 0, "cannot-read",
                                    "cannot open the file (does it exist?)"});
      continue;
    }
    read_extraction_lines(in, input, max_line_bytes, seen_ids, documents, extractions, entities,
                          report.diagnostics);
  }
  StageClock clock;
  clock.load = seconds_since(started);
  clock.documents = documents.size();
  for (const Document& d : documents) clock.bytes += text_bytes(d);
  finish_build(std::move(documents), std::move(extractions), std::move(entities), lexicon.lexicon, options,
               clock, report);
  report.stages = clock.stages();
  report.wall_seconds = seconds_since(started);
  return report;
}

}  // namespace eventgraph
