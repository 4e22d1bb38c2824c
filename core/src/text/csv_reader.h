// Streaming RFC 4180 reader: bytes in (any chunk size), UTF-8 records out.
//
// The reader owns everything about the *text* of a file: its encoding (BOM,
// UTF-16, Windows-1252), Excel's `sep=` line, the delimiter, quoting and line
// ends. It knows nothing about contracts. Chunks may split a record, a quote,
// a CRLF pair or a multi-byte character anywhere: the records that come out
// are the same for every way of cutting the same bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace bbb {

enum class Encoding { kAuto, kUtf8, kUtf16Le, kUtf16Be, kWindows1252 };

// "auto", "utf-8", "utf-16le", "utf-16be", "windows-1252" (also "latin-1",
// "iso-8859-1", "cp1252"). Returns false for an unknown name.
bool parse_encoding_name(std::string_view name, Encoding* out);
const char* encoding_name(Encoding e);

struct CsvOptions {
  Encoding encoding = Encoding::kAuto;
  char delimiter = 0;  // 0 = detect among , ; \t | (a quote, CR or LF is ignored: detect)
  // Longest record kept in memory. Longer ones (in practice a quote that is
  // never closed) are cut there and get a "record_too_long" error, so memory
  // stays bounded whatever the file.
  std::size_t max_record_bytes = std::size_t{16} << 20;
  // Bytes held back at the start to decide encoding and delimiter (at least
  // 4). Lowered by tests and the fuzzer to reach the streaming paths with
  // small inputs; the default suits real files.
  std::size_t sample_bytes = 64 * 1024;
};

// What the reader decided about the file, known once the first record is out.
struct CsvDialect {
  Encoding encoding = Encoding::kUtf8;
  bool had_bom = false;
  bool had_sep_line = false;  // Excel's "sep=;" first line was consumed
  char delimiter = ',';
  bool encoding_detected = false;   // true when chosen by the reader, not the options
  bool delimiter_detected = false;
};

// One record. Field views stay valid only during the callback.
struct CsvRecord {
  std::int64_t line = 0;  // physical 1-based line on which the record starts
  const std::string_view* fields = nullptr;
  std::size_t field_count = 0;
  std::string_view field(std::size_t i) const { return i < field_count ? fields[i] : std::string_view(); }
};

// A problem in the text itself. column is 1-based; 0 means the whole record
// or the file. Severity "error" means the record must be rejected (or, with
// line 0, that the file could not be read at all); "warning" keeps it.
// Codes (rules at the top of csv_reader.cpp):
//   line 0, whole file: "not_text" (error, no records follow),
//     "assumed_windows_1252" (warning), "bad_delimiter_option" (warning);
//   a record (line = where it starts, column = field number or 0):
//     "invalid_utf8", "invalid_utf16", "unterminated_quote",
//     "record_too_long" (errors); "quote_in_unquoted_field",
//     "text_after_closing_quote" (warnings).
struct CsvIssue {
  std::int64_t line = 0;
  int column = 0;
  std::string severity;  // "error" | "warning"
  std::string code;      // stable id: "unterminated_quote", "invalid_utf8", ...
  std::string message;   // for people
};

class CsvReader {
 public:
  // on_record is called for each non-blank record; on_issue for each problem,
  // before the record it concerns. A record that has an error issue is still
  // delivered (so that the caller can show it and count it as rejected).
  using RecordSink = std::function<void(const CsvRecord&)>;
  using IssueSink = std::function<void(const CsvIssue&)>;

  CsvReader(CsvOptions options, RecordSink on_record, IssueSink on_issue);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  void feed(const char* data, std::size_t size);
  void finish();  // end of input: flushes the last record

  const CsvDialect& dialect() const;
  std::uint64_t bytes_fed() const;
  // True once the first block showed the file is not text: nothing more it
  // holds is read, so a caller may stop feeding it (/dev/zero ends).
  bool refused() const;
  // Blank lines passed over (not records), and the first of them (0: none).
  std::int64_t blank_lines() const;
  std::int64_t first_blank_line() const;

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace bbb
