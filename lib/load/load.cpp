// Loads articles from directories, manifests, text files and JSONL streams.
#include "load/load.h"

#include "load/detail/flat_record.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <system_error>

namespace eventgraph {
namespace {

namespace fs = std::filesystem;

Diagnostic make_error(std::string file, std::string code, std::string message,
                      std::size_t line = 0, std::size_t column = 0) {
  return Diagnostic{Severity::error, std::move(file), line, column, std::move(code),
                    std::move(message)};
}

Diagnostic make_warning(std::string file, std::string code, std::string message,
                        std::size_t line = 0, std::size_t column = 0) {
  return Diagnostic{Severity::warning, std::move(file), line, column, std::move(code),
                    std::move(message)};
}

std::string limit_hint(std::size_t size, std::size_t limit) {
  return std::to_string(size) + " bytes is over the limit of " + std::to_string(limit) +
         " bytes (--max-document-bytes)";
}

// Checks that raw article bytes can be taken as text. Invalid UTF-8 is left
// to the text stage, which repairs it; NUL bytes mean a binary file (or
// UTF-16, which we name so the user knows to convert it).
std::optional<Diagnostic> check_text_bytes(std::string_view bytes, const std::string& where) {
  if (bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                            (bytes[0] == '\xFE' && bytes[1] == '\xFF'))) {
    return make_error(where, "utf16",
                      "UTF-16 text is not supported; convert it to UTF-8 "
                      "(iconv -f UTF-16 -t UTF-8)");
  }
  if (std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return make_error(where, "binary-file",
                      "NUL byte at offset " + std::to_string(nul) +
                          ": this is a binary file, not a text article");
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return make_error(where, "empty-document", "the article has no text");
  }
  return std::nullopt;
}

// The system's reason a path cannot be used, when it is more than "not
// there" (a name too long, a file used as a directory, no permission).
std::string reason(const std::error_code& ec) {
  if (!ec || ec == std::errc::no_such_file_or_directory) return "";
  return " (" + ec.message() + ")";
}

// Reads a whole file unless it is over `max_bytes`.
std::optional<std::string> read_file(const fs::path& path, std::size_t max_bytes,
                                     const DiagnosticSink& on_diagnostic) {
  const std::string where = path.generic_string();
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    on_diagnostic(make_error(where, "missing-file", "no such file" + reason(ec)));
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    on_diagnostic(make_error(where, "not-a-file", "is a directory, not an article file"));
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    on_diagnostic(make_error(where, "unreadable-file", "cannot open the file for reading"));
    return std::nullopt;
  }
  std::string bytes;
  // Read at most one byte past the limit: enough to know it is too large,
  // without pulling a giant file into memory. Works for pipes too.
  constexpr std::size_t kChunk = 1 << 16;
  std::string chunk(kChunk, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(kChunk));
    bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > max_bytes) {
      std::uintmax_t size = fs::file_size(path, ec);
      on_diagnostic(make_error(where, "document-too-large",
                               limit_hint(ec ? bytes.size() : size, max_bytes)));
      return std::nullopt;
    }
  }
  if (in.bad()) {
    on_diagnostic(make_error(where, "unreadable-file", "read error"));
    return std::nullopt;
  }
  return bytes;
}

// The file name without its extension: "003_636d.txt" -> "003_636d".
std::string id_from_path(const fs::path& path) { return path.stem().string(); }

// Fills the publication date of a document that has none from its text.
void infer_publication(Document& doc) {
  if (doc.published) return;
  if (auto found = find_dateline(doc.text)) {
    doc.published = found;
    doc.is_published_inferred = true;
  }
}

void load_text_file(const fs::path& path, Document doc, const LoadOptions& options,
                    const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
  auto bytes = read_file(path, options.max_document_bytes, on_diagnostic);
  if (!bytes) return;
  doc.source = path.generic_string();
  if (auto problem = check_text_bytes(*bytes, doc.source)) {
    on_diagnostic(std::move(*problem));
    return;
  }
  if (doc.id.empty()) doc.id = id_from_path(path);
  if (doc.outlet.empty()) doc.outlet = options.outlet;
  doc.text = std::move(*bytes);
  infer_publication(doc);
  on_document(std::move(doc));
}

// RapidJSON reports a byte offset; users want line and column.
Diagnostic json_syntax_error(const std::string& where, std::string_view json,
                             rapidjson::ParseErrorCode code, std::size_t offset,
                             std::size_t line_base = 0) {
  LineColumn lc = line_column_at(json, offset);
  std::string message = std::string("invalid JSON: ") + rapidjson::GetParseError_En(code);
  std::string near = excerpt_at(json, offset, 20);
  if (!near.empty()) message += " (near \"" + near + "\")";
  return make_error(where, "json-syntax", std::move(message), lc.line + line_base,
                    lc.column);
}

