// Writes output files whole or not at all: temporary file, fsync, rename.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

#include "output/output.h"

namespace eventgraph {

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  namespace fs = std::filesystem;
  // The temporary lives in the same directory so that rename() is atomic;
  // the pid keeps two concurrent runs from sharing it.
  fs::path temp = path;
  temp += ".tmp." + std::to_string(::getpid());
  auto fail = [&](const char* what) {
    int error = errno;
    ::unlink(temp.c_str());
    throw fs::filesystem_error(what, path, std::error_code(error, std::generic_category()));
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create output file");
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      ::close(fd);
      fail("cannot write output file");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) fail("cannot flush output file");
  if (::rename(temp.c_str(), path.c_str()) != 0) fail("cannot move output file into place");
}

}  // namespace eventgraph
