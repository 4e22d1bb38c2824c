#include "rows/row_reader.h"

#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <cstring>
#include <utility>

#include "fast/cold_path.h"

namespace bbb {
namespace {

// Longer terms are typing mistakes, and one would spread a line over
// thousands of months of work and report.
constexpr std::int32_t kMaxTermMonths = 1200;

// Reads a whole number of at least 1; "12.0" is accepted as 12.
bool parse_positive_whole(std::string_view text, std::int32_t* out) {
  std::string_view s = trim(text);
  // A loop, not find (a memchr call in WebAssembly, for two or three bytes).
  std::size_t dot = 0;
  while (dot < s.size() && s[dot] != '.') ++dot;
  if (dot < s.size()) {
    for (char c : s.substr(dot + 1)) if (c != '0') return false;
    s = s.substr(0, dot);
  }
  if (s.empty() || s.size() > 6) return false;
  std::int32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v < 1) return false;
  *out = v;
  return true;
}

// A whole number too long for a term (99999999): named as too large, not as no number.
bool is_long_whole_number(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.size() <= 6) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return s.find_first_not_of('0') != std::string_view::npos;
}

// Reads a percentage 0..100 with up to six decimals, as millionths of a percent.
bool parse_percent(std::string_view text, std::int64_t* out) {
  std::string_view s = trim(text);
  if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
  std::int64_t whole = 0, frac = 0;
  int frac_digits = 0;
  bool seen_dot = false, any = false;
  for (char c : s) {
    if ((c == '.' || c == ',') && !seen_dot) { seen_dot = true; continue; }
    if (c < '0' || c > '9') return false;
    any = true;
    if (!seen_dot) { whole = whole * 10 + (c - '0'); if (whole > 100) return false; }
    else if (frac_digits < 6) { frac = frac * 10 + (c - '0'); ++frac_digits; }
  }
  while (frac_digits < 6) { frac *= 10; ++frac_digits; }
  const std::int64_t v = whole * 1000000 + frac;
  if (!any || v > 100000000) return false;
  *out = v;
  return true;
}

}  // namespace

// Reading the cells of one row, recording problems against their columns.
namespace {
// Whether text holds a NUL or another C0 control byte but tab, CR, LF: eight bytes
// a step (a byte below 0x20 sets its high bit in the test word), the exact
// look only on a hit. Free text (ids, customers, types) is checked with it;
// the parsed fields refuse such a byte anyway.
inline bool has_control_byte(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  const char* const p = text.data();
  const std::size_t n = text.size();
  std::uint64_t seen = 0;
  if (n >= 8) {
    std::uint64_t w;
    for (std::size_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&w, p + i, 8);
      seen |= (w - kOnes * 0x20) & ~w;
    }
    std::memcpy(&w, p + n - 8, 8);  // the last eight, overlapping: no byte loop for the tail
    seen |= (w - kOnes * 0x20) & ~w;
  } else {
    for (std::size_t i = 0; i < n; ++i) seen |= static_cast<unsigned char>(p[i]) < 0x20 ? kHigh : 0;
  }
  if ((seen & kHigh) == 0) return false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;  // a quoted field may hold line ends
  }
  return false;
}
}  // namespace

namespace {
// Whether a[0..10) and b[0..10) are the same bytes: one 8-byte and one
// 2-byte compare.
inline bool same_ten_bytes(const char* a, const char* b) {
  std::uint64_t a8, b8;
  std::uint16_t a2, b2;
  std::memcpy(&a8, a, 8);
  std::memcpy(&b8, b, 8);
  std::memcpy(&a2, a + 8, 2);
  std::memcpy(&b2, b + 8, 2);
  return ((a8 ^ b8) | static_cast<std::uint64_t>(a2 ^ b2)) == 0;
}
}  // namespace

namespace {

// An amount as written: read with 0, 1, ... decimal places until one takes
// every digit it has (a digit past the places read must be zero).
bool read_written_amount(std::string_view text, char decimal, WrittenAmount* out, std::string* why) {
  ParsedAmount a;
  for (int d = 0; d <= kMaxWrittenDecimals; ++d) {
    std::string attempt;
    if (parse_amount(text, decimal, d, &a, &attempt)) {
      *out = {a.minor, d};
      return true;
    }
    // Only too many decimals is worth another try; any other reason is final.
    if (attempt.find("more decimal places") == std::string::npos) { *why = attempt; return false; }
  }
  *why = "the amount has more than " + std::to_string(kMaxWrittenDecimals) + " decimal places, more than any currency: money is never rounded";
  return false;
}

}  // namespace

