// One analysis: files fed in chunks, rows read and folded into monthly
// ledgers as they arrive, reports asked for at any time after. The native
// CLI and the WebAssembly binding both drive exactly this class.
//
// Order: invoices and fulfilment files (which say how lines are billed and
// recognised) are fed before the contracts file, whose rows are folded as
// they stream through.
//
// Two halves: this class reads rows (the CSV, every cell, the checks, the
// issues, duplicate ids, invoices and fulfilment matched to their line);
// its FoldingHalf folds the lines accepted (schedules, ledgers, sales
// figures). They run one after the other, or side by side on two threads
// or in two workers (hand_off_lines), with the same report.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "fast/cold_path.h"
#include "rows/column_mapping.h"
#include "text/csv_reader.h"
#include "rows/format_detection.h"
#include "rows/issue_log.h"
#include "finance/ledger.h"
#include "session/packed_lines.h"
#include "session/folding_half.h"
#include "rows/row_reader.h"
#include "rows/non_data_lines.h"
#include "rows/source_profiles.h"
#include "rows/value_census.h"
#include "session/reading_summary.h"
#include "rows/sample_rows.h"
#include "finance/schedule.h"
#include "fast/duplicate_ids.h"
#include "bbb/settings.h"
#include "workbook/workbook_reader.h"

namespace bbb {

// Lines that are not data, of one kind (non_data_lines.h).
struct SkippedLines {
  std::string kind;  // "total", "footer"
  std::int64_t count = 0;
  std::int64_t first_line = 0;
};

// read = accepted + rejected; skipped lines are apart.
struct RowCounts {
  std::int64_t read = 0;
  std::int64_t accepted = 0;
  std::int64_t rejected = 0;
  std::map<CurrencyCode, std::int64_t> rejected_value;  // where an amount could be read
  std::vector<SkippedLines> skipped;                    // by kind, in the order first seen
  // Booked lines by how they got their term (RowResult::Term): read as
  // one-time for want of a term and a delivery date, or given the default term.
  struct Tally {
    std::int64_t count = 0;
    std::int64_t value = 0;
    Tally& operator+=(const Tally& t) { count += t.count; value += t.value; return *this; }
  };
  std::map<CurrencyCode, Tally> no_term, default_term;

  void skip(const char* kind, std::int64_t line, std::int64_t count = 1);
};

// A file read from a workbook (.xlsx): the sheet read and the sheets it has.
struct WorkbookSummary {
  std::string sheet;
  std::vector<std::string> sheets;
};

struct FileSummary {
  FileKind kind = FileKind::kContracts;
  std::string name;
  RowCounts rows;
  CsvDialect dialect;
  ColumnMapping mapping;
  const SourceProfile* source = &generic_profile();  // whose export the header says it is
  std::string source_reason;                         // why that profile
  DetectedFormats formats;
  ValueCensus values;  // the distinct values of its keyword columns (spec 11)
  // An invoices file read alone, in the place of a contracts file (spec 11):
  // each invoice row is a line of its own (ContractLine::from_invoice).
  bool invoices_alone = false;
  std::optional<WorkbookSummary> workbook;  // set when the file is a workbook
  bool readable = true;  // false: the file could not be read at all (see the issues)
};

class Session {
 public:
  explicit Session(ReadSettings settings);
  ~Session();

  // Starts a file; false with *error when it cannot start now.
  bool begin(FileKind kind, const std::string& name, std::string* error);
  // The current file's size in bytes, when the caller knows it (a picked
  // File, a path): duplicate detection then sizes its table once, from the
  // sample, instead of growing it step by step (size_id_table). Optional.
  void expect_bytes(std::uint64_t bytes) { expected_bytes_ = bytes; }
  void feed(const char* data, std::size_t size);
  // Ends the current file; its summary is files().back().
  bool end(std::string* error);
  // A workbook (.xlsx), after begin() and instead of feed(): the sheet
  // (empty = the first) is read by the WorkbookReader this returns, which
  // asks its caller for byte ranges of the file (read_workbook_file
  // natively, the JS API in the page) and hands the sheet's rows here as
  // CSV text; end() as for any file.
  WorkbookReader& begin_workbook(std::uint64_t file_size, const std::string& sheet);
  WorkbookReader* workbook() { return workbook_.get(); }
  // The workbook's bytes could not be served (a part that does not inflate,
  // the file unreadable): end() refuses the file with this sentence. A
  // workbook whose reading simply stopped early (a preview) is not refused.
  void fail_workbook(const std::string& sentence);
  // A file no reader reads (an .xls, a password-protected workbook), after
  // begin(): one error says why; end() then ends it, unreadable.
  void refuse_file(const std::string& sentence);
  bool in_file() const { return reader_ != nullptr; }
  std::int64_t rows_read_in_file() const;
  // False once the file being read is refused as not text: feeding the rest
  // changes nothing, and a caller stops reading it (decided from the first block).
  bool wants_more() const;

