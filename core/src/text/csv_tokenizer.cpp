// RFC 4180 state machine. The rules it implements are listed at the top of
// csv_reader.cpp. Speed: ordinary bytes are found with a lookup table and
// appended as one run; only delimiters, quotes and line ends go through the
// switch, and the record buffers are reused.
#include "text/csv_tokenizer.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "text/text_decoder.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bbb {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

// Nonzero when one of the 8 bytes of `word` equals the byte repeated in
// `pattern` (the classic has-zero-byte test: whether any byte matches is
// exact; a byte above a match may be flagged too).
inline std::uint64_t has_byte(std::uint64_t word, std::uint64_t pattern) {
  const std::uint64_t x = word ^ pattern;
  return (x - kOnes) & ~x & kHighs;
}

// The index of the first byte that has_byte flagged: its lowest flag is
// always exact (a false flag can only follow a true one), and the word was
// loaded little-endian (x86 and WebAssembly alike).
static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "load8 and first_flagged_byte assume little-endian words");
inline std::size_t first_flagged_byte(std::uint64_t flags) { return static_cast<std::size_t>(__builtin_ctzll(flags)) >> 3; }

inline std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// 0x80 in each byte of `word` that equals the byte repeated in `pattern`,
// and nowhere else (unlike has_byte, exact for every byte).
inline std::uint64_t equal_bytes(std::uint64_t word, std::uint64_t pattern) {
  constexpr std::uint64_t kLows = 0x7F7F7F7F7F7F7F7FULL;
  const std::uint64_t x = word ^ pattern;
  return ~(((x & kLows) + kLows) | x | kLows);
}

// The 0x80 flags of 8 bytes as 8 bits, byte 0 lowest.
inline std::uint32_t flags_to_bits(std::uint64_t flags) {
  return static_cast<std::uint32_t>(((flags >> 7) * 0x0102040810204080ULL) >> 56);
}

constexpr const char* kQuoteInUnquoted = "quote_in_unquoted_field";
constexpr const char* kTextAfterQuote = "text_after_closing_quote";
}  // namespace

std::uint32_t CsvTokenizer::special_bytes_16(const char* p) const {
  // One bit per byte of p[0..16) that is the delimiter, a quote, LF or CR.
#if defined(__wasm_simd128__)
  const v128_t v = wasm_v128_load(p);
  const v128_t any = wasm_v128_or(wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat(config_.delimiter)),
                                               wasm_i8x16_eq(v, wasm_i8x16_splat('"'))),
                                  wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('\n')),
                                               wasm_i8x16_eq(v, wasm_i8x16_splat('\r'))));
  return static_cast<std::uint32_t>(wasm_i8x16_bitmask(any));
#elif defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i any = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(config_.delimiter)),
                                                _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  return static_cast<std::uint32_t>(_mm_movemask_epi8(any));
#else
  return special_bytes_16_portable(p, config_.delimiter);
#endif
}

std::uint32_t CsvTokenizer::high_bytes_16(const char* p) {
  // One bit per byte of p[0..16) at or above 0x80 (not ASCII).
#if defined(__wasm_simd128__)
  return static_cast<std::uint32_t>(wasm_i8x16_bitmask(wasm_v128_load(p)));
#elif defined(__SSE2__)
  return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
#else
  return flags_to_bits(load8(p) & kHighs) | flags_to_bits(load8(p + 8) & kHighs) << 8;
#endif
}

std::uint64_t CsvTokenizer::special_bytes_64(const char* p) const {
  return static_cast<std::uint64_t>(special_bytes_16(p)) | static_cast<std::uint64_t>(special_bytes_16(p + 16)) << 16 |
         static_cast<std::uint64_t>(special_bytes_16(p + 32)) << 32 | static_cast<std::uint64_t>(special_bytes_16(p + 48)) << 48;
}

std::uint64_t CsvTokenizer::high_bytes_64(const char* p) {
  return static_cast<std::uint64_t>(high_bytes_16(p)) | static_cast<std::uint64_t>(high_bytes_16(p + 16)) << 16 |
         static_cast<std::uint64_t>(high_bytes_16(p + 32)) << 32 | static_cast<std::uint64_t>(high_bytes_16(p + 48)) << 48;
}