struct RowReader::Context {
  const RowReader& reader;
  const CsvRecord& record;
  RowResult& result;
  // Every mapped cell trimmed once: a row asks for most of them twice.
  std::string_view* const cells;

  Context(const RowReader& r, const CsvRecord& rec, RowResult& res)
      : reader(r), record(rec), result(res), cells(r.cells_) {
    // A row as wide as the header (nearly all) has every mapped column: no
    // bound to check a cell. Two loops, as one with the test inside costs
    // ~20 instructions a row more (it is not hoisted).
    if (rec.field_count > reader.last_mapped_column_) {
      for (int i = 0; i < reader.mapped_count_; ++i) {
        const MappedField& m = reader.mapped_[i];
        cells[m.field] = trim(rec.fields[m.column]);
      }
      return;
    }
    for (int i = 0; i < reader.mapped_count_; ++i) {
      const MappedField& m = reader.mapped_[i];
      cells[m.field] = trim(rec.field(m.column));
    }
  }

  std::string_view cell(Field f) const { return cells[static_cast<int>(f)]; }
  bool present(Field f) const { return !cell(f).empty(); }
  std::string column(Field f) const {
    const int c = reader.mapping_.of(f);
    return c == ColumnMapping::kNone ? field_name(f) : reader.mapping_.headers[static_cast<std::size_t>(c)];
  }
  // True when the session's log only counts this issue (it has counted it):
  // nothing is to be built.
  bool only_counted(const char* severity, std::string_view code) {
    return reader.issue_log_ != nullptr && reader.issue_log_->count_if_unlisted(severity, code);
  }
  // Out of line, with views: a row reader names a dozen problems, and
  // building their strings at each call would fill the per-row code.
  BBB_COLD void issue(const char* severity, Field f, std::string_view code, std::string_view message,
                      std::string_view value = {}) {
    if (!only_counted(severity, code)) build_issue(severity, f, code, message, value);
  }
  // The issue itself, for the row's result (once only_counted said no).
  BBB_COLD void build_issue(const char* severity, Field f, std::string_view code, std::string_view message,
                            std::string_view value) {
    result.issues.push_back({file_kind_name(reader.kind_), record.line, column(f), severity, std::string(code),
                             std::string(message), std::string(value)});
  }
  BBB_COLD void error(Field f, std::string_view code, std::string_view message) { issue("error", f, code, message, cell(f)); }
  // False (the row rejected) when a free-text field holds a control byte.
  bool free_text(Field f) {
    if (!has_control_byte(cell(f))) return true;
    error(f, "control_character", "the value holds a NUL or another control character: is this the right file?");
    return false;
  }
  BBB_COLD void warning(Field f, std::string_view code, std::string_view message) { issue("warning", f, code, message, cell(f)); }
  // A value of a keyword column that no vocabulary knows, named in the message.
  BBB_COLD void unknown_word(Field f, std::string_view code, std::string_view what, std::string_view words) {
    error(f, code, "unknown " + std::string(what) + " '" + std::string(cell(f)) + "': use " + std::string(words));
  }
  // The issues whose message is built from values: built here, not in the row's code.
  BBB_COLD void currency_mismatch(const CurrencyCode& in_amount, const CurrencyCode& in_column) {
    if (only_counted("error", "currency_mismatch")) return;
    build_issue("error", Field::kAmount, "currency_mismatch",
                "the amount is in " + std::string(in_amount.view()) + " but the currency column says " +
                    std::string(in_column.view()),
                cell(Field::kAmount));
  }
  BBB_COLD void symbol_mismatch(AmountSymbol symbol, const CurrencyCode& in_column) {
    if (only_counted("error", "currency_mismatch")) return;
    build_issue("error", Field::kAmount, "currency_mismatch",
                std::string("the amount is written in ") + (symbol == AmountSymbol::kDollar ? "$" : "\xC2\xA5") +
                    " but the currency column says " + std::string(in_column.view()) + ", which does not write it",
                cell(Field::kAmount));
  }
  BBB_COLD void unknown_currency(Field f, const CurrencyCode& currency) {
    if (only_counted("error", "unknown_currency")) return;
    build_issue("error", f, "unknown_currency",
                std::string(currency.view()) +
                    " is not an ISO 4217 currency code (name it in the extra currencies setting to accept it)",
                cell(f));
  }
  BBB_COLD void default_currency_used(const CurrencyCode& currency) {
    if (only_counted("warning", "default_currency")) return;
    build_issue("warning", Field::kCurrency, "default_currency",
                "no currency: " + std::string(currency.view()) + " (the default) is used", {});
  }