  const ReadSettings& settings() const { return settings_; }
  const std::vector<FileSummary>& files() const { return files_; }
  const IssueLog& issues() const { return issues_; }
  RowCounts contract_rows() const;
  const std::map<CurrencyCode, MonthlyLedger>& ledgers() const { return folder_.ledgers(); }
  const DrillCollector* drill() const { return folder_.drill(); }
  // Read with the snapshot setting: its accepted lines, for a comparison (else null).
  const SnapshotLines* snapshot() const { return folder_.snapshot(); }
  // Which figures the lines read can tell (invoices alone: no bookings).
  KnownFigures known_figures() const { return bbb::known_figures(folder_.line_kinds()); }
  // Pipeline, orders and the forward view per currency (every currency with
  // an accepted line, pipeline-only ones included).
  const std::map<CurrencyCode, FoldedFigures>& figures() const { return folder_.figures(); }
  // With split_by: per currency, per value of that column (at most
  // FoldingHalf::kMaxSegments values; later ones are folded into
  // FoldingHalf::kOtherSegment).
  const std::map<CurrencyCode, std::map<std::string, FoldedFigures>>& segments() const { return folder_.segments(); }

  // Reading rows and folding them, side by side. Once this is set (before
  // the contracts file begins), accepted lines are not folded here but
  // handed to `hand_off` in batches, in file order, the last one by end();
  // the batch is cleared when hand_off returns. Whoever takes them folds
  // them into folder() with FoldingHalf::take_batch, in the order handed
  // (the CLI on a second thread); ledgers(), figures(), segments() and
  // drill() are complete once every batch handed is folded.
  void hand_off_lines(std::function<void(PackedLines&)> hand_off) { hand_off_ = std::move(hand_off); }
  FoldingHalf& folder() { return folder_; }
  // A session that only folds the lines another one read (in another
  // worker) takes that one's part of the report once it has read every
  // file: its report is then the report of the session that read them.
  void adopt_reading(ReadingSummary part) { adopted_reading_ = std::move(part); }
  const ReadingSummary* adopted_reading() const { return adopted_reading_ ? &*adopted_reading_ : nullptr; }
  // The latest date the files record as past: booking (close), created,
  // cancel and delivery dates of the lines accepted (an open deal's created
  // date only: its close date is a forecast), invoice and fulfilment dates,
  // a subscription's start, end and current period start. The as-of default (report_as_of).
  std::optional<Date> data_end() const { return data_end_; }

