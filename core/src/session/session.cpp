#include "bbb/session.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include "finance/ledger_posting.h"

namespace bbb {
namespace {

// Rows held back to decide the file's date and amount formats.
constexpr std::size_t kSampleRows = 1000;

std::string join_fields(const std::vector<Field>& fields) {
  std::string out;
  for (Field f : fields) out += (out.empty() ? "" : ", ") + std::string(field_name(f));
  return out;
}

// The row as it would be written again, for a person to recognise it.
std::string raw_row(const CsvRecord& record, char delimiter) {
  constexpr std::size_t kMaxRaw = 1000;
  std::string out;
  for (std::size_t i = 0; i < record.field_count && out.size() < kMaxRaw; ++i) {
    if (i > 0) out += delimiter;
    const std::string_view f = record.fields[i];
    if (f.find_first_of(std::string{delimiter, '"', '\n', '\r'}) == std::string_view::npos) { out += f; continue; }
    out += '"';
    for (char c : f) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
  }
  if (out.size() > kMaxRaw) {
    std::size_t cut = kMaxRaw;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out = out.substr(0, cut) + "...";
  }
  return out;
}

}  // namespace

Session::Session(ReadSettings settings) : settings_(std::move(settings)), folder_(settings_) {}
Session::~Session() = default;

bool Session::begin(FileKind kind, const std::string& name, std::string* error) {
  if (reader_) { *error = "a file is already being read: end it first"; return false; }
  if (!gives_lines(kind) && contracts_seen_) {
    *error = "feed the invoices and fulfilment files before the contracts file";
    return false;
  }
  FileSummary summary;
  summary.kind = kind;
  summary.name = name;
  files_.push_back(std::move(summary));
  header_seen_ = false;
  expected_bytes_ = 0;
  fatal_ = false;
  refused_ = false;
  row_reader_.reset();
  sample_.clear();
  pending_csv_issues_.clear();
  held_titles_.clear();
  group_column_ = false;
  group_name_.clear();
  if (gives_lines(kind)) contracts_seen_ = true;
  start_csv_reader(settings_.csv);
  return true;
}

void Session::start_csv_reader(const CsvOptions& options) {
  reader_ = std::make_unique<CsvReader>(
      options, [this](const CsvRecord& r) { on_record(r); }, [this](const CsvIssue& i) { on_csv_issue(i); });
}

void Session::feed(const char* data, std::size_t size) {
  if (reader_) reader_->feed(data, size);
}

std::int64_t Session::rows_read_in_file() const {
  if (files_.empty()) return 0;
  return files_.back().rows.read + static_cast<std::int64_t>(sample_.size());
}

bool Session::wants_more() const { return reader_ != nullptr && !reader_->refused() && !refused_; }

bool Session::end(std::string* error) {
  if (!reader_) { *error = "no file is being read"; return false; }
  if (workbook_) end_workbook();
  reader_->finish();
  if (!header_seen_ && held_titles_.size() > 0) {
    // No header came after them: the lines were no titles; read as they were.
    SampleRows held = std::move(held_titles_);
    held_titles_.clear();
    replaying_titles_ = true;
    std::vector<std::string_view> views;
    for (std::size_t i = 0; i < held.size(); ++i) on_record(held.record(i, &views));
    replaying_titles_ = false;
  }
  FileSummary& file = files_.back();
  file.dialect = reader_->dialect();
  if (!header_seen_ && !fatal_) {
    file_issue("error", "empty_file", "the file is empty: no header and no rows");
    file.readable = false;
  }
  if (header_seen_ && !fatal_ && !row_reader_) decide_formats();
  if (header_seen_ && !fatal_ && reader_->blank_lines() > 0)
    file.rows.skip("blank", reader_->first_blank_line(), reader_->blank_lines());
  std::stable_sort(file.rows.skipped.begin(), file.rows.skipped.end(),
                   [](const SkippedLines& a, const SkippedLines& b) { return a.first_line < b.first_line; });
  if (header_seen_ && !fatal_ && file.rows.read == 0)
    file_issue("warning", "no_rows", "the file has a header but no data rows");
  if (lines_from(file)) {
    reject_unmatched_rows();
    note_terms(file.rows);
  }
  file.values.read_as(file.kind, [this](Field f, std::string_view v) { return settings_.values(f, v); });
  if (file.kind == FileKind::kSubscriptions && file.rows.accepted > 0) note_subscription_snapshot();
  if (hand_off_ && batch_.lines() > 0) { hand_off_(batch_); batch_.clear(); }
  reader_.reset();
  workbook_.reset();
  row_reader_.reset();
  return true;
}

void RowCounts::skip(const char* kind, std::int64_t line, std::int64_t count) {
  for (SkippedLines& s : skipped) {
    if (s.kind != kind) continue;
    s.count += count;
    if (line < s.first_line) s.first_line = line;
    return;
  }
  skipped.push_back({kind, count, line});
}

RowCounts Session::contract_rows() const {
  RowCounts total;
  for (const FileSummary& f : files_) {
    if (!lines_from(f)) continue;
    total.read += f.rows.read;
    total.accepted += f.rows.accepted;
    total.rejected += f.rows.rejected;
    for (const auto& [currency, value] : f.rows.rejected_value) total.rejected_value[currency] += value;
    for (const auto& [currency, t] : f.rows.no_term) total.no_term[currency] += t;
    for (const auto& [currency, t] : f.rows.default_term) total.default_term[currency] += t;
    for (const SkippedLines& s : f.rows.skipped) total.skip(s.kind.c_str(), s.first_line, s.count);
  }
  return total;
}

// Says, once per file, how many booked lines were read as one-time for want
// of a term (and what they are worth), or were given the default term.
void Session::note_terms(const RowCounts& rows) {
  auto counted = [](const std::map<CurrencyCode, RowCounts::Tally>& by_currency) {
    std::int64_t n = 0;
    std::string values;
    for (const auto& [currency, t] : by_currency) {
      n += t.count;
      values += (values.empty() ? "" : ", ") + std::string(currency.view()) + " " + format_minor(t.value, minor_digits(currency));
    }
    return std::to_string(n) + (n == 1 ? " booked line" : " booked lines") + " (" + values + ")";
  };
  if (!rows.no_term.empty())
    file_issue("warning", "no_term",
               counted(rows.no_term) + " with no term, end date or delivery date: read as one-time, "
               "recognised on delivery and all unscheduled until then, billed in one installment; "
               "set a default term to recognise them over it");
  if (!rows.default_term.empty())
    file_issue("warning", "default_term",
               counted(rows.default_term) + " with no term, end date or delivery date given the default term of " +
                   std::to_string(settings_.default_term_months) + " months");
}

void Session::file_issue(const std::string& severity, const std::string& code, const std::string& message) {
  issues_.add({file_kind_name(files_.back().kind), 0, "", severity, code, message, ""});
}

void Session::on_csv_issue(const CsvIssue& issue) {
  if (issue.line != 0) { pending_csv_issues_.push_back(issue); return; }
  file_issue(issue.severity, issue.code, issue.message);
  if (issue.severity == "error") {
    fatal_ = true;
    files_.back().readable = false;
  }
}

void Session::on_record(const CsvRecord& record) {
  if (fatal_) {
    // The file cannot be read (one issue says why); its rows are counted.
    if (header_seen_) { files_.back().rows.read++; files_.back().rows.rejected++; }
    header_seen_ = true;
    pending_csv_issues_.clear();
    return;
  }
  if (!header_seen_) {
    if (!replaying_titles_ && hold_title_line(record)) return;
    take_header(record);
    // The header's own text problems are listed like a row's.
    if (!pending_csv_issues_.empty()) {
      RowResult header;
      take_text_issues(record, &header);
      log_row_issues(record, &header);
    }
    return;
  }
  if (!row_reader_) { keep_sample_row(record); return; }
  process(record);
}

bool Session::hold_title_line(const CsvRecord& record) {
  // At most a few: a report's title block is its name, company, dates.
  constexpr std::size_t kMaxTitleLines = 8;
  if (held_titles_.size() >= kMaxTitleLines) return false;
  std::size_t cells = 0;
  for (std::size_t i = 0; i < record.field_count; ++i) cells += trim(record.field(i)).empty() ? 0 : 1;
  if (cells > 1) {
    // The header: the lines above it were titles.
    FileSummary& file = files_.back();
    std::vector<std::string_view> views;
    for (std::size_t i = 0; i < held_titles_.size(); ++i) file.rows.skip("title", held_titles_.record(i, &views).line);
    held_titles_.clear();
    return false;
  }
  held_titles_.add(record);
  pending_csv_issues_.clear();
  return true;
}

void Session::keep_sample_row(const CsvRecord& record) {
  sample_.add(record);
  // The reader reports a row's text problems once: keep them with the row.
  if (!pending_csv_issues_.empty()) {
    for (CsvIssue& i : pending_csv_issues_) i.line = record.line;
    sampled_issues_.emplace_back(sample_.size() - 1, std::move(pending_csv_issues_));
    pending_csv_issues_.clear();
  }
  if (sample_.size() >= kSampleRows) decide_formats();
}

namespace {

// The header as a message may echo it: the first few columns, each cut,
// and a count of the rest, so that a 20 MB header gives a one-line reason.
std::string header_excerpt(const std::vector<std::string>& headers) {
  constexpr std::size_t kShown = 8, kChars = 40;
  std::string out;
  for (std::size_t i = 0; i < headers.size() && i < kShown; ++i) {
    std::string h = headers[i];
    if (h.size() > kChars) {
      std::size_t cut = kChars;
      while (cut > 0 && (static_cast<unsigned char>(h[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
      h = h.substr(0, cut) + "...";
    }
    out += (i == 0 ? "" : ", ") + h;
  }
  if (headers.size() > kShown) out += " and " + std::to_string(headers.size() - kShown) + " more columns";
  return std::to_string(headers.size()) + (headers.size() == 1 ? " column: " : " columns: ") + out;
}

}  // namespace

void Session::take_header(const CsvRecord& record) {
  header_seen_ = true;
  FileSummary& file = files_.back();
  std::vector<std::string> headers;
  for (std::size_t i = 0; i < record.field_count; ++i) {
    headers.emplace_back(trim(record.fields[i]));
  }
  std::vector<std::string> problems;
  if (!settings_.source.empty()) {
    file.source = find_source_profile(settings_.source);  // checked when the settings were read
    file.source_reason = "the source setting";
  } else {
    DetectedSource detected = detect_source(file.kind, headers);
    file.source = detected.profile;
    file.source_reason = std::move(detected.reason);
  }
  // A subscriptions export dropped where contract lines go is read as subscriptions (spec 11: the kind follows the header).
  if (file.kind == FileKind::kContracts && file.source->kind == FileKind::kSubscriptions) file.kind = FileKind::kSubscriptions;
  // So is an invoices export: it is then read alone, each invoice a line of its own.
  if (file.kind == FileKind::kContracts && file.source->kind == FileKind::kInvoices) {
    file.kind = FileKind::kInvoices;
    file.invoices_alone = true;
  }
  file.mapping = map_columns(file.kind, headers, settings_.mapping, file.source->columns, &problems);
  if (file.kind == FileKind::kContracts && file.source == &generic_profile() && !file.mapping.has(Field::kBookingDate)) {
    // No booking date, but invoice dates and amounts: invoices given alone (spec 11).
    std::vector<std::string> invoice_problems;
    ColumnMapping as_invoices = map_columns(FileKind::kInvoices, headers, {}, {}, &invoice_problems);
    if (as_invoices.has(Field::kInvoiceDate) && as_invoices.has(Field::kAmount)) {
      file.kind = FileKind::kInvoices;
      file.invoices_alone = true;
      problems.clear();
      file.mapping = map_columns(file.kind, headers, settings_.mapping, file.source->columns, &problems);
    }
  }
  if (file.invoices_alone) {
    contracts_seen_ = true;
    file_issue("warning", "invoices_alone",
               "an invoices file without a contracts file: billings per period (and revenue where invoices give a service "
               "period); bookings and backlog are not known from invoices, and are null in the report");
  }
  for (const std::string& p : problems) file_issue("warning", "bad_mapping", p);
  // A first column with no header holds group headings (a QuickBooks report).
  group_column_ = headers.size() > 1 && headers[0].empty();
  split_column_ = -1;
  if (lines_from(file) && !settings_.split_by.empty()) {
    for (std::size_t i = 0; i < headers.size() && split_column_ < 0; ++i)
      if (headers[i] == settings_.split_by || normalize_header(headers[i]) == normalize_header(settings_.split_by))
        split_column_ = static_cast<int>(i);
    if (split_column_ < 0)
      file_issue("warning", "bad_split", "split_by names no column '" + settings_.split_by + "': the report is not split");
  }
  if (lines_from(file) && !file.mapping.has(Field::kCurrency))
    file_issue("warning", "default_currency",
               "no currency column: every amount is read as " + std::string(settings_.default_currency.view()) +
                   " (the currency setting)");
  if (file.kind == FileKind::kContracts && !file.mapping.has(Field::kId))
    file_issue("warning", "no_id_column",
               "no id column: each row is its own line, named by its line number, and duplicates are not checked");
  std::vector<Field> missing = missing_required_fields(file.kind, file.mapping);
  // Alone, an invoice needs no id: it is joined to no line.
  if (file.invoices_alone) missing.erase(std::remove(missing.begin(), missing.end(), Field::kId), missing.end());
  if (!missing.empty()) {
    // No system's export was recognised: the user may know which it is, as well as the columns.
    file_issue("error", "missing_column",
               "no column for " + join_fields(missing) + " (the header has " + header_excerpt(headers) +
                   "); name the column in the mapping settings" +
                   (file.source == &generic_profile()
                        ? ", or pick the system that exported the file (the source setting: salesforce_opportunities, "
                          "hubspot_deals, stripe_invoices...; an unknown name lists them all)"
                        : ""));
    fatal_ = true;
    file.readable = false;
  }
}

void Session::decide_formats() {
  FileSummary& file = files_.back();
  file.formats = detect_formats(file.kind, file.mapping, sample_, settings_.date_order,
                              workbook_ ? '\0' : settings_.decimal,  // a workbook's numbers are its own: no separator setting
                              reader_->dialect().delimiter);
  for (const std::string& w : file.formats.warnings) file_issue("warning", "mixed_date_order", w);
  row_reader_ = std::make_unique<RowReader>(file.kind, file.mapping, file.formats.formats, settings_.default_currency,
                                              settings_.currencies, settings_.values);
  row_reader_->set_issue_log(&issues_);
  row_reader_->set_default_term(settings_.default_term_months);
  if (!file.mapping.has(Field::kProbability) && !file.source->stage_probabilities.empty())
    row_reader_->set_stage_probabilities(&file.source->stage_probabilities);
  if (lines_from(file)) file.values.begin(file.mapping);
  // Moved out first: replaying a row must not see it as sampled.
  SampleRows sample = std::move(sample_);
  auto issues = std::move(sampled_issues_);
  sample_.clear();
  sampled_issues_.clear();
  std::size_t next_issue = 0;
  std::vector<std::string_view> views;
  const std::size_t table_ids_before = contract_ids_.table_size();
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const CsvRecord r = sample.record(i, &views);
    if (next_issue < issues.size() && issues[next_issue].first == i)
      pending_csv_issues_ = std::move(issues[next_issue++].second);
    process(r);
  }
  if (lines_from(file))
    size_id_table(sample.size(), sample.bytes(), contract_ids_.table_size() - table_ids_before);
}

void Session::size_id_table(std::uint64_t sample_rows, std::uint64_t sample_bytes, std::uint64_t sample_table_ids) {
  // The file's rows at the sample's bytes a row, and the ids of them that
  // go to the fingerprint table at the sample's share (ids in order are
  // runs and need no room). An estimate: a table it leaves short grows as
  // before, and one it makes too large costs 16 bytes an id it expected.
  // Below ~64k ids growing costs little and stays in the caches. A UTF-16
  // file has two bytes a character where the sample counts one: not sized.
  constexpr std::uint64_t kWorthSizing = 1 << 16;
  if (expected_bytes_ == 0 || sample_rows == 0 || sample_bytes == 0 || sample_table_ids == 0) return;
  const Encoding encoding = reader_->dialect().encoding;
  if (encoding == Encoding::kUtf16Le || encoding == Encoding::kUtf16Be) return;
  const std::uint64_t rows = expected_bytes_ / sample_bytes * sample_rows + expected_bytes_ % sample_bytes * sample_rows / sample_bytes;
  const std::uint64_t ids = rows / sample_rows * sample_table_ids + rows % sample_rows * sample_table_ids / sample_rows;
  if (ids > kWorthSizing && ids > sample_table_ids) contract_ids_.reserve_table(static_cast<std::size_t>(ids - sample_table_ids));
}

void Session::process(const CsvRecord& record) {
  FileSummary& file = files_.back();
  RowResult result;
  if (const char* kind = non_data_line_kind(record)) {
    file.rows.skip(kind, record.line);
    // The line's own text problems stay with it, never with the next row.
    if (!pending_csv_issues_.empty()) take_text_issues(record, &result);
    if (!result.issues.empty()) log_row_issues(record, &result);
    return;
  }
  if (group_column_ && record.field_count >= 1 && !trim(record.field(0)).empty()) {
    // A group's heading: its name alone in the first cell (spec 11).
    bool alone = true;
    for (std::size_t i = 1; i < record.field_count && alone; ++i) alone = trim(record.field(i)).empty();
    if (alone) {
      file.rows.skip("heading", record.line);
      group_name_.assign(trim(record.field(0)));
      if (!pending_csv_issues_.empty()) take_text_issues(record, &result);
      if (!result.issues.empty()) log_row_issues(record, &result);
      return;
    }
  }
  file.rows.read++;
  const bool text_ok = pending_csv_issues_.empty() || take_text_issues(record, &result);
  if (text_ok) {
    switch (file.kind) {
      case FileKind::kContracts: process_contract(record, &result); break;
      case FileKind::kInvoices:
        if (file.invoices_alone) process_invoice_line(record, &result);
        else process_invoice(record, &result);
        break;
      case FileKind::kFulfilment: process_fulfilment(record, &result); break;
      case FileKind::kSubscriptions: process_subscription(record, &result); break;
    }
  }
  if (text_ok && result.skipped) {
    // A void or draft invoice: no data to read, skipped and counted by its kind.
    file.rows.read--;
    file.rows.skip(result.skipped, record.line);
    if (!result.issues.empty()) log_row_issues(record, &result);
    return;
  }
  if (text_ok && result.accepted) {
    file.rows.accepted++;
  } else {
    file.rows.rejected++;
    if (result.rejected_amount) add_rejected_value(result.currency, *result.rejected_amount);
  }
  if (!result.issues.empty()) log_row_issues(record, &result);
}

void Session::add_rejected_value(const CurrencyCode& currency, std::int64_t amount) {
  // Kept within 2^53 - 1 minor units like every figure: past it the sum
  // stops there, and the file says so once.
  std::int64_t& value = files_.back().rows.rejected_value[currency];
  if (std::llabs(amount) <= kMaxMinor - std::llabs(value) || (value < 0) != (amount < 0)) {
    value += amount;
    return;
  }
  value = value < 0 ? -kMaxMinor : kMaxMinor;
  if (!rejected_value_capped_) {
    rejected_value_capped_ = true;
    file_issue("warning", "rejected_value_capped",
               "the value of the rejected rows in " + std::string(currency.view()) +
                   " passes 2^53 - 1 minor units: it is shown up to there");
  }
}

bool Session::take_text_issues(const CsvRecord& record, RowResult* result) {
  const FileSummary& file = files_.back();
  bool text_ok = true;
  for (const CsvIssue& i : pending_csv_issues_) {
    if (i.severity == "error") text_ok = false;
    // Past the listing limit (a file whose every row has an inch mark, 12"):
    // only counted, and nothing built.
    if (issues_.count_if_unlisted(i.severity, i.code)) continue;
    const std::string column = i.column > 0 && static_cast<std::size_t>(i.column) <= file.mapping.headers.size()
                                   ? file.mapping.headers[static_cast<std::size_t>(i.column - 1)]
                                   : "";
    result->issues.push_back({file_kind_name(file.kind), record.line, column, i.severity, i.code, i.message, ""});
  }
  pending_csv_issues_.clear();
  return text_ok;
}

void Session::log_row_issues(const CsvRecord& record, RowResult* result) {
  std::string raw;  // the row as written, only for an issue the log will list
  for (Issue& i : result->issues) {
    if (issues_.would_list(i)) {
      if (raw.empty()) raw = raw_row(record, reader_->dialect().delimiter);
      i.raw = raw;
    }
    issues_.add(std::move(i));
  }
}

void Session::process_contract(const CsvRecord& record, RowResult* result) {
  ContractLine& line = line_;  // reused row after row (see RowReader::read_contract)
  // The id is routed first, so that reading the row hides the wait for its
  // slot when it goes to the fingerprint table (duplicate_ids.h).
  const bool has_ids = row_reader_->mapping().has(Field::kId);
  const std::string_view id = row_reader_->cell(record, Field::kId);
  DuplicateIds::Route id_route = contract_ids_.route(id);
  // Into *result, after the text issues the row may already have.
  RowResult& r = *result;
  row_reader_->read_contract(record, &line, &r);
  if (!files_.back().values.empty()) count_values(record, line.currency, r, line.amount);
  if (!line.id.empty() && has_ids) {
    if (line.id.data() != id.data() || line.id.size() != id.size()) id_route = contract_ids_.route(line.id);  // never so today: the same cell
    // Spec 10: a duplicate is any id already seen on an earlier row, whatever became of that row.
    const std::uint32_t earlier = contract_ids_.insert(id_route, record.line);
    if (earlier != 0) reject_duplicate(record, line, earlier, &r);
  }
  const std::string_view segment = r.accepted ? segment_of(record) : std::string_view();
  // Pipeline rows are never in bookings, billings, revenue or backlog, only in the sales figures.
  if (r.accepted && !line.is_booked()) {
    // Open and lost deals have their own bound: the pipeline's figures stay exact too.
    std::int64_t& pipeline = pipeline_total_[line.currency];
    if (line.amount > kMaxMinor - pipeline) {
      reject_too_large(record, line, &r);
    } else {
      pipeline += line.amount;
      deliver(line, segment);
      note_dates(line);
    }
  }
  if (r.accepted && line.is_booked()) {
    // Every amount of the report is bounded by the currency's bookings: keep
    // them within 2^53 - 1 minor units, and every figure stays exact in JavaScript.
    std::int64_t& booked = booked_total(line.currency);
    if (line.amount > kMaxMinor - booked) {
      reject_too_large(record, line, &r);
    } else {
      booked += line.amount;
      note_dates(line);
      const bool by_fulfilment = deliver(line, segment);
      // Fulfilment rows schedule a line with no term: it is not all unscheduled.
      if (r.term == RowResult::Term::kDefault || (r.term == RowResult::Term::kNone && !by_fulfilment)) tally_term(r.term, line);
    }
  }
}

// Spec 11: one contract line per interval that has begun by the as-of
// date (without one, by the interval the export was billing).
void Session::process_subscription(const CsvRecord& record, RowResult* result) {
  constexpr std::size_t kMaxIntervals = 5000;  // 13 years of days, 416 of months
  SubscriptionRow row;
  RowResult& r = *result;
  row_reader_->read_subscription(record, &row, &r);
  if (!files_.back().values.empty()) count_values(record, row.currency, r, row.amount);
  if (!row.id.empty() && row_reader_->mapping().has(Field::kId)) {
    const std::uint32_t earlier = contract_ids_.insert(contract_ids_.route(row.id), record.line);
    if (earlier != 0) {
      line_ = ContractLine();
      line_.id = row.id;
      line_.amount = row.amount;
      reject_duplicate(record, line_, earlier, &r);
    }
  }
  if (!r.accepted) return;
  Date through;
  if (settings_.as_of) through = *settings_.as_of;
  else if (!snapshot_through(row, &through)) {
    through = row.has_trial_end && row.trial_end > row.start ? row.trial_end : row.start;
    if (!subscription_bound_told_) {
      subscription_bound_told_ = true;
      file_issue("warning", "no_as_of",
                 "no as-of date and no current period column: a subscription still running is read for its first interval "
                 "only; set the as-of date to read every interval begun by then");
    }
  }
  std::vector<SubscriptionInterval>& intervals = subscription_intervals_;
  if (!subscription_intervals(row, through, kMaxIntervals, &intervals)) {
    r.accepted = false;
    r.rejected_amount = row.amount;
    r.issues.push_back({file_kind_name(FileKind::kSubscriptions), record.line, column_of(FileKind::kSubscriptions, Field::kInterval),
                        "error", "too_many_intervals",
                        "the subscription renews more than " + std::to_string(kMaxIntervals) + " times by " + through.iso() +
                            ": read it with a longer interval or an earlier as-of date",
                        std::string(row.id)});
    return;
  }
  // Every interval's amount within the currency's bound, or none of them.
  std::int64_t& booked = booked_total(row.currency);
  if (row.amount > 0 && static_cast<std::int64_t>(intervals.size()) > (kMaxMinor - booked) / row.amount) {
    line_ = ContractLine();
    line_.amount = row.amount;
    line_.currency = row.currency;
    reject_too_large(record, line_, &r);
    return;
  }
  // What the export records, not the intervals read from it (those may run to the as-of date).
  note_date(row.start);
  if (row.has_end) note_date(row.end);
  if (row.has_period_start) note_date(row.period_start);
  const std::string_view segment = segment_of(record);
  for (std::size_t k = 0; k < intervals.size(); ++k) {
    const SubscriptionInterval& i = intervals[k];
    ContractLine& line = line_;
    line = ContractLine();
    interval_id_.assign(row.id);
    interval_id_ += " #";
    interval_id_ += std::to_string(k + 1);
    line.id = interval_id_;
    // Spec 12: a subscription without a customer is its own customer, under its id.
    line.customer = row.customer.empty() ? row.id : row.customer;
    line.line_number = row.line_number;
    line.amount = row.amount;
    line.currency = row.currency;
    line.status = Status::kBooked;
    line.recognition = Recognition::kRatable;
    line.billing = BillingKind::kUpfront;
    line.type = k == 0 ? "new" : "renewal";
    line.booking = line.start = line.billing_start = i.start;
    line.has_booking = true;
    line.end = i.end;
    line.term_months = term_covering(i.start, i.end);
    if (row.interval.unit == IntervalUnit::kWeek) line.interval_weeks = row.interval.count;
    if (row.interval.unit == IntervalUnit::kDay) line.interval_days = row.interval.count;
    if (i.cut) { line.has_cancel = true; line.cancel = i.cut_on; }
    line.renews = k + 1 == intervals.size() && !row.has_end;
    booked += line.amount;
    deliver(line, segment);
  }
}

void Session::note_subscription_snapshot() {
  file_issue("warning", "snapshot_prices",
             "a subscriptions export is a snapshot: each interval is read at today's price and quantity, as earlier "
             "prices are not in the file");
}

void Session::count_values(const CsvRecord& record, const CurrencyCode& currency, const RowResult& r,
                           std::int64_t amount_read) {
  // The row's amount when it could be read: the line's when accepted, else what its rejection was worth.
  const std::int64_t* amount = r.accepted ? &amount_read : r.rejected_amount ? &*r.rejected_amount : nullptr;
  ValueCensus& census = files_.back().values;
  for (std::size_t slot = 0; slot < census.slots(); ++slot)
    census.count(slot, row_reader_->cell(record, census.field_of(slot)), currency, amount);
}

void Session::reject_duplicate(const CsvRecord& record, const ContractLine& line, std::uint32_t earlier, RowResult* r) {
  if (r->accepted) { r->accepted = false; r->rejected_amount = line.amount; }
  // A file of one id on every row: past the listing limit each is only counted.
  if (issues_.count_if_unlisted("error", "duplicate_id")) return;
  const int c = files_.back().mapping.of(Field::kId);
  const std::string where = earlier == UINT32_MAX ? "an earlier line" : "line " + std::to_string(earlier);
  r->issues.push_back({"contracts", record.line, files_.back().mapping.headers[static_cast<std::size_t>(c)], "error",
                       "duplicate_id", "duplicate id: already used on " + where, std::string(line.id)});
}

void Session::reject_too_large(const CsvRecord& record, const ContractLine& line, RowResult* r) {
  r->accepted = false;
  r->rejected_amount = line.amount;
  if (issues_.count_if_unlisted("error", "total_too_large")) return;
  const int c = files_.back().mapping.of(Field::kAmount);
  r->issues.push_back({"contracts", record.line, files_.back().mapping.headers[static_cast<std::size_t>(c)], "error",
                       "total_too_large",
                       std::string(line.is_booked() ? "the bookings in " : "the open and lost deals in ") +
                           std::string(line.currency.view()) +
                           " would pass 2^53 - 1 minor units, past which totals are no longer exact",
                       ""});
}

void Session::process_invoice(const CsvRecord& record, RowResult* result) {
  InvoiceRow row;
  row_reader_->read_invoice(record, &row, result);
  if (!result->accepted) return;
  note_date(row.date);
  aux_[row.id].invoices.push_back(std::move(row));
}

// Spec 11: an invoice of a file read alone is a line of its own, billed by
// itself; its customer, when the row names none, is its group's heading.
void Session::process_invoice_line(const CsvRecord& record, RowResult* result) {
  ContractLine& line = line_;
  RowResult& r = *result;
  row_reader_->read_invoice_line(record, &line, &r);
  if (!r.accepted) return;
  if (line.customer.empty() && !group_name_.empty()) line.customer = group_name_;
  // Within the currency's bound, as bookings are: billed once, recognised once.
  std::int64_t& budget = booked_total(line.currency);
  if (std::llabs(line.amount) > (kMaxMinor - budget) / 2) {
    reject_too_large(record, line, &r);
    return;
  }
  budget += 2 * std::llabs(line.amount);
  const std::string_view segment = segment_of(record);
  note_date(line.billing_start);  // the invoice's date
  hand_over(line, segment, {{line.billing_start, line.amount}}, nullptr);
}

void Session::process_fulfilment(const CsvRecord& record, RowResult* result) {
  FulfilmentRow row;
  row_reader_->read_fulfilment(record, &row, result);
  if (!result->accepted) return;
  note_date(row.date);
  aux_[row.id].fulfilment.push_back(std::move(row));
}

std::int64_t& Session::booked_total(const CurrencyCode& currency) {
  return booked_index_.find(booked_total_, currency, [](auto& map, const CurrencyCode& c) -> std::int64_t& { return map[c]; });
}

void Session::count_as_rejected(FileKind kind) {
  for (FileSummary& f : files_)
    if (f.kind == kind) { f.rows.accepted--; f.rows.rejected++; return; }
}

bool Session::deliver(const ContractLine& line, std::string_view segment) {
  std::vector<DatedAmount> invoices;
  Fulfilment fulfilment;
  // Invoices and fulfilment rows go with booked lines only (an open line's
  // stay unmatched). No string is made for the lookup when none were read.
  const bool has_fulfilment = line.is_booked() && !aux_.empty() && take_aux_rows(line, &invoices, &fulfilment);
  hand_over(line, segment, std::move(invoices), has_fulfilment ? &fulfilment : nullptr);
  return has_fulfilment;
}

void Session::note_dates(const ContractLine& line) {
  if (line.status != Status::kOpen && line.has_booking) note_date(line.booking);
  if (line.has_created) note_date(line.created);
  if (line.has_cancel) note_date(line.cancel);
  if (line.has_delivery) note_date(line.delivery);
}

void Session::tally_term(RowResult::Term term, const ContractLine& line) {
  RowCounts& rows = files_.back().rows;
  RowCounts::Tally& t = (term == RowResult::Term::kDefault ? rows.default_term : rows.no_term)[line.currency];
  t.count++;
  t.value += line.amount;  // within the currency's booked total, so within 2^53 - 1
}

void Session::hand_over(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
                        const Fulfilment* fulfilment) {
  if (!hand_off_) {
    folder_.take(line, segment, std::move(invoices), fulfilment);
    return;
  }
  batch_.add(line, segment, invoices, fulfilment);
  if (batch_.full()) { hand_off_(batch_); batch_.clear(); }
}

std::string_view Session::segment_of(const CsvRecord& record) const {
  if (split_column_ < 0) return {};
  const std::string_view segment = trim(record.field(static_cast<std::size_t>(split_column_)));
  return segment.empty() ? std::string_view("(none)") : segment;
}

std::string Session::column_of(FileKind kind, Field field) const {
  for (const FileSummary& f : files_)
    if (f.kind == kind && f.mapping.has(field)) return f.mapping.headers[static_cast<std::size_t>(f.mapping.of(field))];
  return field_name(field);
}

void Session::reject_unmatched_rows() {
  // Listed in file and line order (the rows wait in a hash map), each
  // against its file's id column.
  struct Unmatched { FileKind kind; std::int64_t line; const std::string* id; };
  std::vector<Unmatched> unmatched;
  for (auto& [id, aux] : aux_) {
    if (aux.matched) continue;
    for (const InvoiceRow& inv : aux.invoices) unmatched.push_back({FileKind::kInvoices, inv.line, &id});
    for (const FulfilmentRow& row : aux.fulfilment) unmatched.push_back({FileKind::kFulfilment, row.line, &id});
  }
  std::sort(unmatched.begin(), unmatched.end(), [](const Unmatched& a, const Unmatched& b) {
    return a.kind != b.kind ? a.kind < b.kind : a.line < b.line;
  });
  for (const Unmatched& u : unmatched) {
    issues_.add({file_kind_name(u.kind), u.line, column_of(u.kind, Field::kId), "error", "unknown_line",
                 "no booked contract line has this id", *u.id});
    count_as_rejected(u.kind);
  }
  for (auto& [id, aux] : aux_) {
    if (aux.matched) continue;
    aux.invoices.clear();
    aux.fulfilment.clear();
    aux.matched = true;
  }
}

// The invoices and fulfilment rows read for this line, scaled to its
// currency; true when it has fulfilment rows.
bool Session::take_aux_rows(const ContractLine& line, std::vector<DatedAmount>* invoices_out, Fulfilment* fulfilment_out) {
  const auto it = aux_.find(std::string(line.id));
  if (it == aux_.end()) return false;
  std::vector<DatedAmount>& invoices = *invoices_out;
  Fulfilment& fulfilment = *fulfilment_out;
  bool has_fulfilment = false;
  AuxRows& aux = it->second;
  aux.matched = true;
  const int digits = minor_digits(line.currency);
  // Against the file's column, as every issue of a row is.
  auto reject = [&](FileKind kind, std::int64_t at, Field field, const std::string& code, const std::string& message) {
    issues_.add({file_kind_name(kind), at, column_of(kind, field), "error", code, message, std::string(line.id)});
    count_as_rejected(kind);
  };
  // Invoices share the currency's bound with its bookings, twice their
  // size (a cancellation's true-up may bill it back): every figure of the
  // report stays within 2^53 - 1 minor units.
  std::int64_t& budget = booked_total(line.currency);
  for (const InvoiceRow& inv : aux.invoices) {
    std::int64_t amount;
    std::string why;
    if (!in_currency(inv.amount, digits, &amount, &why)) {
      reject(FileKind::kInvoices, inv.line, Field::kAmount, "bad_amount", why + " (" + std::string(line.currency.view()) + ")");
    } else if (std::llabs(amount) > (kMaxMinor - budget) / 2) {
      reject(FileKind::kInvoices, inv.line, Field::kAmount, "total_too_large",
             "the figures in " + std::string(line.currency.view()) +
                 " would pass 2^53 - 1 minor units with this invoice, past which totals are no longer exact");
    } else {
      budget += 2 * std::llabs(amount);
      invoices.push_back({inv.date, amount});
    }
  }
  if (!aux.fulfilment.empty()) {
    has_fulfilment = true;
    fulfilment.is_percent = aux.fulfilment.front().is_percent;
    for (const FulfilmentRow& f : aux.fulfilment) {
      std::int64_t amount = f.percent_millionths;
      std::string why;
      if (f.is_percent != fulfilment.is_percent)
        reject(FileKind::kFulfilment, f.line, f.is_percent ? Field::kPercentComplete : Field::kAmount, "mixed_fulfilment",
               "a line's fulfilment rows must all be amounts or all percentages");
      else if (!f.is_percent && !in_currency(f.amount, digits, &amount, &why))
        reject(FileKind::kFulfilment, f.line, Field::kAmount, "bad_amount", why + " (" + std::string(line.currency.view()) + ")");
      else fulfilment.rows.push_back({f.date, amount});
    }
    std::stable_sort(fulfilment.rows.begin(), fulfilment.rows.end(),
                     [](const DatedAmount& a, const DatedAmount& b) { return a.date < b.date; });
  }
  aux.invoices.clear();
  aux.fulfilment.clear();
  return has_fulfilment;
}

}  // namespace bbb