  // The last YYYY-MM-DD date read in this row: a start date is most often
  // the booking date written again, and comparing ten bytes costs less
  // than reading them (the same text is the same date in any order).
  std::string_view last_iso_text;
  Date last_iso;

  // An optional date: true when absent or readable.
  bool date(Field f, bool* has, Date* out) {
    *has = false;
    const std::string_view text = cell(f);
    if (text.empty()) return true;
    if (text.size() == 10 && last_iso_text.size() == 10 && same_ten_bytes(text.data(), last_iso_text.data())) {
      *out = last_iso;
      *has = true;
      return true;
    }
    // YYYY-MM-DD, nearly every date of a file, without the general reader.
    if (parse_iso_date(text, out)) {
      last_iso_text = text;
      last_iso = *out;
      *has = true;
      return true;
    }
    std::string why;
    if (!parse_date(text, reader.formats_.order_of(f), out, &why)) {
      error(f, "bad_date", why);
      return false;
    }
    *has = true;
    return true;
  }

  // An amount of an invoices or fulfilment row, as written.
  bool aux_amount(WrittenAmount* out) {
    if (!present(Field::kAmount)) { error(Field::kAmount, "missing_amount", "no amount"); return false; }
    std::string why;
    if (!read_written_amount(cell(Field::kAmount), reader.formats_.decimal, out, &why)) {
      error(Field::kAmount, "bad_amount", why);
      return false;
    }
    return true;
  }
};

RowReader::RowReader(FileKind kind, ColumnMapping mapping, ColumnFormats formats, CurrencyCode default_currency,
                       KnownCurrencies currencies, ValueMapping values)
    : kind_(kind), mapping_(std::move(mapping)), formats_(formats), default_currency_(default_currency),
      currencies_(std::move(currencies)), values_(std::move(values)) {
  for (int f = 0; f < static_cast<int>(Field::kCount); ++f) {
    const int c = mapping_.column[f];
    if (c == ColumnMapping::kNone) continue;
    mapped_[mapped_count_++] = {f, static_cast<std::size_t>(c)};
    last_mapped_column_ = std::max(last_mapped_column_, static_cast<std::size_t>(c));
  }
}


bool in_currency(const WrittenAmount& amount, int digits, std::int64_t* out, std::string* why) {
  if (amount.decimals > digits) {
    *why = "the amount has more decimal places than its line's currency's " + std::to_string(digits) + ": money is never rounded";
    return false;
  }
  std::int64_t scale = 1;
  for (int i = amount.decimals; i < digits; ++i) scale *= 10;
  if (std::llabs(amount.units) > kMaxMinor / scale) {
    *why = "the amount is too large to be exact (over 2^53 minor units)";
    return false;
  }
  *out = amount.units * scale;
  return true;
}

bool RowReader::read_line_amount(std::string_view text, const CurrencyCode* column_currency, ParsedAmount* amount,
                                  std::string* why) const {
  // In the currency column's precision when it names one; otherwise the
  // currency the amount names (a code or a symbol) is the row's and its
  // digits decide (126314.309 KWD is read with KWD's 3, 100.5 JPY refused
  // with JPY's 0), else the default currency's.
  const int digits = minor_digits(column_currency != nullptr ? *column_currency : default_currency_);
  const bool read = parse_amount(text, formats_.decimal, digits, amount, why);
  if (column_currency != nullptr) return read;
  if (!read && !currency_in_amount(text, amount)) return false;
  if (!amount->has_currency && amount->symbol != AmountSymbol::kNone) {
    // $ and ¥: the default currency when it writes that symbol, else USD and JPY.
    amount->has_currency = true;
    if (writes_symbol(default_currency_, amount->symbol)) amount->currency = default_currency_;
    else parse_currency_code(amount->symbol == AmountSymbol::kDollar ? "USD" : "JPY", &amount->currency);
  }
  if (!amount->has_currency) return read;
  const CurrencyCode named = amount->currency;
  const int named_digits = minor_digits(named);
  if (named_digits == digits) return read;
  const bool read_named = parse_amount(text, formats_.decimal, named_digits, amount, why);
  // The row's currency, also when unreadable (for its rejected value's).
  amount->has_currency = true;
  amount->currency = named;
  return read_named;
}

bool RowReader::known_currency(const CurrencyCode& code) const {
  if (!currencies_.contains(code)) return false;
  last_known_currency_ = code;  // rows mostly repeat a few currencies
  return true;
}

