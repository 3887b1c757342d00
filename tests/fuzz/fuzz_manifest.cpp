// Fuzzes the manifest loader: the input is a manifest.json in a directory
// that holds a good article, an empty one and a UTF-16 one, loaded the way
// `eventgraph build DIR/manifest.json` loads it.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

#include "fuzz_support.h"
#include "load/load.h"

namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A private directory with the articles manifests may name; removed at exit.
const fs::path& directory() {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "eventgraph-fuzz-manifest-XXXXXX").string();
    if (!mkdtemp(pattern.data())) fuzz::fail("cannot create a temporary directory");
    fs::path d(pattern);
    write(d / "a.txt", "Susan Jones | September 30, 2015 | 8:23am EDT\nObama met Putin on Monday.\n");
    write(d / "b.txt", "Moscow, 29 Sep, 2015 23:35\r\nCarter said on Tuesday.");
    write(d / "empty.txt", " \n");
    write(d / "utf16.txt", std::string_view("\xFF\xFEh\0i\0", 6));
    fs::create_directory(d / "sub");
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(directory(), ec);
    });
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path manifest = directory() / "manifest.json";
  std::string_view json(reinterpret_cast<const char*>(data), size);
  write(manifest, json);
  eventgraph::LoadOptions options;
  options.max_document_bytes = 1 << 16;  // keeps "file": "/dev/zero" quick
  std::size_t lines = 1;
  for (char c : json) lines += c == '\n';
  eventgraph::load_documents(
      {manifest.string()}, options,
      [&](eventgraph::Document&& doc) {
        FUZZ_CHECK(!doc.id.empty(), "a document without id");
        FUZZ_CHECK(!doc.source.empty(), "a document without source");
        FUZZ_CHECK(doc.text.size() <= options.max_document_bytes, "a document over the limit");
        FUZZ_CHECK(doc.text.find('\0') == std::string::npos, "a document with a NUL byte");
        FUZZ_CHECK(doc.text.find_first_not_of(" \t\r\n") != std::string::npos, "a blank document");
      },
      [&](eventgraph::Diagnostic&& d) {
        FUZZ_CHECK(!d.file.empty() && !d.code.empty() && !d.message.empty(), "an empty diagnostic");
        if (d.file == manifest.generic_string()) {
          FUZZ_CHECK(d.line <= lines, "a diagnostic past the last line: " + d.to_string());
        }
      });
  return 0;
}
