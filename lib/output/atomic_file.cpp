// Writes output files whole or not at all: temporary file, fsync, rename.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <utility>
#include <system_error>

#include "output/detail/sink_buffer.h"
#include "output/output.h"

namespace eventgraph {
namespace {

// Bytes gathered before a write(2): few system calls, little memory. A
// PieceWriter's pieces are this large, and go to the kernel uncopied.
constexpr std::size_t kBufferBytes = detail::kWriterPieceBytes;

}  // namespace

AtomicFile::AtomicFile(const std::filesystem::path& path) : path_(path), temp_(path) {
  // The temporary lives in the same directory so that rename() is atomic;
  // the pid keeps two concurrent runs from sharing it.
  temp_ += ".tmp." + std::to_string(::getpid());
  fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) fail("cannot create output file");
  buffer_.reserve(kBufferBytes);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
}

void AtomicFile::fail(const char* what) {
  int error = errno;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(temp_.c_str());
  throw std::filesystem::filesystem_error(what, path_, std::error_code(error, std::generic_category()));
}

void AtomicFile::write_through(std::string_view bytes) {
  const char* data = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write output file");
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (fd_ < 0) throw std::logic_error("AtomicFile::write after commit or failure");
  // A piece of half the buffer or more (a PieceWriter's, one short of
  // full) is written as it is, after what is buffered: copying it would
  // save no system call.
  bool is_large = bytes.size() >= kBufferBytes / 2;
  if (is_large || buffer_.size() + bytes.size() > kBufferBytes) {
    write_through(buffer_);
    buffer_.clear();
  }
  if (is_large) {
    write_through(bytes);
  } else {
    buffer_.append(bytes);
  }
}

void AtomicFile::commit() {
  if (fd_ < 0) throw std::logic_error("AtomicFile::commit after commit or failure");
  write_through(buffer_);
  std::string().swap(buffer_);
  if (::fsync(fd_) != 0) fail("cannot flush output file");
  if (::close(std::exchange(fd_, -1)) != 0) fail("cannot flush output file");
  if (::rename(temp_.c_str(), path_.c_str()) != 0) fail("cannot move output file into place");
}

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  AtomicFile file(path);
  file.write(content);
  file.commit();
}

}  // namespace eventgraph