bool RowReader::check_width(const CsvRecord& record, RowResult* result) const {
  if (record.field_count <= mapping_.headers.size()) return true;
  if (issue_log_ != nullptr && issue_log_->count_if_unlisted("error", "too_many_fields")) return false;
  result->issues.push_back({file_kind_name(kind_), record.line, "", "error", "too_many_fields",
                            "the row has " + std::to_string(record.field_count) + " fields but the header has " +
                                std::to_string(mapping_.headers.size()) + " (an unquoted delimiter in a value?)",
                            ""});
  return false;
}

namespace {

// "1.89165E+11": what Excel makes of a long numeric id (spec 11). Only a cell
// that starts with a digit is looked at further.
bool in_scientific_notation(std::string_view id) {
  if (id.empty() || id[0] < '0' || id[0] > '9') return false;
  const std::size_t e = id.find_first_of("Ee");
  if (e == std::string_view::npos || e + 2 >= id.size() || id[e + 1] != '+') return false;
  bool point = false;
  for (std::size_t i = 0; i < e; ++i) {
    if (id[i] == '.' && !point) { point = true; continue; }
    if (id[i] < '0' || id[i] > '9') return false;
  }
  for (std::size_t i = e + 2; i < id.size(); ++i)
    if (id[i] < '0' || id[i] > '9') return false;
  return true;
}

}  // namespace

std::string_view RowReader::name_by_line(std::int64_t line) const {
  line_name_ = "line " + std::to_string(line);
  return line_name_;
}

// A row's currency and amount, in the currency's precision (read_line_amount);
// false when the row cannot go on (a currency no one knows), *ok false when
// a cell is wrong.
bool RowReader::read_money(Context& cx, CurrencyCode* currency, std::int64_t* amount_out, bool* ok,
                           const char* negative_message) const {
  bool currency_known = false;
  if (cx.present(Field::kCurrency)) {
    if (parse_currency_code(cx.cell(Field::kCurrency), currency) ||
        parse_currency_name(cx.cell(Field::kCurrency), currency))
      currency_known = true;
    else { cx.error(Field::kCurrency, "bad_currency", "not a three-letter ISO 4217 currency code"); *ok = false; }
  }
  ParsedAmount amount;
  std::string why;
  if (!cx.present(Field::kAmount)) {
    cx.error(Field::kAmount, "missing_amount", "no amount: every line needs its total committed value");
    *ok = false;
  } else if (!read_line_amount(cx.cell(Field::kAmount), currency_known ? currency : nullptr, &amount, &why)) {
    cx.error(Field::kAmount, "bad_amount", why);
    *ok = false;
    if (!currency_known && amount.has_currency) {
      *currency = amount.currency;
      currency_known = true;
    }
  } else {
    if (currency_known && amount.symbol != AmountSymbol::kNone && !amount.has_currency &&
        !writes_symbol(*currency, amount.symbol)) {
      // $ or ¥ in a row whose currency does not write it ($5 in a EUR row).
      cx.symbol_mismatch(amount.symbol, *currency);
      *ok = false;
    } else if (amount.has_currency) {
      if (currency_known && !(amount.currency == *currency)) {
        cx.currency_mismatch(amount.currency, *currency);
        *ok = false;
      } else if (!currency_known) {
        *currency = amount.currency;
        currency_known = true;
      }
    }
    *amount_out = amount.minor;
    if (*amount_out < 0 && negative_message != nullptr) {  // null: a negative amount is read (a credit note)
      cx.error(Field::kAmount, "negative_amount", negative_message);
      *ok = false;
    }
    cx.result.rejected_amount = amount.minor;  // the value of this row, should it be rejected
  }
  if (!currency_known) {
    *currency = default_currency_;
    // A file with no currency column is told once, by the session.
    if (mapping_.has(Field::kCurrency)) cx.default_currency_used(default_currency_);
  } else if (!(*currency == last_known_currency_) && !known_currency(*currency)) {
    // Any three letters are no currency: one made-up code per row would
    // otherwise give the report a currency (and every period) each.
    cx.unknown_currency(cx.present(Field::kCurrency) ? Field::kCurrency : Field::kAmount, *currency);
    cx.result.rejected_amount.reset();
    return false;
  }
  cx.result.currency = *currency;
  return true;
}

namespace {

// "90", "90%", "12.5 %", "0.5": a percentage from 0 to 100 with at most two
// decimals, in hundredths of a percent.
bool parse_percent(std::string_view text, std::int32_t* out) {
  if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::int32_t whole = 0, hundredths = 0;
  std::size_t i = 0, digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9' && digits < 4; ++i, ++digits) whole = whole * 10 + (text[i] - '0');
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
    ++i;
    for (int place = 10; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, place /= 10) {
      if (place == 0) { if (text[i] != '0') return false; continue; }  // "12.50" is 12.5; "12.505" is too precise
      hundredths += (text[i] - '0') * place;
    }
  }
  if (i != text.size()) return false;
  const std::int32_t bp = whole * 100 + hundredths;
  if (bp > 10000) return false;
  *out = bp;
  return true;
}

}  // namespace