std::uint32_t special_bytes_16_portable(const char* p, char delimiter) {
  std::uint32_t bits = 0;
  for (int half = 0; half < 2; ++half) {
    const std::uint64_t w = load8(p + 8 * half);
    const std::uint64_t flags = equal_bytes(w, kOnes * static_cast<unsigned char>(delimiter)) |
                                equal_bytes(w, kOnes * '"') | equal_bytes(w, kOnes * '\n') |
                                equal_bytes(w, kOnes * '\r');
    bits |= flags_to_bits(flags) << (8 * half);
  }
  return bits;
}

CsvTokenizer::CsvTokenizer(const Config& config, const CsvReader::RecordSink& on_record,
                           const CsvReader::IssueSink& on_issue)
    : config_(config), on_record_(on_record), on_issue_(on_issue) {
  const auto d = static_cast<unsigned char>(config_.delimiter);
  for (unsigned char c : {d, static_cast<unsigned char>('"'), static_cast<unsigned char>('\n'),
                          static_cast<unsigned char>('\r')})
    unquoted_special_[c] = true;
  for (unsigned char c : {'"', '\n', '\r'}) quoted_special_[c] = true;
  line_ = record_line_ = config_.first_line;
  delimiter_pattern_ = kOnes * d;
}

void CsvTokenizer::parse(const char* data, std::size_t size) {
  const char* p = data;
  const char* const end = data + size;
  // Records read in place lie in this chunk: what scan_in_place saw of an
  // earlier one says nothing about them.
  ascii_from_ = scanned_to_ = data;
  while (p < end) {
    if (pending_cr_) {
      pending_cr_ = false;
      if (*p == '\n') {  // the LF of a CRLF pair: same line end
        if (state_ == State::kQuoted) append("\n", 1);
        ++p;
        continue;
      }
    }
    switch (state_) {
      case State::kFieldStart:
      case State::kUnquoted: {
        // A record starts: read it in place until something needs a copy.
        if (direct_field_ == nullptr && state_ == State::kFieldStart && record_size_ == 0 && field_ends_.empty())
          direct_field_ = direct_record_ = p;
        // In place, 64 bytes at a time (16 near the end): every delimiter and LF of the block
        // from one bit mask, whole records delivered here; it stops at a
        // quote or CR, or when fewer than 16 bytes are left.
        if (direct_field_ != nullptr) {
          p = scan_in_place(p, end);
          if (p == end) break;
        }
        const char* run = p;
        // Eight bytes at a time past ordinary text, straight to the first
        // special byte of the word; byte by byte only in the last few.
        for (;;) {
          if (end - p < 8) {
            while (p < end && !unquoted_special_[static_cast<unsigned char>(*p)]) ++p;
            break;
          }
          const std::uint64_t w = load8(p);
          const std::uint64_t found = has_byte(w, delimiter_pattern_) | has_byte(w, kOnes * '"') |
                                      has_byte(w, kOnes * '\n') | has_byte(w, kOnes * '\r');
          if (found != 0) { p += first_flagged_byte(found); break; }
          p += 8;
        }
        if (p != run) {
          if (direct_field_ == nullptr) append(run, static_cast<std::size_t>(p - run));
          state_ = State::kUnquoted;
        }
        if (p == end) break;
        const char c = *p++;
        if (c == config_.delimiter) {
          if (direct_field_ != nullptr) {
            add_view(direct_field_, static_cast<std::size_t>(p - 1 - direct_field_));
            direct_field_ = p;
            field_warned_ = false;
            state_ = State::kFieldStart;
          } else {
            end_field();
          }
        } else if (c == '"') {
          if (direct_field_ != nullptr) copy_direct_record(p - 1);
          if (state_ == State::kFieldStart) {
            state_ = State::kQuoted;
          } else {
            warn_once_per_field(kQuoteInUnquoted,
                                "a quote inside a field that does not start with a quote was kept as a "
                                "literal character");
            append("\"", 1);
          }
        } else {
          if (direct_field_ != nullptr) {
            add_view(direct_field_, static_cast<std::size_t>(p - 1 - direct_field_));
            direct_end_ = p - 1;
          }
          end_line(c == '\r');
        }
        break;
      }
      case State::kQuoted: {
        const char* run = p;
        for (;;) {
          if (end - p < 8) {
            while (p < end && !quoted_special_[static_cast<unsigned char>(*p)]) ++p;
            break;
          }
          const std::uint64_t w = load8(p);
          const std::uint64_t found = has_byte(w, kOnes * '"') | has_byte(w, kOnes * '\n') | has_byte(w, kOnes * '\r');
          if (found != 0) { p += first_flagged_byte(found); break; }
          p += 8;
        }
        if (p != run) append(run, static_cast<std::size_t>(p - run));
        if (p == end) return;
        const char c = *p++;
        if (c == '"') {
          state_ = State::kQuoteInQuoted;
        } else {  // a line end inside quotes is field content, kept as is
          append(&c, 1);
          ++line_;
          pending_cr_ = c == '\r';
        }
        break;
      }
      case State::kQuoteInQuoted:
        if (*p == '"') {  // "" is one literal quote
          append("\"", 1);
          ++p;
          state_ = State::kQuoted;
        } else {  // the quote closed the field; look at this byte again
          after_quote_mark_ = record_size_;
          state_ = State::kAfterQuote;
        }
        break;
      case State::kAfterQuote: {
        const char c = *p;
        if (c == config_.delimiter) {
          record_size_ = after_quote_mark_;  // drop padding after the quote
          ++p;
          end_field();
        } else if (c == '\n' || c == '\r') {
          record_size_ = after_quote_mark_;
          ++p;
          end_line(c == '\r');
        } else if (c == ' ' || c == '\t') {
          append(&c, 1);  // padding or start of text: decided by what follows
          ++p;
        } else {  // text after the closing quote: keep it, unquoted
          warn_once_per_field(kTextAfterQuote,
                              "text after the closing quote of a quoted field was appended to the field "
                              "(a quote inside a quoted field must be doubled)");
          state_ = State::kUnquoted;
        }
        break;
      }
    }
  }
  // The chunk ends inside a record read in place: its bytes must outlive the chunk.
  if (direct_field_ != nullptr) copy_direct_record(end);
}

