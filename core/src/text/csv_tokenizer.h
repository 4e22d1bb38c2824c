// The RFC 4180 state machine behind CsvReader: UTF-8 text in (any chunk
// size), records and issues out. It knows the delimiter already; choosing it,
// and the encoding, is CsvReader's job (see csv_sniffer.h). The quoting and
// blank-line rules are documented at the top of csv_reader.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "text/csv_reader.h"

namespace bbb {

// The in-place scan's mask (one bit per byte of p[0..16) that is the
// delimiter, a quote, LF or CR) without SIMD: what builds with neither wasm
// SIMD nor SSE2 use, exposed so the tests can check it on any machine.
std::uint32_t special_bytes_16_portable(const char* p, char delimiter);

class CsvTokenizer {
 public:
  struct Config {
    char delimiter = ',';
    // Encoding the text was decoded from: it only decides whether records
    // are checked for invalid UTF-8 and how the issue is worded.
    Encoding source_encoding = Encoding::kUtf8;
    std::size_t max_record_bytes = std::size_t{16} << 20;
    std::int64_t first_line = 1;  // 2 after a consumed "sep=" line
  };

  // The sinks must outlive the tokenizer.
  CsvTokenizer(const Config& config, const CsvReader::RecordSink& on_record,
               const CsvReader::IssueSink& on_issue);

  void parse(const char* data, std::size_t size);
  void parse(std::string_view text) { parse(text.data(), text.size()); }
  void finish();  // end of input: delivers the last record, if any
  // The blank lines passed over (an empty line, or one holding only ""): how many, and the first.
  std::int64_t blank_lines() const { return blank_lines_; }
  std::int64_t first_blank_line() const { return first_blank_line_; }

 private:
  enum class State : unsigned char {
    kFieldStart,     // nothing of the current field read yet
    kUnquoted,       // inside a field that did not start with a quote
    kQuoted,         // inside a quoted field
    kQuoteInQuoted,  // read a quote inside a quoted field: "" or the closing one
    kAfterQuote,     // after the closing quote: only spaces/tabs before the end
  };

  void append(const char* data, std::size_t size) {
    if (record_size_ + size > record_.size()) size = make_room(size);
    std::memcpy(&record_[0] + record_size_, data, size);
    record_size_ += size;
  }
  // Grows record_ for `size` more bytes, up to the limit; returns how many fit.
  std::size_t make_room(std::size_t size);
  void end_field();
  void end_line(bool was_cr);
  void end_record();
  void deliver_record();
  void deliver_views();  // views_[0, view_count_) as the record
  void add_view(const char* data, std::size_t size) {
    if (view_count_ == views_.size()) views_.resize(std::max<std::size_t>(16, views_.size() * 2));
    views_[view_count_++] = std::string_view(data, size);
  }
  // Copies the record read in place so far (and the current field up to
  // `upto`) into record_, and leaves in-place reading.
  void copy_direct_record(const char* upto);
  // Reads in place from p while 16 bytes are left, delivering every record
  // that ends in them; returns where the state machine goes on (a quote or
  // CR, or the last few bytes).
  const char* scan_in_place(const char* p, const char* end);
  std::uint32_t special_bytes_16(const char* p) const;
  static std::uint32_t high_bytes_16(const char* p);
  // The same for 64 bytes, bit i for p[i]: four blocks of 16 in one mask.
  std::uint64_t special_bytes_64(const char* p) const;
  static std::uint64_t high_bytes_64(const char* p);
  void check_text();
  void issue(int column, const char* severity, const char* code, std::string message);
  void warn_once_per_field(const char* code, const char* message);

  Config config_;
  const CsvReader::RecordSink& on_record_;
  const CsvReader::IssueSink& on_issue_;
  bool unquoted_special_[256] = {};  // bytes that end a run in an unquoted field
  bool quoted_special_[256] = {};    // bytes that end a run in a quoted field
  std::uint64_t delimiter_pattern_ = 0;  // the delimiter in each of 8 bytes

  State state_ = State::kFieldStart;
  bool pending_cr_ = false;     // last byte was a CR: a following LF belongs to it
  bool field_warned_ = false;   // one quoting warning per field is enough
  bool record_too_long_ = false;
  bool record_has_issue_ = false;
  std::size_t after_quote_mark_ = 0;  // record_ size at a closing quote
  std::int64_t line_ = 1;             // physical line being read
  std::int64_t record_line_ = 1;      // physical line where the record started
  std::int64_t blank_lines_ = 0;
  std::int64_t first_blank_line_ = 0;
  void count_blank() {
    if (blank_lines_++ == 0) first_blank_line_ = record_line_;
  }

  // The record being read: field bytes back to back (the first record_size_
  // bytes of record_, whose size is its capacity), and where each field ends.
  // Reused from record to record, so steady state allocates nothing.
  std::string record_;
  std::size_t record_size_ = 0;
  std::vector<std::size_t> field_ends_;
  std::vector<std::string_view> views_;  // the record's fields: the first view_count_
  std::size_t view_count_ = 0;
  // Reading in place: a record that starts in the current chunk and has no
  // quotes is not copied; its fields are views of the input (views_ holds
  // the finished ones). direct_field_ is the current field's first byte,
  // or null when the record is being copied into record_.
  const char* direct_field_ = nullptr;
  const char* direct_record_ = nullptr;  // the record's first byte
  const char* direct_end_ = nullptr;     // just past its last field, once the line ends
  // What scan_in_place has seen of the current chunk: every byte of its
  // 16-byte blocks up to scanned_to_, and none above 0x7F from ascii_from_ on.
  const char* ascii_from_ = nullptr;
  const char* scanned_to_ = nullptr;
  std::string scratch_;
};

}  // namespace bbb
