// An .xlsx workbook's chosen sheet as CSV text, read as a stream: a pull
// state machine that asks its caller for byte ranges of the file (the zip's
// directory from its end, then each part it needs) and is fed them, so that
// the engine itself never inflates: natively zlib does (read_workbook_file),
// in the page the browser's DecompressionStream("deflate-raw"). Only the
// shared strings are held whole; the sheet is turned into CSV as it comes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bbb {

// What to read now.
struct ByteRequest {
  enum class Kind { kDone, kRaw, kInflated } kind = Kind::kDone;
  std::uint64_t offset = 0;           // in the file
  std::uint64_t length = 0;           // bytes of the file to read (compressed bytes when kInflated)
  std::uint64_t inflated_length = 0;  // kInflated: the entry's uncompressed size (for a check / progress)
};

// Bounds that keep memory in hand whatever the workbook (a sentence when passed, never an abort).
struct WorkbookLimits {
  std::size_t max_token_bytes = std::size_t{16} << 20;            // one XML tag, text or cell
  std::size_t max_shared_string_bytes = std::size_t{256} << 20;   // all shared strings, at most 4 GB
  std::size_t max_directory_bytes = std::size_t{64} << 20;        // the zip's directory
};

class WorkbookReader {
 public:
  // file_size: the whole file's bytes. sheet: the sheet's name as the user
  // picked it (exactly, else ignoring case); empty = the first sheet (the
  // first visible sheet of cells). rows: receives the chosen sheet as CSV
  // text, in pieces, as it is read (UTF-8, ',' delimiter, RFC 4180 quoting,
  // '\n' line ends); what it received is to be dropped if the read fails.
  WorkbookReader(std::uint64_t file_size, std::string sheet, std::function<void(std::string_view)> rows,
                 WorkbookLimits limits = {});
  ~WorkbookReader();
  WorkbookReader(const WorkbookReader&) = delete;
  WorkbookReader& operator=(const WorkbookReader&) = delete;

  ByteRequest next() const;  // what to read now (kDone when finished or failed)
  // Bytes of the current request, in order, in pieces of any size (inflated bytes for kInflated).
  void feed(const char* data, std::size_t size);
  void end_request();  // all of the current request's bytes were fed

  bool failed() const;
  const std::string& error() const;  // one plain sentence: "the workbook has no sheets"
  // The zip entry the current request reads ("xl/worksheets/sheet1.xml"), empty for the zip's directory.
  const std::string& current_part() const;
  const std::vector<std::string>& sheet_names() const;  // once workbook.xml is read
  const std::string& sheet() const;                     // the sheet being read

  // The error cells seen in the sheet (#N/A, read as empty values): how many,
  // and the first's row number, column letters and value, for one warning.
  std::int64_t error_cells() const;
  std::int64_t first_error_row() const;
  std::string first_error_column() const;
  std::string first_error_value() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bbb