void RowReader::read_probability(Context& cx, ContractLine* l) const {
  if (cx.present(Field::kProbability)) {
    if (!parse_percent(cx.cell(Field::kProbability), &l->probability_bp))
      cx.warning(Field::kProbability, "bad_probability",
                 "the probability is no percentage from 0 to 100 (90, 90%, 12.5): the deal is kept, its probability unknown");
    return;
  }
  if (stage_probabilities_ == nullptr || !cx.present(Field::kStatus)) return;
  for (const auto& [stage, percent] : *stage_probabilities_)
    if (same_keyword(cx.cell(Field::kStatus), stage)) { l->probability_bp = percent * 100; return; }
}

void RowReader::read_contract(const CsvRecord& record, ContractLine* out, RowResult* result_out) const {
  RowResult& result = *result_out;
  Context cx(*this, record, result);
  bool ok = check_width(record, &result);
  ContractLine& l = *out;
  // The text fields are views of the record: nothing is copied per row.
  l = ContractLine();
  l.line_number = record.line;
  if (mapping_.has(Field::kId)) {
    l.id = cx.cell(Field::kId);
    if (l.id.empty()) { cx.error(Field::kId, "missing_id", "no id: every line needs a unique id"); ok = false; }
    else if (in_scientific_notation(l.id)) {
      cx.error(Field::kId, "unreadable_id",
               "the id is a number a spreadsheet rewrote in scientific notation: its digits are lost (export the id column as text)");
      ok = false;
    }
  } else {
    l.id = name_by_line(record.line);  // no id column: the row is its own line (spec 11)
  }
  l.customer = cx.cell(Field::kCustomer);
  ok &= cx.free_text(Field::kId) & cx.free_text(Field::kCustomer) & cx.free_text(Field::kType);

  if (cx.present(Field::kStatus) && !status_memo_.read(values_(Field::kStatus, cx.cell(Field::kStatus)), &l.status, parse_status)) {
    cx.unknown_word(Field::kStatus, "unknown_status", "status", "booked, open, lost or cancelled, or a CRM's stage");
    ok = false;
  }

  // Currency: the column, or a code written in the amount, or the default.
  if (!read_money(cx, &l.currency, &l.amount, &ok, "negative amount: a downgrade is a cancel_date on the old line plus a new line")) return;

  bool has_start = false, has_end = false, has_bill_start = false;
  Date start, end, bill_start;
  ok &= cx.date(Field::kBookingDate, &l.has_booking, &l.booking);
  ok &= cx.date(Field::kStartDate, &has_start, &start);
  ok &= cx.date(Field::kEndDate, &has_end, &end);
  ok &= cx.date(Field::kDeliveryDate, &l.has_delivery, &l.delivery);
  ok &= cx.date(Field::kBillingStart, &has_bill_start, &bill_start);
  ok &= cx.date(Field::kCancelDate, &l.has_cancel, &l.cancel);
  ok &= cx.date(Field::kCreatedDate, &l.has_created, &l.created);

  std::int32_t term = 0;
  if (cx.present(Field::kTermMonths) && !parse_positive_whole(cx.cell(Field::kTermMonths), &term)) {
    cx.error(Field::kTermMonths, "bad_term",
             is_long_whole_number(cx.cell(Field::kTermMonths)) ? "term_months is over 1200 (100 years): a typing mistake?"
                                                                : "term_months must be a whole number of at least 1");
    ok = false;
  } else if (term > kMaxTermMonths) {
    cx.error(Field::kTermMonths, "bad_term", "term_months is over 1200 (100 years): a typing mistake?");
    ok = false;
  }
  bool has_term = has_end || term > 0;
  if (cx.present(Field::kRecognition)) {
    if (!recognition_memo_.read(values_(Field::kRecognition, cx.cell(Field::kRecognition)), &l.recognition, parse_recognition)) {
      cx.error(Field::kRecognition, "unknown_recognition", "unknown recognition: use ratable or point");
      ok = false;
    }
  } else {
    l.recognition = has_term ? Recognition::kRatable : Recognition::kPoint;
  }
  if (cx.present(Field::kBilling) &&
      !billing_memo_.read(values_(Field::kBilling, cx.cell(Field::kBilling)), &l.billing, parse_billing_kind)) {
    cx.error(Field::kBilling, "unknown_billing",
             "unknown billing: use upfront, monthly, quarterly, semiannual, annual, monthly-arrears, "
             "quarterly-arrears, semiannual-arrears, annual-arrears, on-delivery or none");
    ok = false;
  }
  if (cx.present(Field::kType)) {
    DealType type = DealType::kAsWritten;
    const std::string_view written = values_(Field::kType, cx.cell(Field::kType));
    deal_type_memo_.read(written, &type, parse_deal_type);
    l.type = deal_type_word(type, written);
  }

  if (!ok) return;
  read_probability(cx, &l);

  // A booked line with no term, end or delivery date, whose recognition and
  // billing say nothing of it being one-time: the default term when set,
  // else one-time and all unscheduled, counted so the report says so.
  if (l.is_booked() && !has_term && !l.has_delivery && l.billing != BillingKind::kOnDelivery &&
      (!cx.present(Field::kRecognition) || l.recognition == Recognition::kRatable)) {
    if (default_term_months_ > 0) {
      term = default_term_months_;
      has_term = true;
      l.recognition = Recognition::kRatable;
      result.term = RowResult::Term::kDefault;
    } else if (!cx.present(Field::kRecognition)) {
      result.term = RowResult::Term::kNone;
    }
  }

  l.start = has_start ? start : l.booking;
  if (l.is_booked() && !l.has_booking) {
    cx.error(Field::kBookingDate, "missing_booking_date", "a booked line needs its booking date");
    return;
  }
  if (l.status == Status::kCancelled && !l.has_cancel) {
    cx.error(Field::kCancelDate, "cancelled_without_date", "status cancelled but no cancel_date");
    return;
  }
  if (l.has_cancel && l.has_booking && l.cancel < l.booking) {
    cx.error(Field::kCancelDate, "cancel_before_booking", "cancel_date is before booking_date");
    return;
  }
  if (has_end) {
    if (end < l.start) {
      cx.error(Field::kEndDate, "end_before_start", "end_date is before the start");
      return;
    }
    // Spec 10: end_date wins over term_months.
    l.term_months = term_covering(l.start, end);
    l.end = end;
  } else if (term > 0) {
    l.term_months = term;
    l.end = add_months(l.start, term).plus_days(-1);
  }
  if (l.is_booked() && l.recognition == Recognition::kRatable && !has_term) {
    cx.error(Field::kTermMonths, "missing_term", "a ratable line needs an end_date or term_months");
    return;
  }
  l.billing_start = has_bill_start ? bill_start : l.start;
  if (l.is_booked() && l.start < l.booking)
    cx.warning(Field::kStartDate, "catch_up", "service starts before booking: what falls earlier is recognised on the booking date");
  if (l.is_booked() && l.has_created && l.created > l.booking)
    cx.warning(Field::kCreatedDate, "created_after_booking",
               "created after its booking (close) date: left out of the sales cycle and the sales velocity");
  result.accepted = true;
  result.rejected_amount.reset();
}

