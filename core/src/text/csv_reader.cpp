// Streaming CSV reader: bytes in (any chunk size), UTF-8 records out.
//
// How a file is read (the rules the tests pin down):
//
// Sample. The first 64 KiB (CsvOptions::sample_bytes), or the whole file if
// shorter, are held back and decide, once: the encoding, whether the input is
// text at all, Excel's "sep=" line and the delimiter. Then the sample and
// everything after it stream through the tokenizer; memory grows only with
// the longest record (capped by CsvOptions::max_record_bytes).
//
// Encoding (details in csv_sniffer.h). A BOM wins: UTF-8 (skipped,
// dialect.had_bom), UTF-16LE or UTF-16BE (transcoded). Without one, NUL bytes
// in a UTF-16-like layout mean BOM-less UTF-16; otherwise a sample that is
// valid UTF-8 means UTF-8, and one that is not means Windows-1252, with ONE
// "warning" issue (line 0, code "assumed_windows_1252"). A forced encoding
// (CsvOptions::encoding) is used as is. When UTF-8 (or UTF-16) text turns
// out invalid later on, the record gets an "error" issue (code
// "invalid_utf8" or "invalid_utf16", column of the first bad field) and the
// bad bytes become U+FFFD, so nothing invalid reaches the caller. Shift-JIS
// and other unsupported encodings are not valid UTF-8: they are read as
// Windows-1252 with that warning (mojibake, but never a crash).
//
// Not text. After decoding, a sample with a NUL character, or in which more
// than 10% of the bytes are control characters (other than tab, LF, CR, FF,
// Ctrl-Z and the delimiter option), gives ONE "error" issue (line 0, code
// "not_text") and no records: a PNG or zip dropped by mistake. An empty file
// gives no records and no issue.
//
// sep= line. A first line "sep=X" (any case, X one byte other than a quote or
// line end) is consumed, sets the delimiter (unless CsvOptions::delimiter is
// set) and counts as physical line 1 (dialect.had_sep_line).
//
// Delimiter. CsvOptions::delimiter if set; otherwise detected among , ; \t |
// by the rule in csv_sniffer.h (the header's count, consistent over the
// first 20 records, highest wins; one column keeps ',').
//
// Records (RFC 4180, lenient):
// - Line ends are CRLF, LF or a lone CR, mixed freely; each is one physical
//   line. Inside quotes they are field content, kept byte for byte.
// - A record that is a single empty field is skipped (not delivered): an
//   empty line, or a line holding only "" (unless an issue concerns it, e.g.
//   a lone unterminated quote). A line of only delimiters or spaces is a
//   record. Skipped lines still count for line numbers.
// - No final newline is needed. CsvRecord::line is the physical line on which
//   the record starts (a quoted newline makes later numbers jump).
// - A field that starts with a quote is quoted: the delimiter and line ends
//   are content, "" is one quote. No trimming anywhere, except:
// - Spaces/tabs between a closing quote and the delimiter or line end are
//   padding and dropped silently ("a" ,b -> a|b), as most readers do.
// - A quote inside an unquoted field (5'11", a "b") is kept literally, with a
//   "warning" issue "quote_in_unquoted_field".
// - Other text after a closing quote ("abc"def, "abc" d) is appended as is
//   (abcdef, abc d), with a "warning" issue "text_after_closing_quote".
//   At most one quoting warning per field.
// - A quote never closed by the end of the file: an "error" issue
//   "unterminated_quote" (line of the record, column of the field), and the
//   record is still delivered with everything up to the end in that field.
// - A record longer than max_record_bytes is cut there and delivered with an
//   "error" issue "record_too_long".
// Issues are reported before the record they concern, with the line on which
// that record starts and a 1-based field number as column (0: whole record
// or file). Bad input never throws.
#include "text/csv_reader.h"

#include <algorithm>
#include <memory>
#include <string>
#include <utility>

#include "text/csv_sniffer.h"
#include "text/csv_tokenizer.h"
#include "text/text_decoder.h"