void CsvTokenizer::finish() {
  if (state_ == State::kQuoted) {
    issue(static_cast<int>(field_ends_.size() + 1), "error", "unterminated_quote",
          "a quoted field is never closed: the file ends inside it, so the rest of the file "
          "became part of this field");
  }
  if (state_ == State::kQuoteInQuoted) after_quote_mark_ = record_size_;
  if (state_ == State::kQuoteInQuoted || state_ == State::kAfterQuote) record_size_ = after_quote_mark_;
  if (state_ != State::kFieldStart || !field_ends_.empty()) end_record();
  pending_cr_ = false;
}

std::size_t CsvTokenizer::make_room(std::size_t size) {
  const std::size_t max = config_.max_record_bytes;
  if (record_size_ + size > max) {
    record_too_long_ = true;
    size = max - record_size_;
  }
  const std::size_t needed = record_size_ + size;
  // Capacity never exceeds the limit, so append()'s one check covers both.
  if (needed > record_.size())
    record_.resize(std::min(max, std::max({needed, record_.size() * 2, std::size_t{256}})));
  return size;
}

void CsvTokenizer::end_field() {
  field_ends_.push_back(record_size_);
  field_warned_ = false;
  state_ = State::kFieldStart;
}

void CsvTokenizer::end_line(bool was_cr) {
  end_record();
  ++line_;
  record_line_ = line_;
  pending_cr_ = was_cr;
}