 private:
  void on_record(const CsvRecord& record);
  void on_csv_issue(const CsvIssue& issue);
  BBB_COLD void take_header(const CsvRecord& record);
  BBB_COLD void decide_formats();
  BBB_COLD void size_id_table(std::uint64_t sample_rows, std::uint64_t sample_bytes, std::uint64_t sample_table_ids);
  BBB_COLD void keep_sample_row(const CsvRecord& record);
  void process(const CsvRecord& record);
  // The problems the CSV reader found in the row's text; false when one is an error.
  BBB_COLD bool take_text_issues(const CsvRecord& record, RowResult* result);
  BBB_COLD void log_row_issues(const CsvRecord& record, RowResult* result);
  void process_contract(const CsvRecord& record, RowResult* result);
  // The row's keyword cells into its file's census, with the row's amount when read.
  void count_values(const CsvRecord& record, const CurrencyCode& currency, const RowResult& r, std::int64_t amount_read);
  BBB_COLD void reject_duplicate(const CsvRecord& record, const ContractLine& line, std::uint32_t earlier, RowResult* r);
  BBB_COLD void reject_too_large(const CsvRecord& record, const ContractLine& line, RowResult* r);
  // Rows of the other files: out of line, so that the per-row function a
  // contracts file runs (and V8 optimises) holds only its own kind.
  BBB_OUT_OF_LINE void process_invoice(const CsvRecord& record, RowResult* result);
  BBB_OUT_OF_LINE void process_fulfilment(const CsvRecord& record, RowResult* result);
  BBB_OUT_OF_LINE void process_subscription(const CsvRecord& record, RowResult* result);
  BBB_OUT_OF_LINE void process_invoice_line(const CsvRecord& record, RowResult* result);
  // Whether a file gives lines: contracts, subscriptions, invoices read alone.
  static bool lines_from(const FileSummary& f) { return gives_lines(f.kind) || f.invoices_alone; }
  // A line above the header that is a report's title (one cell or none):
  // held, and counted as skipped once a header comes (spec 11).
  BBB_COLD bool hold_title_line(const CsvRecord& record);
  BBB_COLD void note_subscription_snapshot();
  // An accepted line to the folding half, at once or in the next batch,
  // with the invoice and fulfilment rows matched to it (deliver) or given.
  // Hands the line to the folding half; true when fulfilment rows schedule it.
  bool deliver(const ContractLine& line, std::string_view segment);
  // A booked line read with no term, or given the default one, into its file's counts.
  void tally_term(RowResult::Term term, const ContractLine& line);
  void hand_over(const ContractLine& line, std::string_view segment, std::vector<DatedAmount> invoices,
                 const Fulfilment* fulfilment);
  // The row's value of the split_by column ("(none)" when empty), empty when not split.
  std::string_view segment_of(const CsvRecord& record) const;
  // A CSV reader for the current file, its records and issues to this session.
  void start_csv_reader(const CsvOptions& options);
  // Not cold (every line of a file with invoices), but kept out of deliver.
  void add_rejected_value(const CurrencyCode& currency, std::int64_t amount);
  [[gnu::noinline]] bool take_aux_rows(const ContractLine& line, std::vector<DatedAmount>* invoices, Fulfilment* fulfilment);
  // A row counted as accepted when read, rejected once its line is known.
  void count_as_rejected(FileKind kind);
  void reject_unmatched_rows();
  // The header of a file's column for a field, as an issue names it (the field's name when unmapped).
  std::string column_of(FileKind kind, Field field) const;
  void file_issue(const std::string& severity, const std::string& code, const std::string& message);
  void note_terms(const RowCounts& rows);

  ReadSettings settings_;
  IssueLog issues_;
  std::vector<FileSummary> files_;
  FoldingHalf folder_;
  std::optional<ReadingSummary> adopted_reading_;
  std::optional<Date> data_end_;
  void note_date(Date d) { if (!data_end_ || *data_end_ < d) data_end_ = d; }
  void note_dates(const ContractLine& line);
  std::function<void(PackedLines&)> hand_off_;  // none: lines are folded as they are read
  PackedLines batch_;                           // with hand_off_: the lines not yet handed
  std::map<CurrencyCode, std::int64_t> booked_total_;  // accepted booked amounts, per currency
  std::map<CurrencyCode, std::int64_t> pipeline_total_;  // accepted open and lost amounts, per currency
  CurrencyIndex<std::int64_t> booked_index_;
  std::int64_t& booked_total(const CurrencyCode& currency);
  int split_column_ = -1;  // the split_by column of the contracts file being read

  // The file being read.
  std::unique_ptr<CsvReader> reader_;
  std::unique_ptr<WorkbookReader> workbook_;  // the current file's, when it is a workbook
  bool refused_ = false;                      // refuse_file() was called for the current file
  std::string workbook_error_;                // fail_workbook()'s sentence
  BBB_COLD void end_workbook();
  bool header_seen_ = false;
  bool fatal_ = false;
  bool rejected_value_capped_ = false;  // said once a session
  std::unique_ptr<RowReader> row_reader_;
  SampleRows sample_;  // the first rows, until the formats are decided
  std::vector<CsvIssue> pending_csv_issues_;
  ContractLine line_;  // the row being read (its text is views of the record)
  std::string interval_id_;  // a subscription interval's line id ("sub_1 #3"), valid while it is delivered
  std::vector<SubscriptionInterval> subscription_intervals_;
  bool subscription_bound_told_ = false;
  std::vector<std::pair<std::size_t, std::vector<CsvIssue>>> sampled_issues_;  // by sample row
  SampleRows held_titles_;      // title lines above the header, not yet known to be titles
  bool replaying_titles_ = false;  // a file of title lines only: read again as it was
  // A report grouped by a first column with no header (QuickBooks): the
  // heading rows under it name the group of the rows that follow.
  bool group_column_ = false;
  std::string group_name_;

  // Across files.
  bool contracts_seen_ = false;
  DuplicateIds contract_ids_;  // id -> line of its first row
  std::uint64_t expected_bytes_ = 0;  // the current file's size, 0 when not known
  struct AuxRows {
    std::vector<InvoiceRow> invoices;
    std::vector<FulfilmentRow> fulfilment;
    bool matched = false;
  };
  std::unordered_map<std::string, AuxRows> aux_;
};

}  // namespace bbb