namespace bbb {

bool parse_encoding_name(std::string_view name, Encoding* out) {
  std::string n;
  for (char c : name) n += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (n == "auto" || n.empty()) *out = Encoding::kAuto;
  else if (n == "utf-8" || n == "utf8") *out = Encoding::kUtf8;
  else if (n == "utf-16le" || n == "utf16le") *out = Encoding::kUtf16Le;
  else if (n == "utf-16be" || n == "utf16be") *out = Encoding::kUtf16Be;
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

namespace {
constexpr std::size_t kDecodeSliceBytes = 64 * 1024;  // bounds the transcoding buffer

bool usable_delimiter(char d) { return d != 0 && d != '"' && d != '\n' && d != '\r'; }
}  // namespace

struct CsvReader::Impl {
  enum class Phase { kSampling, kStreaming, kNotText, kFinished };

  CsvOptions options;
  RecordSink on_record;
  IssueSink on_issue;
  CsvDialect dialect;
  std::uint64_t bytes = 0;
  Phase phase = Phase::kSampling;
  std::string sample;   // raw bytes held back until the decisions are taken
  TextDecoder decoder;
  std::string decoded;  // reused buffer for transcoded text
  std::unique_ptr<CsvTokenizer> tokenizer;

  Impl(CsvOptions o, RecordSink r, IssueSink i)
      : options(o), on_record(std::move(r)), on_issue(std::move(i)) {
    options.sample_bytes = std::max<std::size_t>(options.sample_bytes, 4);
    if (!on_record) on_record = [](const CsvRecord&) {};
    if (!on_issue) on_issue = [](const CsvIssue&) {};
  }

  void file_issue(const char* severity, const char* code, std::string message) {
    CsvIssue issue;
    issue.severity = severity;
    issue.code = code;
    issue.message = std::move(message);
    on_issue(issue);
  }

  // Takes the once-per-file decisions from the sample, then parses it.
  void start(bool is_whole_file) {
    const EncodingChoice choice = choose_encoding(sample, options.encoding, is_whole_file);
    dialect.encoding = choice.encoding;
    dialect.had_bom = choice.bom_size > 0;
    dialect.encoding_detected = options.encoding == Encoding::kAuto;
    decoder = TextDecoder(choice.encoding);

    std::string_view text(sample);
    text.remove_prefix(choice.bom_size);
    if (choice.encoding != Encoding::kUtf8) {
      decoded.clear();
      decoder.decode(text.data(), text.size(), decoded);
      text = decoded;
    }

    const char* binary = binary_kind(sample);
    if (binary != nullptr || looks_binary(text, options.delimiter)) {
      file_issue("error", "not_text",
                 binary != nullptr ? std::string("this file is ") + binary + ", not a CSV file"
                                   : "this file does not look like text (it holds NUL or control bytes): it is not a "
                                     "CSV file; it may be a spreadsheet, an archive or an image chosen by mistake");
      phase = Phase::kNotText;
      release_sample();
      return;
    }
    if (options.delimiter != 0 && !usable_delimiter(options.delimiter)) {
      file_issue("warning", "bad_delimiter_option",
                 "the delimiter setting cannot be a quote or a line end; the delimiter was detected instead");
      options.delimiter = 0;
    }
    if (choice.assumed_windows_1252) {
      file_issue("warning", "assumed_windows_1252",
                 "the file is not valid UTF-8, so it was read as Windows-1252 (Western European); "
                 "choose another encoding in the settings if accented letters look wrong");
    }

    char sep_delimiter = 0;
    const std::size_t sep_length = sep_line_length(text, &sep_delimiter);
    dialect.had_sep_line = sep_length > 0;
    text.remove_prefix(sep_length);
    if (options.delimiter != 0) {
      dialect.delimiter = options.delimiter;
      dialect.delimiter_detected = false;
    } else {
      dialect.delimiter = sep_length > 0 ? sep_delimiter : detect_delimiter(text, is_whole_file);
      dialect.delimiter_detected = true;
    }

    CsvTokenizer::Config config;
    config.delimiter = dialect.delimiter;
    config.source_encoding = dialect.encoding;
    config.max_record_bytes = std::max<std::size_t>(options.max_record_bytes, 1);
    config.first_line = sep_length > 0 ? 2 : 1;
    tokenizer = std::make_unique<CsvTokenizer>(config, on_record, on_issue);
    phase = Phase::kStreaming;
    tokenizer->parse(text);
    release_sample();
  }

  void release_sample() {
    std::string().swap(sample);
    std::string().swap(decoded);
  }

  void stream(const char* data, std::size_t size) {
    if (dialect.encoding == Encoding::kUtf8) {
      tokenizer->parse(data, size);
      return;
    }
    for (std::size_t offset = 0; offset < size; offset += kDecodeSliceBytes) {
      decoded.clear();
      decoder.decode(data + offset, std::min(kDecodeSliceBytes, size - offset), decoded);
      tokenizer->parse(decoded);
    }
  }
};

CsvReader::CsvReader(CsvOptions options, RecordSink on_record, IssueSink on_issue)
    : impl_(new Impl(options, std::move(on_record), std::move(on_issue))) {}

CsvReader::~CsvReader() { delete impl_; }

void CsvReader::feed(const char* data, std::size_t size) {
  Impl& m = *impl_;
  m.bytes += size;
  if (m.phase == Impl::Phase::kSampling) {
    const std::size_t take = std::min(size, m.options.sample_bytes - m.sample.size());
    m.sample.append(data, take);
    data += take;
    size -= take;
    if (m.sample.size() < m.options.sample_bytes) return;
    m.start(/*is_whole_file=*/false);
  }
  if (m.phase == Impl::Phase::kStreaming && size > 0) m.stream(data, size);
}

void CsvReader::finish() {
  Impl& m = *impl_;
  if (m.phase == Impl::Phase::kSampling) m.start(/*is_whole_file=*/true);
  if (m.phase == Impl::Phase::kStreaming) {
    m.decoded.clear();
    m.decoder.finish(m.decoded);
    m.tokenizer->parse(m.decoded);
    m.tokenizer->finish();
  }
  if (m.phase != Impl::Phase::kNotText) m.phase = Impl::Phase::kFinished;
}

const CsvDialect& CsvReader::dialect() const { return impl_->dialect; }
std::uint64_t CsvReader::bytes_fed() const { return impl_->bytes; }
bool CsvReader::refused() const { return impl_->phase == Impl::Phase::kNotText; }
std::int64_t CsvReader::blank_lines() const { return impl_->tokenizer ? impl_->tokenizer->blank_lines() : 0; }
std::int64_t CsvReader::first_blank_line() const { return impl_->tokenizer ? impl_->tokenizer->first_blank_line() : 0; }

}  // namespace bbb