// Records where each element of the top-level "documents" array starts,
// so that an error in an entry points to its line.
struct EntryLocator : rapidjson::BaseReaderHandler<rapidjson::UTF8<>, EntryLocator> {
  const rapidjson::StringStream& stream;
  std::vector<std::size_t>& entry_offsets;
  int depth = 0;

  EntryLocator(const rapidjson::StringStream& s, std::vector<std::size_t>& offsets)
      : stream(s), entry_offsets(offsets) {}
  bool Default() { return true; }
  bool StartObject() {
    // The iterative parser calls this before it takes the '{'.
    if (depth == 2) entry_offsets.push_back(stream.Tell());
    ++depth;
    return true;
  }
  bool EndObject(rapidjson::SizeType) {
    --depth;
    return true;
  }
  bool StartArray() {
    ++depth;
    return true;
  }
  bool EndArray(rapidjson::SizeType) {
    --depth;
    return true;
  }
};

Diagnostic bad_field_error(const std::string& where, const char* name, std::size_t line, std::size_t column) {
  return make_error(where, "bad-field", std::string("\"") + name + "\" must be a string", line, column);
}

// A string member, or "" when absent. A present member of another type is
// reported.
std::string string_member(const rapidjson::Value& object, const char* name,
                          const std::string& where, std::size_t line, std::size_t column,
                          const DiagnosticSink& on_diagnostic, bool* is_bad = nullptr) {
  auto it = object.FindMember(name);
  if (it == object.MemberEnd() || it->value.IsNull()) return "";
  if (!it->value.IsString()) {
    on_diagnostic(bad_field_error(where, name, line, column));
    if (is_bad) *is_bad = true;
    return "";
  }
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

// Reads `published` into `doc`; an unparsable value is a warning and the
// date stays unknown (or comes from the text), never a guess.
void read_published(const std::string& published, Document& doc, const std::string& where,
                    std::size_t line, std::size_t column, const DiagnosticSink& on_diagnostic) {
  if (published.empty()) return;
  doc.published = parse_publication_time(published);
  if (!doc.published) {
    on_diagnostic(make_warning(where, "bad-date",
                               "\"published\" is not an ISO 8601 date: \"" +
                                   excerpt_at(published, 0, 40) + "\"; the date is left unknown",
                               line, column));
  }
}

void read_published(const rapidjson::Value& object, Document& doc, const std::string& where,
                    std::size_t line, std::size_t column, const DiagnosticSink& on_diagnostic) {
  read_published(string_member(object, "published", where, line, column, on_diagnostic), doc, where, line,
                 column, on_diagnostic);
}

void load_manifest(const fs::path& manifest_path, const LoadOptions& options,
                   const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
  const std::string where = manifest_path.generic_string();
  auto json = read_file(manifest_path, options.max_document_bytes, on_diagnostic);
  if (!json) return;
  rapidjson::Document dom;
  // Iterative: a manifest of 100,000 nested arrays must not overflow the
  // stack (RapidJSON's default parser recurses once per level).
  dom.Parse<rapidjson::kParseIterativeFlag>(json->data(), json->size());
  if (dom.HasParseError()) {
    on_diagnostic(json_syntax_error(where, *json, dom.GetParseError(), dom.GetErrorOffset()));
    return;
  }
  // A second, cheap pass finds where each entry starts, for messages.
  std::vector<std::size_t> entry_offsets;
  rapidjson::StringStream stream(json->c_str());
  EntryLocator locator(stream, entry_offsets);
  rapidjson::Reader().Parse<rapidjson::kParseIterativeFlag>(stream, locator);
  if (!dom.IsObject() || !dom.HasMember("documents") || !dom["documents"].IsArray()) {
    on_diagnostic(make_error(where, "bad-manifest",
                             "a manifest is an object with a \"documents\" array", 1, 1));
    return;
  }
  const fs::path base = manifest_path.parent_path();
  const auto& entries = dom["documents"].GetArray();
  // Entries start in increasing offsets: each line and column is counted on
  // from the previous entry's, not from the start of the file (which made a
  // manifest of 100,000 entries quadratic).
  std::size_t counted_to = 0;
  LineColumn lc;
  for (rapidjson::SizeType i = 0; i < entries.Size(); ++i) {
    const rapidjson::Value& entry = entries[i];
    const std::size_t offset = std::min(i < entry_offsets.size() ? entry_offsets[i] : 0, json->size());
    if (offset < counted_to) {
      counted_to = 0;
      lc = LineColumn{};
    }
    for (; counted_to < offset; ++counted_to) {
      if ((*json)[counted_to] == '\n') {
        ++lc.line;
        lc.column = 1;
      } else {
        ++lc.column;
      }
    }
    const std::string label = "documents[" + std::to_string(i) + "]";
    if (!entry.IsObject()) {
      on_diagnostic(make_error(where, "bad-manifest", label + " must be an object", lc.line,
                               lc.column));
      continue;
    }
    bool is_bad = false;
    Document doc;
    doc.id = string_member(entry, "id", where, lc.line, lc.column, on_diagnostic, &is_bad);
    std::string file = string_member(entry, "file", where, lc.line, lc.column, on_diagnostic, &is_bad);
    doc.outlet = string_member(entry, "outlet", where, lc.line, lc.column, on_diagnostic, &is_bad);
    doc.url = string_member(entry, "url", where, lc.line, lc.column, on_diagnostic, &is_bad);
    doc.title = string_member(entry, "title", where, lc.line, lc.column, on_diagnostic, &is_bad);
    if (is_bad) continue;
    if (file.empty()) {
      on_diagnostic(make_error(where, "bad-manifest", label + " has no \"file\"", lc.line,
                               lc.column));
      continue;
    }
    read_published(entry, doc, where, lc.line, lc.column, on_diagnostic);
    fs::path path = base / file;
    std::error_code ec;  // the throwing fs::exists aborted on a name too long (found by fuzzing)
    if (!fs::exists(fs::status(path, ec))) {
      on_diagnostic(make_error(where, "missing-file",
                               label + " names \"" + file + "\", which does not exist" + reason(ec),
                               lc.line, lc.column));
      continue;
    }
    load_text_file(path, std::move(doc), options, on_document, on_diagnostic);
  }
}

void load_directory(const fs::path& dir, const LoadOptions& options,
                    const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
  fs::path manifest = dir / "manifest.json";
  std::error_code ec;
  if (fs::exists(fs::status(manifest, ec))) {
    load_manifest(manifest, options, on_document, on_diagnostic);
    return;
  }
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::error_code type_ec;
    if (entry.path().extension() == ".txt" && !entry.is_directory(type_ec)) files.push_back(entry.path());
  }
  if (ec) {
    on_diagnostic(make_error(dir.generic_string(), "unreadable-dir", ec.message()));
    return;
  }
  std::sort(files.begin(), files.end());  // directory order differs between machines
  if (files.empty()) {
    on_diagnostic(make_error(dir.generic_string(), "no-input",
                             "the directory has no manifest.json and no .txt files"));
  }
  for (const fs::path& file : files) load_text_file(file, Document{}, options, on_document, on_diagnostic);
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

// Taken from the stream's buffer a run at a time (memchr finds the line
// break) rather than a call per byte.
LineReader::LineReader(std::istream& in, std::size_t max_bytes)
    : in_(in), max_bytes_(max_bytes), run_(new char[kRunBytes]) {}

bool LineReader::next(std::string& line, std::size_t& full_length) {
  line.clear();
  full_length = 0;
  bool any = false;
  for (;;) {
    if (begin_ == end_ && !refill()) {
      in_.setstate(std::ios::eofbit);
      return any;
    }
    any = true;
    const char* start = run_.get() + begin_;
    const auto* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    const std::size_t length = newline ? static_cast<std::size_t>(newline - start) : end_ - begin_;
    full_length += length;
    if (line.size() < max_bytes_) line.append(start, std::min(length, max_bytes_ - line.size()));
    begin_ += length;
    if (newline) {
      ++begin_;
      return true;
    }
  }
}

bool LineReader::refill() {
  std::streambuf* buf = in_.rdbuf();
  if (buf->sgetc() == std::char_traits<char>::eof()) return false;  // waits for input, or the end
  const std::streamsize held = buf->in_avail();
  const std::size_t wanted = held > 0 ? std::min(static_cast<std::size_t>(held), kRunBytes) : 1;
  begin_ = 0;
  end_ = static_cast<std::size_t>(buf->sgetn(run_.get(), static_cast<std::streamsize>(wanted)));
  return end_ > 0;
}

bool LoadResult::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

namespace {

// load_jsonl, with `first_line` the number of the stream's first line.
void load_jsonl_lines(std::istream& in, const std::string& source, std::size_t first_line,
                      const LoadOptions& options, const DocumentSink& on_document,
                      const DiagnosticSink& on_diagnostic) {
  std::string line;
  std::string parsed;  // a copy of `line` that RapidJSON decodes in place; `line` stays for messages
  detail::FlatRecord record;
  std::size_t line_number = first_line - 1;
  std::size_t full_length = 0;
  // A JSON line carries the text plus metadata and escapes; allow for both.
  const std::size_t max_line_bytes = options.max_document_bytes * 2 + 65536;
  LineReader reader(in, max_line_bytes);
  while (reader.next(line, full_length)) {
    ++line_number;
    if (is_blank(line)) continue;
    if (full_length > line.size()) {
      on_diagnostic(make_error(source, "document-too-large",
                               "JSON line of " + std::to_string(full_length) +
                                   " bytes is over the limit (--max-document-bytes)",
                               line_number, 1));
      continue;
    }
    // Most lines are an object of strings, read by read_flat_record; the
    // rest, and every error, by RapidJSON.
    Document doc;
    doc.source = source + ":" + std::to_string(line_number);
    bool is_published_bad = false;  // not a string: reported where read_published would
    if (!detail::read_flat_record(line, record)) {
      // In place: strings are decoded over `parsed`, not copied into the
      // DOM's pool and then out again (half the load stage's instructions),
      // and the few values of a record fit in a pool on the stack.
      parsed.assign(line);
      char value_pool[4096];
      rapidjson::MemoryPoolAllocator<> values(value_pool, sizeof value_pool);
      rapidjson::Document dom(&values);
      dom.ParseInsitu<rapidjson::kParseStopWhenDoneFlag | rapidjson::kParseIterativeFlag>(parsed.data());
      if (dom.HasParseError()) {
        on_diagnostic(json_syntax_error(source, line, dom.GetParseError(), dom.GetErrorOffset(),
                                        line_number - 1));
        continue;
      }
      if (!dom.IsObject()) {
        on_diagnostic(make_error(source, "bad-record", "a JSON line must be an object", line_number, 1));
        continue;
      }
      bool is_bad = false;
      record.id = string_member(dom, "id", source, line_number, 1, on_diagnostic, &is_bad);
      record.outlet = string_member(dom, "outlet", source, line_number, 1, on_diagnostic, &is_bad);
      record.url = string_member(dom, "url", source, line_number, 1, on_diagnostic, &is_bad);
      record.title = string_member(dom, "title", source, line_number, 1, on_diagnostic, &is_bad);
      record.text = string_member(dom, "text", source, line_number, 1, on_diagnostic, &is_bad);
      if (is_bad) continue;
      record.published = string_member(dom, "published", source, line_number, 1, [](Diagnostic&&) {},
                                       &is_published_bad);
    }
    doc.id = std::move(record.id);
    doc.outlet = std::move(record.outlet);
    doc.url = std::move(record.url);
    doc.title = std::move(record.title);
    doc.text = std::move(record.text);
    if (doc.id.empty()) {
      on_diagnostic(make_error(source, "bad-record", "the record has no \"id\"", line_number, 1));
      continue;
    }
    if (doc.text.size() > options.max_document_bytes) {
      on_diagnostic(make_error(source, "document-too-large", limit_hint(doc.text.size(), options.max_document_bytes),
                               line_number, 1));
      continue;
    }
    if (auto problem = check_text_bytes(doc.text, source)) {
      problem->line = line_number;
      problem->column = 1;
      problem->message = "document \"" + doc.id + "\": " + problem->message;
      on_diagnostic(std::move(*problem));
      continue;
    }
    if (doc.outlet.empty()) doc.outlet = options.outlet;
    if (is_published_bad) {
      on_diagnostic(bad_field_error(source, "published", line_number, 1));
    }
    read_published(record.published, doc, source, line_number, 1, on_diagnostic);
    infer_publication(doc);
    on_document(std::move(doc));
  }
}

}  // namespace

void load_jsonl(std::istream& in, const std::string& source, const LoadOptions& options,
                const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
  load_jsonl_lines(in, source, 1, options, on_document, on_diagnostic);
}

void load_documents(const std::vector<std::string>& inputs, const LoadOptions& options,
                    const DocumentSink& on_document, const DiagnosticSink& on_diagnostic) {
  for (const std::string& input : inputs) {
    if (input == "-") {
      load_jsonl_lines(std::cin, options.stdin_name, options.stdin_first_line, options, on_document,
                       on_diagnostic);
      continue;
    }
    fs::path path(input);
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      on_diagnostic(make_error(input, "missing-file", "no such file or directory" + reason(ec)));
    } else if (fs::is_directory(status)) {
      load_directory(path, options, on_document, on_diagnostic);
    } else if (path.extension() == ".jsonl" || path.extension() == ".ndjson") {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        on_diagnostic(make_error(input, "unreadable-file", "cannot open the file for reading"));
        continue;
      }
      load_jsonl(in, path.generic_string(), options, on_document, on_diagnostic);
    } else if (path.extension() == ".json") {
      load_manifest(path, options, on_document, on_diagnostic);
    } else {
      load_text_file(path, Document{}, options, on_document, on_diagnostic);
    }
  }
}

LoadResult load_documents(const std::vector<std::string>& inputs, const LoadOptions& options) {
  LoadResult result;
  load_documents(
      inputs, options, [&](Document&& doc) { result.documents.push_back(std::move(doc)); },
      [&](Diagnostic&& d) { result.diagnostics.push_back(std::move(d)); });
  return result;
}

}  // namespace eventgraph
