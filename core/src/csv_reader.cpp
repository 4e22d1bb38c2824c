// First cut of the streaming CSV reader: UTF-8 (BOM skipped), delimiter
// detected from the first line among , ; \t |, RFC 4180 quoting.
#include "bbb/csv_reader.h"

#include <string>
#include <utility>
#include <vector>

namespace bbb {

bool parse_encoding_name(std::string_view name, Encoding* out) {
  std::string n;
  for (char c : name) n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (n == "auto" || n.empty()) *out = Encoding::kAuto;
  else if (n == "utf-8" || n == "utf8") *out = Encoding::kUtf8;
  else if (n == "utf-16le") *out = Encoding::kUtf16Le;
  else if (n == "utf-16be") *out = Encoding::kUtf16Be;
  else if (n == "windows-1252" || n == "cp1252" || n == "latin-1" || n == "latin1" || n == "iso-8859-1")
    *out = Encoding::kWindows1252;
  else return false;
  return true;
}

const char* encoding_name(Encoding e) {
  switch (e) {
    case Encoding::kAuto: return "auto";
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf16Le: return "utf-16le";
    case Encoding::kUtf16Be: return "utf-16be";
    case Encoding::kWindows1252: return "windows-1252";
  }
  return "utf-8";
}

struct CsvReader::Impl {
  CsvOptions options;
  RecordSink on_record;
  IssueSink on_issue;
  CsvDialect dialect;
  std::uint64_t bytes = 0;

  bool started = false;
  std::string head;  // bytes held back until the delimiter is known

  // Parser state.
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  State state = State::kFieldStart;
  bool pending_cr = false;
  std::int64_t line = 1;
  std::int64_t record_line = 1;
  std::string record;                 // field bytes, back to back
  std::vector<std::size_t> ends;      // end offset of each finished field
  std::vector<std::string_view> views;

  void start(std::string_view sample) {
    std::size_t skip = 0;
    if (sample.size() >= 3 && sample.substr(0, 3) == "\xEF\xBB\xBF") { dialect.had_bom = true; skip = 3; }
    dialect.encoding = Encoding::kUtf8;
    if (options.delimiter) {
      dialect.delimiter = options.delimiter;
    } else {
      int best = 0;
      dialect.delimiter = ',';
      for (char d : {',', ';', '\t', '|'}) {
        int count = 0;
        bool quoted = false;
        for (std::size_t i = skip; i < sample.size() && (quoted || (sample[i] != '\n' && sample[i] != '\r')); ++i) {
          if (sample[i] == '"') quoted = !quoted;
          else if (!quoted && sample[i] == d) ++count;
        }
        if (count > best) { best = count; dialect.delimiter = d; }
      }
      dialect.delimiter_detected = true;
    }
    started = true;
    parse(sample.data() + skip, sample.size() - skip);
  }

  void end_field() { ends.push_back(record.size()); }

  void end_record() {
    end_field();
    bool blank = ends.size() == 1 && ends[0] == 0;
    if (!blank) {
      views.clear();
      std::size_t begin = 0;
      for (std::size_t e : ends) { views.emplace_back(record.data() + begin, e - begin); begin = e; }
      CsvRecord r;
      r.line = record_line;
      r.fields = views.data();
      r.field_count = views.size();
      on_record(r);
    }
    record.clear();
    ends.clear();
    state = State::kFieldStart;
  }

  void newline() {
    ++line;
  }

  void parse(const char* p, std::size_t n) {
    const char d = dialect.delimiter;
    for (std::size_t i = 0; i < n; ++i) {
      char c = p[i];
      if (pending_cr) {
        pending_cr = false;
        if (c == '\n') continue;  // the LF of a CRLF pair
      }
      switch (state) {
        case State::kQuoted:
          if (c == '"') state = State::kQuoteInQuoted;
          else {
            record += c;
            if (c == '\n') newline();
            else if (c == '\r') { newline(); if (i + 1 < n && p[i + 1] == '\n') { record += '\n'; ++i; } }
          }
          break;
        case State::kQuoteInQuoted:
          if (c == '"') { record += '"'; state = State::kQuoted; break; }
          state = State::kUnquoted;
          [[fallthrough]];
        case State::kFieldStart:
        case State::kUnquoted:
          if (c == d) { end_field(); state = State::kFieldStart; }
          else if (c == '\n' || c == '\r') {
            end_record();
            newline();
            record_line = line;
            if (c == '\r') pending_cr = true;
          } else if (c == '"' && state == State::kFieldStart) state = State::kQuoted;
          else { record += c; state = State::kUnquoted; }
          break;
      }
    }
  }
};

CsvReader::CsvReader(CsvOptions options, RecordSink on_record, IssueSink on_issue)
    : impl_(new Impl{options, std::move(on_record), std::move(on_issue)}) {}

CsvReader::~CsvReader() { delete impl_; }

void CsvReader::feed(const char* data, std::size_t size) {
  impl_->bytes += size;
  if (impl_->started) { impl_->parse(data, size); return; }
  impl_->head.append(data, size);
  if (impl_->head.size() >= 65536) {
    std::string sample = std::move(impl_->head);
    impl_->start(sample);
  }
}

void CsvReader::finish() {
  if (!impl_->started) {
    std::string sample = std::move(impl_->head);
    impl_->start(sample);
  }
  if (impl_->state == Impl::State::kQuoted) {
    impl_->on_issue({impl_->record_line, static_cast<int>(impl_->ends.size() + 1), "error", "unterminated_quote",
                     "a quoted field is never closed: the file ends inside it"});
  }
  if (impl_->state != Impl::State::kFieldStart || !impl_->ends.empty() || !impl_->record.empty()) impl_->end_record();
}

const CsvDialect& CsvReader::dialect() const { return impl_->dialect; }
std::uint64_t CsvReader::bytes_fed() const { return impl_->bytes; }

}  // namespace bbb