void RowReader::read_subscription(const CsvRecord& record, SubscriptionRow* out, RowResult* result_out) const {
  RowResult& result = *result_out;
  Context cx(*this, record, result);
  bool ok = check_width(record, &result);
  SubscriptionRow& s = *out;
  s = SubscriptionRow();
  s.line_number = record.line;
  s.id = mapping_.has(Field::kId) ? cx.cell(Field::kId) : name_by_line(record.line);
  if (s.id.empty()) { cx.error(Field::kId, "missing_id", "no id: every subscription needs a unique id"); ok = false; }
  s.customer = cx.cell(Field::kCustomer);
  ok &= cx.free_text(Field::kId) & cx.free_text(Field::kCustomer);
  SubscriptionStatus status = SubscriptionStatus::kStarted;
  if (cx.present(Field::kStatus) && !parse_subscription_status(cx.cell(Field::kStatus), &status)) {
    cx.unknown_word(Field::kStatus, "unknown_status", "subscription status",
                    "active, past_due, unpaid, trialing, non renewing, paused, canceled, incomplete or incomplete_expired");
    ok = false;
  }
  std::int64_t unit = 0;
  if (!read_money(cx, &s.currency, &unit, &ok, "negative amount: a subscription's price is at least 0")) return;
  std::int32_t quantity = 1;
  if (cx.present(Field::kQuantity)) {
    const std::string_view q = cx.cell(Field::kQuantity);
    if (q == "0" || q == "0.0") quantity = 0;
    else if (!parse_positive_whole(q, &quantity)) {
      cx.error(Field::kQuantity, "bad_quantity", "quantity must be a whole number of at least 0");
      ok = false;
    }
  }
  if (ok && quantity > 0 && unit > kMaxMinor / quantity) {
    cx.error(Field::kQuantity, "total_too_large", "amount x quantity passes 2^53 - 1 minor units, past which totals are no longer exact");
    ok = false;
  }
  s.amount = unit * quantity;
  bool has_start = false, has_created = false, has_period_end = false;
  Date created, period_end;
  ok &= cx.date(Field::kStartDate, &has_start, &s.start);
  ok &= cx.date(Field::kCreatedDate, &has_created, &created);
  ok &= cx.date(Field::kTrialEnd, &s.has_trial_end, &s.trial_end);
  ok &= cx.date(Field::kPeriodStart, &s.has_period_start, &s.period_start);
  ok &= cx.date(Field::kPeriodEnd, &has_period_end, &period_end);
  bool has_ended = false, has_cancelled = false;
  Date ended, cancelled;
  ok &= cx.date(Field::kEndDate, &has_ended, &ended);
  ok &= cx.date(Field::kCancelDate, &has_cancelled, &cancelled);
  // Ended is when service stopped; a cancellation without it (Chargebee) is that day.
  if (has_ended || has_cancelled) { s.has_end = true; s.end = has_ended ? ended : cancelled; }

  bool has_interval = false;
  if (cx.present(Field::kInterval)) {
    if (!parse_interval_unit(values_(Field::kInterval, cx.cell(Field::kInterval)), &s.interval)) {
      cx.unknown_word(Field::kInterval, "unknown_interval", "interval", "day, week, month or year");
      ok = false;
    }
    has_interval = true;
  }
  if (ok && has_interval && cx.present(Field::kIntervalCount)) {
    std::int32_t count = 0;
    if (!parse_positive_whole(cx.cell(Field::kIntervalCount), &count) || count > 120) {
      cx.error(Field::kIntervalCount, "bad_interval_count", "interval_count must be a whole number from 1 to 120");
      ok = false;
    } else {
      s.interval.count *= count;
    }
  }
  s.started = status != SubscriptionStatus::kNeverStarted;
  if (status == SubscriptionStatus::kInTrial && !s.has_trial_end && has_period_end) {
    // The current period of a subscription in trial is its trial.
    s.has_trial_end = true;
    s.trial_end = period_end;
    // Its paid interval is not that period's length: without an interval column it is not known yet.
    if (!has_interval) { s.started = false; has_interval = true; }
  }
  if (ok && !has_interval && s.has_period_start && has_period_end) {
    has_interval = interval_of_period(s.period_start, period_end, &s.interval);
    if (!has_interval) {
      cx.error(Field::kPeriodEnd, "bad_period", "the current period ends before it starts");
      ok = false;
    }
  }
  if (!ok) return;
  if (!has_interval) {
    cx.error(Field::kInterval, "missing_interval", "no interval: day, week, month or year (or the current period's start and end)");
    return;
  }
  if (!has_start) {
    if (!has_created) { cx.error(Field::kStartDate, "missing_start", "no start date"); return; }
    s.start = created;
  }
  result.accepted = true;
  result.rejected_amount.reset();
}

