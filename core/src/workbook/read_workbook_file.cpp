#include "workbook/read_workbook_file.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace bbb {

namespace {

// The most read from the file, or inflated, at once.
constexpr std::size_t kPieceBytes = 64 * 1024;

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

struct Inflater {
  z_stream stream{};
  bool open = false;
  ~Inflater() {
    if (open) inflateEnd(&stream);
  }
};

bool seek(std::FILE* f, std::uint64_t offset) {
  return fseeko(f, static_cast<off_t>(offset), SEEK_SET) == 0;
}

// Reads up to `size` bytes; false when the file ends first.
bool read_exactly(std::FILE* f, char* into, std::size_t size) { return std::fread(into, 1, size, f) == size; }

bool serve_raw(std::FILE* f, const ByteRequest& r, WorkbookReader& reader, std::vector<char>& piece) {
  for (std::uint64_t left = r.length; left > 0 && !reader.failed();) {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, piece.size()));
    if (!read_exactly(f, piece.data(), n)) return false;
    reader.feed(piece.data(), n);
    left -= n;
  }
  return true;
}

// Inflates the request's raw deflate stream, feeding its output as it comes.
bool serve_inflated(std::FILE* f, const ByteRequest& r, WorkbookReader& reader, std::vector<char>& in,
                    std::vector<char>& out, std::string* error) {
  Inflater inflater;
  if (inflateInit2(&inflater.stream, -15) != Z_OK) {
    *error = "the workbook could not be read: zlib would not start";
    return false;
  }
  inflater.open = true;
  z_stream& z = inflater.stream;
  std::uint64_t left = r.length;
  int status = Z_OK;
  while (status != Z_STREAM_END && !reader.failed()) {
    if (z.avail_in == 0) {
      if (left == 0) break;
      const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(left, in.size()));
      if (!read_exactly(f, in.data(), n)) {
        *error = "the workbook could not be read: the file ended early (did it change while read?)";
        return false;
      }
      left -= n;
      z.next_in = reinterpret_cast<Bytef*>(in.data());
      z.avail_in = static_cast<uInt>(n);
    }
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    status = inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) break;
    const std::size_t made = out.size() - z.avail_out;
    if (made > 0) reader.feed(out.data(), made);
    if (status == Z_BUF_ERROR && z.avail_in == 0 && left == 0) break;
  }
  if (status != Z_STREAM_END && !reader.failed()) {
    *error = "the workbook is damaged: its part '" + reader.current_part() + "' does not inflate";
    return false;
  }
  return true;
}

}  // namespace

bool read_workbook_file(const std::string& path, WorkbookReader& reader, std::string* error) {
  File file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    *error = "the file " + path + " could not be opened";
    return false;
  }
  std::vector<char> in(kPieceBytes), out(kPieceBytes);
  for (ByteRequest r = reader.next(); r.kind != ByteRequest::Kind::kDone; r = reader.next()) {
    if (!seek(file.get(), r.offset)) {
      *error = "the workbook could not be read: the file ended early (did it change while read?)";
      return false;
    }
    if (r.kind == ByteRequest::Kind::kRaw) {
      if (!serve_raw(file.get(), r, reader, in)) {
        *error = "the workbook could not be read: the file ended early (did it change while read?)";
        return false;
      }
    } else if (!serve_inflated(file.get(), r, reader, in, out, error)) {
      return false;
    }
    if (reader.failed()) break;
    reader.end_request();
  }
  if (reader.failed()) {
    *error = reader.error();
    return false;
  }
  return true;
}

}  // namespace bbb
