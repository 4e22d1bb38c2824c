#include "bbb/report_json.h"

#include <algorithm>
#include <map>
#include <vector>

#include "bbb/report_size.h"
#include "report/recurring_json.h"
#include "report/segments.h"
#include "report/json_writer.h"
#include "report/sales_json.h"

namespace bbb {
namespace {

void write_growth(JsonWriter& w, const Growth& g, bool known = true) {
  if (!known) {  // a figure not known has no growth
    w.object().key("period_over_period").null().key("year_over_year").null().end();
    return;
  }
  w.object();
  write_ratio(w.key("period_over_period"), g.period_over_period);
  write_ratio(w.key("year_over_year"), g.year_over_year);
  w.end();
}

// One period's figures, as an open object: the caller may add keys, then end() it.
// A figure the lines cannot tell (KnownFigures) is null, never 0.
void open_period(JsonWriter& w, const PeriodFigures& f, bool with_growth, const KnownFigures& known) {
  w.object().field_text("period", f.period.label).field_text("start", f.period.start().iso()).field_text("end", f.period.end().iso());
  for (const PeriodField& field : period_fields(f)) {
    if (field.known(known)) w.field(field.name, field.value);
    else w.key(field.name).null();
  }
  w.key("bookings_by_type");
  if (known.bookings) {
    w.object();
    for (const auto& [type, amount] : f.bookings_by_type) w.text_key(type).value(amount);
    w.end();
  } else {
    w.null();
  }
  // Ratios of bookings or backlog: not known without them.
  write_ratio(w.key("book_to_bill"), known.bookings ? f.book_to_bill : std::nullopt);
  write_ratio(w.key("book_to_revenue"), known.bookings ? f.book_to_revenue : std::nullopt);
  write_ratio(w.key("backlog_months"), known.bookings ? f.backlog_months : std::nullopt);
  const MonthTotals& t = f.trailing_12_months;
  w.key("trailing_12_months").object().field_text("start", f.period.last.plus(-11).first_day().iso())
      .field_text("end", f.period.end().iso());
  if (known.bookings) w.field("bookings", t.bookings); else w.key("bookings").null();
  w.field("billings", t.billings);
  if (known.revenue) w.field("revenue", t.revenue); else w.key("revenue").null();
  w.end();
  if (with_growth) {
    w.key("growth").object();
    write_growth(w.key("bookings"), f.bookings_growth, known.bookings);
    write_growth(w.key("billings"), f.billings_growth);
    write_growth(w.key("revenue"), f.revenue_growth, known.revenue);
    write_growth(w.key("backlog_end"), f.backlog_growth, known.bookings);
    w.end();
  }
}

void write_rows(JsonWriter& w, const RowCounts& rows) {
  w.object().field("read", rows.read).field("accepted", rows.accepted).field("rejected", rows.rejected);
  w.key("rejected_value").object();
  for (const auto& [currency, minor] : rows.rejected_value) w.text_key(currency.view()).value(minor);
  w.end();
  w.key("skipped").array();
  for (const SkippedLines& s : rows.skipped)
    w.object().field_text("kind", s.kind).field("count", s.count).field("first_line", s.first_line).end();
  w.end();
  // Only when some booked line had no term: most files have none to tell.
  auto tallies = [&w](const char* key, const std::map<CurrencyCode, RowCounts::Tally>& by_currency) {
    if (by_currency.empty()) return;
    w.key(key).object();
    for (const auto& [currency, t] : by_currency)
      w.text_key(currency.view()).object().field("count", t.count).field("value", t.value).end();
    w.end();
  };
  tallies("no_term", rows.no_term);
  tallies("default_term", rows.default_term);
  w.end();
}

void write_file(JsonWriter& w, const FileSummary& f) {
  w.object().field_text("kind", file_kind_name(f.kind)).field_text("name", f.name).key("readable").boolean(f.readable);
  w.key("rows");
  write_rows(w, f.rows);
  w.field_text("encoding", encoding_name(f.dialect.encoding)).key("bom").boolean(f.dialect.had_bom);
  w.field_text("delimiter", std::string(1, f.dialect.delimiter));
  w.key("header").array();
  for (const std::string& h : f.mapping.headers) w.text(h);
  w.end();
  w.key("source").object().field_text("profile", f.source->key).field_text("name", f.source->name)
      .field_text("reason", f.source_reason);
  if (f.source->offered_term_months > 0) w.field("offered_term_months", f.source->offered_term_months);
  w.end();
  w.key("mapping").object();
  for (int i = 0; i < static_cast<int>(Field::kCount); ++i) {
    const int c = f.mapping.column[i];
    if (c != ColumnMapping::kNone) w.text_key(field_name(static_cast<Field>(i))).text(f.mapping.headers[static_cast<std::size_t>(c)]);
  }
  w.end();
  w.key("dimensions").array();
  for (int c : f.mapping.dimensions) w.text(f.mapping.headers[static_cast<std::size_t>(c)]);
  w.end();
  w.key("decimal").object().field_text("separator", std::string(1, f.formats.formats.decimal))
      .field_text("source", f.formats.decimal_source).end();
  w.key("date_order").object();
  for (const auto& [field, source] : f.formats.date_order_source)
    w.text_key(field_name(field)).object().field_text("order", date_order_name(f.formats.formats.order_of(field)))
        .field_text("source", source).end();
  w.end();
  if (f.workbook) {
    w.key("workbook").object().field_text("sheet", f.workbook->sheet).key("sheets").array();
    for (const std::string& sheet : f.workbook->sheets) w.text(sheet);
    w.end().end();
  }
  w.key("values").array();
  for (const ValueCensus::Column& c : f.values.columns()) {
    w.object().field_text("field", field_name(c.field))
        .field_text("column", f.mapping.headers[static_cast<std::size_t>(f.mapping.of(c.field))]);
    w.key("values").array();
    for (const ValueCensus::Value& v : c.values) {
      w.object().field_text("value", v.text).field("rows", v.rows);
      w.key("amounts").object();
      for (const auto& [currency, minor] : v.amounts) w.text_key(currency.view()).value(minor);
      w.end();
      w.key("reads_as");
      if (v.reading.empty()) w.null(); else w.text(v.reading);
      w.key("mapped").boolean(v.mapped).end();
    }
    w.end();
    w.field("other_values", c.other_values).field("other_rows", c.other_rows).end();
  }
  w.end().end();
}

void write_issue(JsonWriter& w, const Issue& i) {
  w.object().field_text("file", i.file).field("line", i.line).field_text("column", i.column).field_text("severity", i.severity)
      .field_text("code", i.code).field_text("message", i.message);
  if (!i.value.empty()) w.field_text("value", i.value);
  if (!i.raw.empty()) w.field_text("raw", i.raw);
  w.end();
}

// One view of a waterfall grouped into the report's periods: a row per
// period, then the rows outside them when they hold anything in the range
// ("earlier": booked or billed before the first period; "later": billed
// after the last, for revenue earned ahead of an invoice; "not billed").
// Every row: opened (bookings or billings) = revenue_before (recognised
// before the first period) + its cells + cancellations + what is left at the
// end of the range (backlog_end, or not_recognised). A column adds up to the
// period's revenue.
void write_waterfall_view(JsonWriter& w, const std::map<std::int32_t, WaterfallRow>& by_month,
                          const std::vector<Period>& periods, bool booked_view) {
  w.array();
  if (periods.empty()) { w.end(); return; }
  const YearMonth range_first = periods.front().first, range_last = periods.back().last;
  const WaterfallPeriods grouping(periods);
  // lo..hi: the row's months; a row's start and end dates (where it has
  // them) are what a drill-down of its cells asks for.
  auto emit = [&](const std::string& label, const char* kind, std::int32_t lo, std::int32_t hi, bool always) {
    const WaterfallPeriodRow row = grouping.row(by_month, lo, hi);
    // Rows billed after the range, or never, hold only revenue: their
    // invoices are outside the report.
    const bool only_revenue = !booked_view && (std::string(kind) == "later" || std::string(kind) == "not_billed");
    if (!always && !row.any_cell && row.cancelled == 0 && (row.left == 0 || only_revenue)) return;
    w.object().field_text(booked_view ? "booked" : "billed", label).field_text("kind", kind);
    if (lo != INT32_MIN && lo != Waterfall::kNotBilledRow) w.field_text("start", YearMonth::from_index(lo).first_day().iso());
    if (hi < Waterfall::kNotBilledRow - 1) w.field_text("end", YearMonth::from_index(hi).last_day().iso());
    if (!only_revenue) w.field(booked_view ? "bookings" : "billings", row.opened);
    w.field("revenue_before", row.revenue_before).key("revenue").integers(row.cells.data(), row.cells.size());
    if (booked_view) w.field("cancellations", row.cancelled).field("backlog_end", row.left);
    else if (!only_revenue) w.field("not_recognised", row.left);
    w.end();
  };
  emit("earlier", "earlier", INT32_MIN, range_first.index() - 1, false);
  for (const Period& p : periods) emit(p.label, "period", p.first.index(), p.last.index(), true);
  if (!booked_view) {
    emit("later", "later", range_last.index() + 1, Waterfall::kNotBilledRow - 1, false);
    emit("not billed", "not_billed", Waterfall::kNotBilledRow, Waterfall::kNotBilledRow, false);
  }
  w.end();
}

// The waterfall of one currency (or segment): revenue by the period in which
// it was booked (rows) and recognised (columns); and the same by the period
// in which it was billed.
void write_waterfall(JsonWriter& w, const Waterfall& wf, const std::vector<Period>& periods,
                     const std::optional<std::string>& omitted) {
  // A grid of periods x periods: past its caps it says why instead of
  // growing without bound (report_size.h).
  w.object();
  if (omitted) {
    w.key("columns").array().end().key("rows").array().end();
    w.key("billed").object().key("columns").array().end().key("rows").array().end().end();
    w.field_text("omitted", *omitted);
    w.end();
    return;
  }
  auto columns = [&] {
    w.key("columns").array();
    for (const Period& p : periods) w.text(p.label);
    w.end();
  };
  columns();
  w.key("rows");
  write_waterfall_view(w, wf.booked(), periods, true);
  w.key("billed").object();
  columns();
  w.key("rows");
  write_waterfall_view(w, wf.billed(), periods, false);
  w.end().end();
}

// One currency (or one segment of it) as an open object: the period
// figures, and with its folded figures the sales figures of each period, the
// pipeline, orders, forward view and waterfall. The caller may add keys
// (the segments; a segment's value), then end() it.
void open_currency(JsonWriter& w, const CurrencyReport& c, const FoldedFigures* figures, const MrrReport* mrr,
                   const ReportSettings& settings, const std::optional<Date>& as_of,
                   const std::optional<std::string>& waterfall_omitted, const KnownFigures& known) {
  // Without bookings (invoices alone) there are no deals, orders or backlog
  // to look forward from, and no MRR: the sales figures, pipeline, orders,
  // forward view and waterfall are left out, and `mrr` is null.
  if (!known.bookings) figures = nullptr, mrr = nullptr;
  const auto write_period_mrr = [&](const MrrFigures* f) {
    w.key("mrr");
    if (f) write_mrr(w, *f);
    else w.null();
  };
  w.object().field("minor_digits", c.minor_digits).key("periods").array();
  for (std::size_t i = 0; i < c.periods.size(); ++i) {
    const PeriodFigures& p = c.periods[i];
    open_period(w, p, true, known);
    write_period_mrr(mrr ? &mrr->periods[i] : nullptr);
    if (figures) {
      w.key("sales");
      write_period_sales(w, figures->sales, p.period);
    }
    w.end();
  }
  w.end();
  if (!c.periods.empty()) {
    w.key("total");
    open_period(w, c.total, false, known);
    write_period_mrr(mrr ? &mrr->total : nullptr);
    w.end();
  }
  if (figures && as_of) {
    w.key("pipeline");
    write_pipeline(w, figures->sales, *as_of);
    w.key("orders");
    write_orders(w, figures->sales, *as_of);
  }
  if (figures && figures->forward) {
    w.key("forward");
    write_forward(w, *figures->forward, settings.period, settings.fiscal_start);
  }
  if (figures && figures->waterfall) {
    std::vector<Period> periods;
    for (const PeriodFigures& p : c.periods) periods.push_back(p.period);
    w.key("waterfall");
    write_waterfall(w, *figures->waterfall, periods, waterfall_omitted);
  }
}

// The segments of one currency: the `top` largest by bookings over the
// report's range, then every other value merged into "other".
void write_segments(JsonWriter& w, const Session& session, const std::map<std::string, FoldedFigures>& by_value,
                    const RecurringRevenue& recurring, const CurrencyCode& currency, const std::vector<Period>& periods,
                    YearMonth first_month, const ReportSettings& settings, const std::optional<Date>& as_of,
                    const std::optional<std::string>& waterfall_omitted) {
  const ShownSegments shown = shown_segments(by_value, session.settings(), periods, settings.top);
  w.object().field_text("by", session.settings().split_by).key("values").array();
  for (const ShownSegments::Listed& l : shown.listed) {
    const MrrReport mrr = mrr_report(recurring, periods, MrrScope::of({l.figures->segment}));
    open_currency(w, currency_report(l.figures->ledger, currency, periods, first_month, settings), l.figures, &mrr,
                  settings, as_of, waterfall_omitted, session.known_figures());
    w.field_text("value", *l.value).end();
  }
  if (shown.other) {
    const MrrReport mrr = mrr_report(recurring, periods, MrrScope::of(shown.other_segments));
    open_currency(w, currency_report(shown.other->ledger, currency, periods, first_month, settings), &*shown.other, &mrr,
                  settings, as_of, waterfall_omitted, session.known_figures());
    // Every value not listed above, not a value named "other".
    w.field_text("value", "other").key("other").boolean(true).end();
  }
  w.end().end();
}

// A date, or null when the line has none.
void write_date_or_null(JsonWriter& w, std::string_view name, const std::optional<Date>& date) {
  if (date) w.field_text(name, date->iso());
  else w.key(name).null();
}

void write_drill_terms(JsonWriter& w, const DrillTerms& t) {
  write_date_or_null(w, "booking_date", t.booking);
  write_date_or_null(w, "start", t.start);
  write_date_or_null(w, "end", t.end);
  if (t.term_months > 0) w.field("term_months", t.term_months);
  else w.key("term_months").null();
  w.field_text("billing", billing_kind_name(t.billing));
  write_date_or_null(w, "billing_start", t.billing_start);
  w.field_text("recognition", recognition_name(t.recognition));
  write_date_or_null(w, "delivery_date", t.delivery);
  write_date_or_null(w, "cancel_date", t.cancel);
  w.field_text("status", status_name(t.status)).field_text("type", t.type);
}

void write_drill(JsonWriter& w, const DrillCollector& d) {
  const DrillRequest& q = d.request();
  w.object().field_text("currency", q.currency.view()).field_text("metric", q.metric).field_text("from", q.from.iso())
      .field_text("to", q.to.iso()).field("value", d.value()).field("count", d.count()).key("lines").array();
  for (const DrillLine& l : d.top_lines()) {
    w.object().field_text("id", l.id).field_text("customer", l.customer).field("line", l.line).field("amount", l.amount)
        .field("contribution", l.contribution);
    write_drill_terms(w, l.terms);
    w.end();
  }
  w.end();
  if (q.age_bucket >= 0) w.field_text("age", q.age_bucket == DrillRequest::kNoCreatedDate ? "none" : age_bucket_label(q.age_bucket));
  if (q.row_from) w.field_text("row_from", q.row_from->iso());
  if (q.row_to) w.field_text("row_to", q.row_to->iso());
  if (q.not_billed_row) w.key("not_billed").boolean(true);
  if (q.segment) w.field_text("segment", *q.segment);
  if (q.segment_other) {
    w.key("segment").object().key("other_than").array();
    for (const std::string& v : q.segment_other_than) w.text(v);
    w.end().end();
  }
  w.end();
}

void write_report(JsonWriter& w, const Session& session, const ReportSettings& settings) {
  const ReadSettings& rs = session.settings();
  const std::vector<Period> periods = report_periods(session.ledgers(), settings);
  const YearMonth first_month = first_event_month(session.ledgers(), periods);
  const std::optional<std::string> no_waterfall = waterfall_omitted(report_size(session, settings));
  const std::optional<Date> as_of = report_as_of(rs.as_of, periods);

  w.object();
  w.key("engine").object().field_text("name", "bbb").field_text("version", kEngineVersion).field_text("spec", "v1").end();
  w.key("settings").object().field_text("period", period_kind_name(settings.period)).field("fiscal_start", settings.fiscal_start)
      .field_text("proration", proration_name(rs.proration)).field_text("currency", rs.default_currency.view());
  if (settings.from) w.field_text("from", settings.from->iso());
  if (settings.to) w.field_text("to", settings.to->iso());
  write_date_or_null(w, "as_of", as_of);
  // The reading half's part: taken from the worker that read the files
  // when this session only folded their lines (reading_summary.h).
  const ReadingSummary* adopted = session.adopted_reading();
  const ReadingSummary live = adopted ? ReadingSummary() : reading_summary(session);
  const ReadingSummary& reading = adopted ? *adopted : live;
  // What to read with when the user sets no as-of date (default_as_of).
  write_date_or_null(w, "data_end", reading.data_end);
  w.key("as_of_default");
  if (const std::optional<AsOfDefault> d = default_as_of(reading.data_end, rs.today))
    w.object().field_text("date", d->date.iso()).field_text("reason", d->reason).end();
  else w.null();
  if (rs.default_term_months > 0) w.field("default_term", rs.default_term_months);
  if (!rs.split_by.empty()) w.field_text("split_by", rs.split_by).field("top", settings.top);
  w.end();

  w.key("rows").written(reading.rows);
  // The decimal places of every currency the report names, rejected rows' and the values list's included.
  // In the order first named: the booked currencies, then those of rejected rows and listed values only.
  std::vector<CurrencyCode> named;
  auto name = [&](const CurrencyCode& c) {
    if (std::find(named.begin(), named.end(), c) == named.end()) named.push_back(c);
  };
  for (const auto& [currency, ledger] : session.ledgers()) name(currency);
  for (const CurrencyCode& c : reading.rejected_currencies) name(c);
  w.key("minor_digits").object();
  for (const CurrencyCode& c : named) w.text_key(c.view()).value(minor_digits(c));
  w.end();
  w.written(reading.files_and_issues);

  w.key("currencies").object();
  for (const auto& [currency, ledger] : session.ledgers()) {
    const auto found = session.figures().find(currency);
    const FoldedFigures* figures = found != session.figures().end() ? &found->second : nullptr;
    const RecurringRevenue no_recurring;
    const RecurringRevenue& recurring = figures ? figures->recurring : no_recurring;
    std::vector<MrrCohort> cohorts;
    const MrrReport mrr = mrr_report_and_cohorts(recurring, periods, kCohortMonths, &cohorts);
    w.text_key(currency.view());
    open_currency(w, currency_report(ledger, currency, periods, first_month, settings), figures, &mrr, settings, as_of,
                  no_waterfall, session.known_figures());
    w.key("cohorts");
    if (!session.known_figures().bookings) w.null();
    else if (periods.empty()) w.array().end();
    else write_cohorts(w, cohorts);
    const auto segments = session.segments().find(currency);
    if (segments != session.segments().end()) {
      w.key("segments");
      write_segments(w, session, segments->second, recurring, currency, periods, first_month, settings, as_of,
                     no_waterfall);
    }
    w.end();
  }
  w.end();
  if (const DrillCollector* d = session.drill()) {
    w.key("drill");
    write_drill(w, *d);
  }
  w.end();
}

}  // namespace

ReadingSummary reading_summary(const Session& session) {
  ReadingSummary part;
  {
    JsonWriter w(&part.rows);
    write_rows(w, session.contract_rows());
  }
  for (const FileSummary& f : session.files()) {
    for (const auto& [currency, value] : f.rows.rejected_value) part.rejected_currencies.push_back(currency);
    // The values list's amounts are in currencies a reader must know the digits of too (a lost deal's).
    for (const ValueCensus::Column& c : f.values.columns())
      for (const ValueCensus::Value& v : c.values)
        for (const auto& [currency, amount] : v.amounts) part.rejected_currencies.push_back(currency);
  }
  {
    JsonWriter w(&part.files_and_issues);
    w.key("files").array();
    for (const FileSummary& f : session.files()) write_file(w, f);
    w.end();
    w.key("issues").array();
    for (const Issue& i : session.issues().listed()) write_issue(w, i);
    w.end();
    w.key("issue_counts").object();
    for (const auto& [code, n] : session.issues().counts()) w.text_key(code).value(n);
    w.end();
    w.field("issues_unlisted", session.issues().unlisted());
  }
  part.data_end = session.data_end();
  return part;
}

std::string render_report(const Session& session, const ReportSettings& settings) {
  std::string out;
  {
    JsonWriter w(&out);
    write_report(w, session, settings);
  }  // the writer's end trims its room
  return out;
}

std::string report_envelope(const Session& session, const ReportSettings& settings) {
  if (const auto too_large = report_too_large(report_size(session, settings))) return error_envelope("report_too_large", *too_large);
  // Written in place: a report can be megabytes, not worth copying twice.
  std::string out = "{\"ok\":true,\"report\":";
  {
    JsonWriter w(&out);
    write_report(w, session, settings);
  }
  out += '}';
  return out;
}

std::string error_envelope(const std::string& code, const std::string& message) {
  std::string out;
  {
    JsonWriter w(&out);
    w.object().key("ok").boolean(false).key("error").object().field_text("code", code).field_text("message", message).end().end();
  }
  return out;
}

std::string file_envelope(const Session& session) {
  if (session.files().empty()) return error_envelope("no_file", "no file has been read");
  std::string out;
  {
    JsonWriter w(&out);
    w.object().key("ok").boolean(true).key("file");
    write_file(w, session.files().back());
    w.end();
  }
  return out;
}

}  // namespace bbb