// The closing quote of a quoted field that opens at `open` and can be read
// in place: no doubled quote, no line end inside (lines are counted by the
// state machine), and a delimiter or LF right after it in this chunk.
// nullptr otherwise: the state machine reads it (and copies the record).
namespace {
const char* simple_quoted_field_end(const char* open, const char* end, char delimiter) {
  for (const char* p = open + 1; p < end; ++p) {
    const char c = *p;
    if (c == '"') {
      if (end - p < 2) return nullptr;
      return p[1] == delimiter || p[1] == '\n' ? p : nullptr;
    }
    if (c == '\n' || c == '\r') return nullptr;
  }
  return nullptr;
}

}  // namespace

const char* CsvTokenizer::scan_in_place(const char* p, const char* end) {
  const char delimiter = config_.delimiter;
  // No quoting warning can be pending in a record read in place.
  field_warned_ = false;
  // The field views and where the current field starts, in locals: stores
  // into views_ could otherwise be members changing under the compiler's
  // feet, reloaded after every field. Written back before a record is
  // delivered and when the scan stops.
  const char* field = direct_field_;
  std::string_view* views = views_.data();
  std::size_t count = view_count_, capacity = views_.size();
  while (end - p >= 16) {
    // 64 bytes a block (16 in the last few): the loop over a block's bits
    // ends once per block, a branch no predictor gets right, so the fewer
    // blocks a record spans the better (a 127-byte row: 2 instead of 8).
    const bool wide = end - p >= 64;
    const std::ptrdiff_t width = wide ? 64 : 16;
    std::uint64_t mask = wide ? special_bytes_64(p) : special_bytes_16(p);
    // The block's non-ASCII bytes (bit i is p[i]). ascii_from_ moves past
    // those before a record's end as it ends, and past the rest when the
    // block is done: a block holds parts of several records, and an ASCII
    // record must not be checked for its neighbour's accents.
    const std::uint64_t high = wide ? high_bytes_64(p) : high_bytes_16(p);
    const auto past_high = [&](std::uint64_t bits) {
      if (bits != 0 && p + 64 - __builtin_clzll(bits) > ascii_from_) ascii_from_ = p + 64 - __builtin_clzll(bits);
    };
    scanned_to_ = p + width;
    // Room for a view per bit of the block, made before its loop so that
    // no field tests for it (a record wider than any before grows it here).
    if (capacity - count < 64) {
      views_.resize(std::max<std::size_t>(2 * capacity, count + 64));
      views = views_.data();
      capacity = views_.size();
    }
    // A field's text, ended by the delimiter or LF at q.
    const auto end_field_at = [&](const char* text, const char* text_end, const char* q) {
      views[count++] = std::string_view(text, static_cast<std::size_t>(text_end - text));
      field = q + 1;
    };
    // The record ends at the LF at q (its last field ended there).
    const auto end_record_at = [&](const char* q) {
      direct_field_ = field;
      view_count_ = count;
      direct_end_ = q;
      state_ = State::kFieldStart;
      // The block's non-ASCII bytes before this LF (one past a quoted
      // field is already covered: ascii_from_ is past its end).
      if (q - p < 64) past_high(high & ((std::uint64_t{1} << (q - p)) - 1));
      end_line(false);
      // The next record starts in place right after the LF (delivering
      // this one may have moved views_).
      direct_record_ = field;
      views = views_.data();
      capacity = views_.size();
      count = 0;
    };
    // Most blocks hold only delimiters and line ends: they are read here,
    // bit after bit, until a quote or a CR, which the loop below takes with
    // the bits left (none in most blocks).
    while (mask != 0) {
      const char* const q = p + __builtin_ctzll(mask);
      const char c = *q;
      if (c == delimiter) {
        mask &= mask - 1;
        end_field_at(field, q, q);
        continue;
      }
      if (c != '\n') break;
      mask &= mask - 1;
      end_field_at(field, q, q);
      end_record_at(q);
    }
    // Set when a quoted field took the scan past a bit of this block's mask.
    const char* resume = nullptr;
    while (mask != 0) {
      const char* q = p + __builtin_ctzll(mask);
      mask &= mask - 1;
      char c = *q;
      // The field's text: from `field` up to q, or between its quotes.
      const char* text = field;
      const char* text_end = q;
      if (c == '"' && q == field) {
        const char* const close = simple_quoted_field_end(q, end, delimiter);
        if (close != nullptr) {
          text = q + 1;
          text_end = close;
          q = close + 1;  // the delimiter or LF after it
          c = *q;
          resume = q + 1;
          // Its bytes were not looked at 16 at a time: the record is
          // checked as text when it ends (end_record).
          if (ascii_from_ < q) ascii_from_ = q;
        }
      }
      if (c == delimiter || c == '\n') {
        end_field_at(text, text_end, q);
        if (c == '\n') end_record_at(q);
        if (resume != nullptr) break;
      } else {
        // A quote or a CR: the state machine takes it from here.
        past_high(high);
        direct_field_ = field;
        view_count_ = count;
        state_ = q == field ? State::kFieldStart : State::kUnquoted;
        return q;
      }
    }
    past_high(high);
    p = resume != nullptr ? resume : p + width;
  }
  direct_field_ = field;
  view_count_ = count;
  state_ = p == field ? State::kFieldStart : State::kUnquoted;
  return p;
}

