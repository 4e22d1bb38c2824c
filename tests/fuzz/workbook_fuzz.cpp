// workbook_fuzz: the .xlsx reader (core/src/workbook/). The first byte picks
// what the rest is: the whole file (a zip of any shape, its deflated parts
// inflated with zlib as the CLI does), or a sheet's XML and its shared
// strings (split at the first NUL), packed here into a stored workbook so
// that the fuzzer reaches the XML at once. The oracle: no crash, bounded
// memory (ASan, -rss_limit_mb), and the same CSV text (or a failure in
// both) whether the requested bytes come whole or in pieces of 1 to 128 bytes.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "workbook/workbook_reader.h"

namespace {

void put(std::string* out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}

// A zip of stored entries.
std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string out, directory;
  for (const auto& [name, data] : parts) {
    const std::uint32_t crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
    const std::size_t offset = out.size();
    put(&out, 0x04034b50, 4); put(&out, 20, 2); put(&out, 0, 2); put(&out, 0, 2); put(&out, 0, 4);
    put(&out, crc, 4); put(&out, data.size(), 4); put(&out, data.size(), 4);
    put(&out, name.size(), 2); put(&out, 0, 2);
    out += name; out += data;
    put(&directory, 0x02014b50, 4); put(&directory, 20, 2); put(&directory, 20, 2); put(&directory, 0, 2);
    put(&directory, 0, 2); put(&directory, 0, 4); put(&directory, crc, 4); put(&directory, data.size(), 4);
    put(&directory, data.size(), 4); put(&directory, name.size(), 2); put(&directory, 0, 2); put(&directory, 0, 2);
    put(&directory, 0, 2); put(&directory, 0, 2); put(&directory, 0, 4); put(&directory, offset, 4);
    directory += name;
  }
  const std::size_t at = out.size();
  out += directory;
  put(&out, 0x06054b50, 4); put(&out, 0, 2); put(&out, 0, 2); put(&out, parts.size(), 2); put(&out, parts.size(), 2);
  put(&out, directory.size(), 4); put(&out, at, 4); put(&out, 0, 2);
  return out;
}

std::string workbook_around(std::string_view sheet, std::string_view strings) {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return stored_zip({
      {"xl/workbook.xml", "<workbook xmlns:r=\"" + rel + "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/>"
                          "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
       "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
       "<Relationship Id=\"rId3\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", std::string(sheet)},
      {"xl/sharedStrings.xml", std::string(strings)},
      {"xl/styles.xml", "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/></numFmts>"
                        "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>"},
  });
}

struct Outcome {
  std::string csv;
  bool failed = false;
  std::string error;
};

// Serves the reader from `file`, each request's bytes in pieces of `piece` (0: whole).
Outcome run(const std::string& file, std::size_t piece) {
  Outcome o;
  bbb::WorkbookLimits limits;
  limits.max_token_bytes = 1 << 16;
  limits.max_shared_string_bytes = 1 << 20;
  limits.max_directory_bytes = 1 << 20;
  bbb::WorkbookReader reader(file.size(), "", [&](std::string_view text) { o.csv.append(text); }, limits);
  const auto feed = [&](const char* data, std::size_t size) {
    const std::size_t step = piece == 0 ? size : piece;
    for (std::size_t at = 0; at < size; at += step) reader.feed(data + at, std::min(step, size - at));
  };
  for (int guard = 0; guard < 64; ++guard) {
    const bbb::ByteRequest r = reader.next();
    if (r.kind == bbb::ByteRequest::Kind::kDone) break;
    if (r.offset > file.size() || r.length > file.size() - r.offset) { o.failed = true; o.error = "out of the file"; return o; }
    const std::string_view bytes(file.data() + r.offset, r.length);
    if (r.kind == bbb::ByteRequest::Kind::kRaw) {
      feed(bytes.data(), bytes.size());
    } else {
      z_stream z{};
      if (inflateInit2(&z, -15) != Z_OK) std::abort();
      z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
      z.avail_in = static_cast<uInt>(bytes.size());
      char out[4096];
      std::size_t total = 0;
      int status = Z_OK;
      while (status == Z_OK && total < (std::size_t{4} << 20)) {
        z.next_out = reinterpret_cast<Bytef*>(out);
        z.avail_out = sizeof out;
        status = inflate(&z, Z_NO_FLUSH);
        const std::size_t n = sizeof out - z.avail_out;
        total += n;
        feed(out, n);
        if (n == 0 && status == Z_OK) break;
      }
      inflateEnd(&z);
      if (status != Z_STREAM_END) { o.failed = true; o.error = "does not inflate"; return o; }
    }
    reader.end_request();
  }
  o.failed = reader.failed();
  o.error = reader.error();
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string file;
  if (data[0] & 1) {
    file = std::string(rest);
  } else {
    const std::size_t nul = rest.find('\0');
    file = workbook_around(rest.substr(0, nul), nul == std::string_view::npos ? "<sst/>" : rest.substr(nul + 1));
  }
  const Outcome whole = run(file, 0);
  const Outcome pieces = run(file, 1 + (data[0] >> 1));
  // A part damaged in two ways may be caught by either first, depending on the pieces: both must fail.
  if (whole.failed != pieces.failed) {
    if (std::getenv("WORKBOOK_FUZZ_SHOW")) std::fprintf(stderr, "whole: %s\npieces: %s\n", whole.error.c_str(), pieces.error.c_str());
    std::abort();
  }
  if (!whole.failed && whole.csv != pieces.csv) {
    if (std::getenv("WORKBOOK_FUZZ_SHOW")) std::fprintf(stderr, "whole:\n%s\npieces:\n%s\n", whole.csv.c_str(), pieces.csv.c_str());
    std::abort();
  }
  return 0;
}