void RowReader::read_invoice(const CsvRecord& record, InvoiceRow* out, RowResult* result_out) const {
  RowResult& result = *result_out;
  Context cx(*this, record, result);
  bool ok = check_width(record, &result);
  out->line = record.line;
  out->id = std::string(cx.cell(Field::kId));
  if (out->id.empty()) { cx.error(Field::kId, "missing_id", "no id: an invoice names the line it bills"); ok = false; }
  ok &= cx.free_text(Field::kId);
  bool has_date = false;
  ok &= cx.date(Field::kInvoiceDate, &has_date, &out->date);
  if (ok && !has_date) { cx.error(Field::kInvoiceDate, "missing_date", "no invoice_date"); ok = false; }
  ok &= cx.aux_amount(&out->amount);
  // A void, draft or deleted invoice bills nothing: skipped, not rejected (spec 11).
  InvoiceStatus status = InvoiceStatus::kBilled;
  if (cx.present(Field::kStatus)) {
    if (!parse_invoice_status(values_(Field::kStatus, cx.cell(Field::kStatus)), &status)) {
      cx.unknown_word(Field::kStatus, "unknown_status", "invoice status", "paid, open, authorised, void, draft or deleted");
      ok = false;
    } else if (const char* skip = invoice_status_skip_kind(status)) {
      result.skipped = skip;
      return;
    }
  }
  result.accepted = ok;
}