void CsvTokenizer::copy_direct_record(const char* upto) {
  // The fields read in place so far, then the current one up to `upto`, go
  // into record_ as if they had been appended all along.
  const char* const field = direct_field_;
  direct_field_ = direct_record_ = direct_end_ = nullptr;
  for (std::size_t i = 0; i < view_count_; ++i) {
    append(views_[i].data(), views_[i].size());
    field_ends_.push_back(record_size_);
  }
  view_count_ = 0;
  append(field, static_cast<std::size_t>(upto - field));
}

void CsvTokenizer::end_record() {
  if (direct_field_ != nullptr) {
    // Read in place: the fields are views of the input. Fall back to the
    // copy (and its checks) when the record is too long or not valid text.
    const std::string_view raw(direct_record_, static_cast<std::size_t>(direct_end_ - direct_record_));
    // The fields' bytes are at most the raw record's (delimiters and quotes
    // aside): summed only for a record that long.
    std::size_t bytes = raw.size();
    if (bytes > config_.max_record_bytes) {
      bytes = 0;
      for (std::size_t i = 0; i < view_count_; ++i) bytes += views_[i].size();
    }
    // Delimiters are ASCII, so the raw bytes are valid UTF-8 exactly when
    // every field is (a character cut by a delimiter is invalid in both).
    // ASCII is valid: when scan_in_place saw the whole record, its bytes
    // from ascii_from_ on are ASCII and only those before need the check
    // (none for most records; for one with an accented name, the bytes up
    // to it). A character cut at ascii_from_ is invalid in both, as the
    // byte there is ASCII.
    std::string_view unseen = raw;
    if (direct_end_ <= scanned_to_)
      unseen = direct_record_ >= ascii_from_ ? std::string_view()
                                             : raw.substr(0, static_cast<std::size_t>(std::min(ascii_from_, direct_end_) - direct_record_));
    const bool text_ok = unseen.empty() || config_.source_encoding == Encoding::kWindows1252 ||
                         find_invalid_utf8(unseen) == unseen.size();
    if (bytes <= config_.max_record_bytes && text_ok) {
      direct_field_ = direct_record_ = direct_end_ = nullptr;
      const bool blank = view_count_ == 1 && views_[0].empty() && !record_has_issue_;
      if (!blank) deliver_views(); else count_blank();
      view_count_ = 0;
      record_has_issue_ = false;
      field_warned_ = false;
      state_ = State::kFieldStart;
      return;
    }
    // The last field is already in views_: copy all but it, then it.
    const std::string_view last = views_[--view_count_];
    direct_field_ = last.data();
    copy_direct_record(last.data() + last.size());
  }
  end_field();
  if (record_too_long_) {
    issue(0, "error", "record_too_long",
          "this record is longer than " + std::to_string(config_.max_record_bytes) +
              " bytes and was cut there; this usually comes from a quote that is never closed");
  }
  check_text();
  // A record that is one empty field (an empty line, or a lone "") is not
  // delivered, unless an issue was reported for it: the issue needs its row.
  const bool blank = field_ends_.size() == 1 && field_ends_[0] == 0 && !record_has_issue_;
  if (!blank) deliver_record(); else count_blank();
  record_size_ = 0;
  // U+FFFD replacements may have grown the buffer past the limit, which
  // append() relies on as the capacity bound.
  if (record_.size() > config_.max_record_bytes) record_.resize(config_.max_record_bytes);
  field_ends_.clear();
  record_too_long_ = false;
  record_has_issue_ = false;
  state_ = State::kFieldStart;
}

void CsvTokenizer::deliver_record() {
  view_count_ = 0;
  std::size_t begin = 0;
  for (std::size_t end : field_ends_) {
    add_view(record_.data() + begin, end - begin);
    begin = end;
  }
  deliver_views();
  view_count_ = 0;
}

void CsvTokenizer::deliver_views() {
  CsvRecord record;
  record.line = record_line_;
  record.fields = views_.data();
  record.field_count = view_count_;
  on_record_(record);
}

// Text decoded from UTF-8 or UTF-16 can hold invalid sequences: report the
// record as an error and only then replace them, so that nothing downstream
// ever sees invalid UTF-8 and no U+FFFD appears silently.
void CsvTokenizer::check_text() {
  // Decoded Windows-1252 is always valid, unless the record cap cut a character.
  if (config_.source_encoding == Encoding::kWindows1252 && !record_too_long_) return;
  const std::string_view text(record_.data(), record_size_);
  // Fast path: the record is valid as a whole and no character runs across
  // a field boundary (the fields sit back to back, without delimiters, so
  // "\xE9" + "\xAF\x80" would look valid): no field starts with a
  // continuation byte.
  bool valid = find_invalid_utf8(text) == text.size();
  for (std::size_t i = 0; valid && i + 1 < field_ends_.size(); ++i) {
    const std::size_t next_start = field_ends_[i];
    if (next_start < text.size() && (static_cast<unsigned char>(text[next_start]) & 0xC0) == 0x80) valid = false;
  }
  if (valid) return;
  std::size_t column = 0, begin = 0;
  for (; column < field_ends_.size(); begin = field_ends_[column++])
    if (!is_valid_utf8(text.substr(begin, field_ends_[column] - begin))) break;
  if (column == field_ends_.size()) return;  // unreachable: the fast path would have passed
  if (!record_too_long_) {  // a cut record may end inside a character
    if (config_.source_encoding == Encoding::kUtf16Le || config_.source_encoding == Encoding::kUtf16Be) {
      issue(static_cast<int>(column + 1), "error", "invalid_utf16",
            "this field holds text that is not valid UTF-16 (an unpaired surrogate or an odd number of "
            "bytes); it was replaced by U+FFFD");
    } else {
      issue(static_cast<int>(column + 1), "error", "invalid_utf8",
            "this field holds bytes that are not valid UTF-8 (replaced by U+FFFD); if the file was saved "
            "as Windows-1252 / Latin-1 (e.g. by Excel), choose the windows-1252 encoding in the settings");
    }
  }
  scratch_.clear();
  begin = 0;
  for (std::size_t& end : field_ends_) {
    append_utf8_replacing_invalid(text.substr(begin, end - begin), scratch_);
    begin = end;
    end = scratch_.size();
  }
  record_.swap(scratch_);
  record_size_ = record_.size();
}

void CsvTokenizer::issue(int column, const char* severity, const char* code, std::string message) {
  CsvIssue issue;
  issue.line = record_line_;
  issue.column = column;
  issue.severity = severity;
  issue.code = code;
  issue.message = std::move(message);
  record_has_issue_ = true;
  on_issue_(issue);
}

void CsvTokenizer::warn_once_per_field(const char* code, const char* message) {
  if (field_warned_) return;
  field_warned_ = true;
  issue(static_cast<int>(field_ends_.size() + 1), "warning", code, message);
}

}  // namespace bbb