void RowReader::read_invoice_line(const CsvRecord& record, ContractLine* out, RowResult* result_out) const {
  RowResult& result = *result_out;
  Context cx(*this, record, result);
  ContractLine& l = *out;
  l = ContractLine();
  l.line_number = record.line;
  l.from_invoice = true;
  // The status first: a void, draft or deleted invoice is skipped whatever else it holds.
  if (cx.present(Field::kStatus)) {
    InvoiceStatus status = InvoiceStatus::kBilled;
    if (!parse_invoice_status(values_(Field::kStatus, cx.cell(Field::kStatus)), &status)) {
      cx.unknown_word(Field::kStatus, "unknown_status", "invoice status", "paid, open, authorised, void, draft or deleted");
      return;
    }
    if (const char* skip = invoice_status_skip_kind(status)) {
      result.skipped = skip;
      return;
    }
  }
  bool ok = check_width(record, &result);
  // Alone, an id names the invoice (several rows may share it: one per invoice line).
  l.id = mapping_.has(Field::kId) && cx.present(Field::kId) ? cx.cell(Field::kId) : name_by_line(record.line);
  l.customer = cx.cell(Field::kCustomer);
  ok &= cx.free_text(Field::kId) & cx.free_text(Field::kCustomer);
  if (!read_money(cx, &l.currency, &l.amount, &ok, nullptr)) return;
  // Net of the tax the file writes apart, in the amount's currency.
  if (ok && cx.present(Field::kTax)) {
    ParsedAmount tax;
    std::string why;
    if (!parse_amount(cx.cell(Field::kTax), formats_.decimal, minor_digits(l.currency), &tax, &why)) {
      cx.error(Field::kTax, "bad_amount", why);
      ok = false;
    } else {
      l.amount -= tax.minor;
    }
  }
  // A credit note bills back: negative whatever the sign it is written with.
  if (cx.present(Field::kType) && is_credit_type(cx.cell(Field::kType)) && l.amount > 0) l.amount = -l.amount;
  if (ok) cx.result.rejected_amount = l.amount;
  bool has_date = false, has_start = false, has_end = false;
  Date date, start, end;
  ok &= cx.date(Field::kInvoiceDate, &has_date, &date);
  ok &= cx.date(Field::kStartDate, &has_start, &start);
  ok &= cx.date(Field::kEndDate, &has_end, &end);
  if (ok && !has_date) { cx.error(Field::kInvoiceDate, "missing_date", "no invoice_date"); ok = false; }
  if (ok && has_start != has_end) {
    cx.error(has_start ? Field::kEndDate : Field::kStartDate, "half_service_period",
             "a service period needs both its start and its end (or neither: the invoice is then recognised on its date)");
    ok = false;
  }
  if (ok && has_start && end < start) { cx.error(Field::kEndDate, "end_before_start", "end_date is before the start"); ok = false; }
  if (!ok) return;
  l.status = Status::kBooked;
  l.billing = BillingKind::kNone;  // billed by the invoice itself
  l.has_booking = true;
  if (has_start) {
    // Recognised over the service period; nothing moved by catch-up, so the
    // line starts at the earlier of its date and its service start.
    l.recognition = Recognition::kRatable;
    l.start = start;
    l.end = end;
    l.term_months = term_covering(start, end);
    l.booking = std::min(date, start);
  } else {
    l.recognition = Recognition::kPoint;
    l.start = l.booking = date;
    l.has_delivery = true;
    l.delivery = date;
  }
  l.billing_start = date;
  l.created = date;
  result.accepted = true;
  result.rejected_amount.reset();
}

void RowReader::read_fulfilment(const CsvRecord& record, FulfilmentRow* out, RowResult* result_out) const {
  RowResult& result = *result_out;
  Context cx(*this, record, result);
  bool ok = check_width(record, &result);
  out->line = record.line;
  out->id = std::string(cx.cell(Field::kId));
  if (out->id.empty()) { cx.error(Field::kId, "missing_id", "no id: a fulfilment row names the line it fulfils"); ok = false; }
  ok &= cx.free_text(Field::kId);
  bool has_date = false;
  ok &= cx.date(Field::kDate, &has_date, &out->date);
  if (ok && !has_date) { cx.error(Field::kDate, "missing_date", "no date"); ok = false; }
  if (cx.present(Field::kPercentComplete)) {
    out->is_percent = true;
    if (!parse_percent(cx.cell(Field::kPercentComplete), &out->percent_millionths)) {
      cx.error(Field::kPercentComplete, "bad_percent", "percent_complete must be a number from 0 to 100");
      ok = false;
    }
  } else if (cx.present(Field::kAmount)) {
    ok &= cx.aux_amount(&out->amount);
  } else {
    cx.error(Field::kAmount, "missing_amount", "neither amount nor percent_complete");
    ok = false;
  }
  result.accepted = ok;
}

}  // namespace bbb
