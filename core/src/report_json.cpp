#include "bbb/report_json.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "sales_json.h"

namespace bbb {
namespace {

Json ratio_json(const std::optional<Ratio>& r) {
  if (!r) return nullptr;
  // Exact decimal digits, then one conversion: identical in every build.
  return static_cast<double>(r->ten_thousandths) / 10000.0;
}

Json growth_json(const Growth& g) {
  return Json{{"period_over_period", ratio_json(g.period_over_period)}, {"year_over_year", ratio_json(g.year_over_year)}};
}

Json period_json(const PeriodFigures& f, bool with_growth) {
  Json by_type = Json::object();
  for (const auto& [type, amount] : f.bookings_by_type) by_type[type] = amount;
  Json j{{"period", f.period.label}, {"start", f.period.start().iso()}, {"end", f.period.end().iso()}};
  for (const PeriodField& field : period_fields(f)) j[field.name] = field.value;
  j["bookings_by_type"] = by_type;
  j["book_to_bill"] = ratio_json(f.book_to_bill);
  j["book_to_revenue"] = ratio_json(f.book_to_revenue);
  j["backlog_months"] = ratio_json(f.backlog_months);
  const MonthTotals& t = f.trailing_12_months;
  j["trailing_12_months"] = Json{{"start", f.period.last.plus(-11).first_day().iso()}, {"end", f.period.end().iso()},
                                 {"bookings", t.bookings}, {"billings", t.billings}, {"revenue", t.revenue}};
  if (with_growth) {
    j["growth"] = Json{{"bookings", growth_json(f.bookings_growth)},
                       {"billings", growth_json(f.billings_growth)},
                       {"revenue", growth_json(f.revenue_growth)},
                       {"backlog_end", growth_json(f.backlog_growth)}};
  }
  return j;
}

Json rows_json(const RowCounts& rows) {
  Json value = Json::object();
  for (const auto& [currency, minor] : rows.rejected_value) value[std::string(currency.view())] = minor;
  return Json{{"read", rows.read}, {"accepted", rows.accepted}, {"rejected", rows.rejected}, {"rejected_value", value}};
}

Json file_json(const FileSummary& f) {
  Json mapping = Json::object();
  for (int i = 0; i < static_cast<int>(Field::kCount); ++i) {
    const int c = f.mapping.column[i];
    if (c != ColumnMapping::kNone) mapping[field_name(static_cast<Field>(i))] = f.mapping.headers[static_cast<std::size_t>(c)];
  }
  Json dimensions = Json::array();
  for (int c : f.mapping.dimensions) dimensions.push_back(f.mapping.headers[static_cast<std::size_t>(c)]);
  Json date_orders = Json::object();
  for (const auto& [field, source] : f.formats.date_order_source)
    date_orders[field_name(field)] = Json{{"order", date_order_name(f.formats.formats.order_of(field))}, {"source", source}};
  return Json{
      {"kind", file_kind_name(f.kind)},
      {"name", f.name},
      {"readable", f.readable},
      {"rows", rows_json(f.rows)},
      {"encoding", encoding_name(f.dialect.encoding)},
      {"bom", f.dialect.had_bom},
      {"delimiter", std::string(1, f.dialect.delimiter)},
      {"header", f.mapping.headers},
      {"mapping", mapping},
      {"dimensions", dimensions},
      {"decimal", Json{{"separator", std::string(1, f.formats.formats.decimal)}, {"source", f.formats.decimal_source}}},
      {"date_order", date_orders},
  };
}

Json issue_json(const Issue& i) {
  Json j{{"file", i.file}, {"line", i.line}, {"column", i.column}, {"severity", i.severity}, {"code", i.code},
         {"message", i.message}};
  if (!i.value.empty()) j["value"] = i.value;
  if (!i.raw.empty()) j["raw"] = i.raw;
  return j;
}

// One view of a waterfall grouped into the report's periods: a row per
// period, then the rows outside them when they hold anything in the range
// ("earlier": booked or billed before the first period; "later": billed
// after the last, for revenue earned ahead of an invoice; "not billed").
// Every row: opened (bookings or billings) = revenue_before (recognised
// before the first period) + its cells + cancellations + what is left at the
// end of the range (backlog_end, or not_recognised). A column adds up to the
// period's revenue.
Json waterfall_view_json(const std::map<std::int32_t, WaterfallRow>& by_month, const std::vector<Period>& periods,
                         bool booked_view) {
  Json rows = Json::array();
  if (periods.empty()) return rows;
  const YearMonth range_first = periods.front().first, range_last = periods.back().last;
  // lo..hi: the row's months; a row's start and end dates (where it has
  // them) are what a drill-down of its cells asks for.
  auto emit = [&](const std::string& label, const char* kind, std::int32_t lo, std::int32_t hi, bool always) {
    WaterfallRow row;
    for (auto it = by_month.lower_bound(lo); it != by_month.end() && it->first <= hi; ++it) row.merge(it->second);
    Json cells = Json::array();
    std::int64_t in_range = 0;
    bool any = false;
    for (const Period& p : periods) {
      const std::int64_t r = row.revenue_in(p.first, p.last);
      cells.push_back(r);
      in_range += r;
      any = any || r != 0;
    }
    const std::int64_t before = row.revenue_in(YearMonth::from_index(INT32_MIN / 2), range_first.plus(-1));
    const std::int64_t cancelled = row.cancelled_in(YearMonth::from_index(INT32_MIN / 2), range_last);
    const std::int64_t left = row.opened - before - in_range - cancelled;
    // Rows billed after the range, or never, hold only revenue: their
    // invoices are outside the report.
    const bool only_revenue = !booked_view && (std::string(kind) == "later" || std::string(kind) == "not_billed");
    if (!always && !any && cancelled == 0 && (left == 0 || only_revenue)) return;
    Json j{{booked_view ? "booked" : "billed", label}, {"kind", kind}};
    if (lo != INT32_MIN && lo != Waterfall::kNotBilledRow) j["start"] = YearMonth::from_index(lo).first_day().iso();
    if (hi < Waterfall::kNotBilledRow - 1) j["end"] = YearMonth::from_index(hi).last_day().iso();
    if (!only_revenue) j[booked_view ? "bookings" : "billings"] = row.opened;
    j["revenue_before"] = before;
    j["revenue"] = cells;
    if (booked_view) {
      j["cancellations"] = cancelled;
      j["backlog_end"] = left;
    } else if (!only_revenue) {
      j["not_recognised"] = left;
    }
    rows.push_back(std::move(j));
  };
  emit("earlier", "earlier", INT32_MIN, range_first.index() - 1, false);
  for (const Period& p : periods) emit(p.label, "period", p.first.index(), p.last.index(), true);
  if (!booked_view) {
    emit("later", "later", range_last.index() + 1, Waterfall::kNotBilledRow - 1, false);
    emit("not billed", "not_billed", Waterfall::kNotBilledRow, Waterfall::kNotBilledRow, false);
  }
  return rows;
}

// The waterfall of one currency (or segment): revenue by the period in which
// it was booked (rows) and recognised (columns); and the same by the period
// in which it was billed.
Json waterfall_json(const Waterfall& w, const std::vector<Period>& periods) {
  // A grid of periods x periods: past 20 years of months it says so instead
  // of growing without bound (a file spanning 1900-2199 would need 13 million cells).
  constexpr std::size_t kMaxWaterfallPeriods = 240;
  if (periods.size() > kMaxWaterfallPeriods) {
    return Json{{"columns", Json::array()}, {"rows", Json::array()},
                {"billed", Json{{"columns", Json::array()}, {"rows", Json::array()}}},
                {"omitted", "the report has " + std::to_string(periods.size()) + " periods; the waterfall shows at most " +
                                std::to_string(kMaxWaterfallPeriods) + ": choose quarters or years, or a From/To range"}};
  }
  Json columns = Json::array();
  for (const Period& p : periods) columns.push_back(p.label);
  return Json{{"columns", columns},
              {"rows", waterfall_view_json(w.booked(), periods, true)},
              {"billed", Json{{"columns", columns}, {"rows", waterfall_view_json(w.billed(), periods, false)}}}};
}

// One currency (or one segment of it): the period figures, and with its book
// the sales figures of each period, the pipeline, orders and forward view.
Json currency_json(const CurrencyReport& c, const Book* book, const ReportSettings& settings,
                   const std::optional<Date>& as_of) {
  Json periods = Json::array();
  for (const PeriodFigures& p : c.periods) {
    Json pj = period_json(p, true);
    if (book) pj["sales"] = period_sales_json(book->sales, p.period);
    periods.push_back(std::move(pj));
  }
  Json cj{{"minor_digits", c.minor_digits}, {"periods", periods}};
  if (!c.periods.empty()) cj["total"] = period_json(c.total, false);
  if (book && as_of) {
    cj["pipeline"] = pipeline_json(book->sales, *as_of);
    cj["orders"] = orders_json(book->sales, *as_of);
  }
  if (book && book->forward) cj["forward"] = forward_json(*book->forward, settings.period, settings.fiscal_start);
  if (book && book->waterfall) {
    std::vector<Period> periods;
    for (const PeriodFigures& p : c.periods) periods.push_back(p.period);
    cj["waterfall"] = waterfall_json(*book->waterfall, periods);
  }
  return cj;
}

// The segments of one currency: the `top` largest by bookings over the
// report's range, then every other value merged into "other".
Json segments_json(const Session& session, const std::map<std::string, Book>& by_value, const CurrencyCode& currency,
                   const std::vector<Period>& periods, const ReportSettings& settings, const std::optional<Date>& as_of) {
  struct Ranked { const std::string* value; const Book* book; std::int64_t bookings; };
  std::vector<Ranked> ranked;
  for (const auto& [value, book] : by_value) {
    std::int64_t bookings = 0;
    if (!periods.empty()) bookings = currency_report(book.ledger, currency, {Period{periods.front().first, periods.back().last, ""}}, settings).periods[0].flows.bookings;
    ranked.push_back({&value, &book, bookings});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.bookings > b.bookings; });
  Json values = Json::array();
  Book other(session.settings());
  bool any_other = false;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const Book& b = *ranked[i].book;
    if (static_cast<int>(i) < settings.top && *ranked[i].value != Session::kOtherSegment) {
      Json v = currency_json(currency_report(b.ledger, currency, periods, settings), &b, settings, as_of);
      v["value"] = *ranked[i].value;
      values.push_back(std::move(v));
      continue;
    }
    any_other = true;
    merge_ledger(b.ledger, &other.ledger);
    other.sales.merge(b.sales);
    if (other.forward && b.forward) other.forward->merge(*b.forward);
    if (other.waterfall && b.waterfall) other.waterfall->merge(*b.waterfall);
  }
  if (any_other) {
    Json v = currency_json(currency_report(other.ledger, currency, periods, settings), &other, settings, as_of);
    v["value"] = "other";
    v["other"] = true;  // every value not listed above, not a value named "other"
    values.push_back(std::move(v));
  }
  return Json{{"by", session.settings().split_by}, {"values", values}};
}

Json report_json(const Session& session, const ReportSettings& settings) {
  const ReadSettings& rs = session.settings();
  Json settings_json{
      {"period", period_kind_name(settings.period)},
      {"fiscal_start", settings.fiscal_start},
      {"proration", proration_name(rs.proration)},
      {"currency", std::string(rs.default_currency.view())},
  };
  if (settings.from) settings_json["from"] = settings.from->iso();
  if (settings.to) settings_json["to"] = settings.to->iso();

  Json files = Json::array();
  for (const FileSummary& f : session.files()) files.push_back(file_json(f));
  Json issues = Json::array();
  for (const Issue& i : session.issues().listed()) issues.push_back(issue_json(i));
  Json counts = Json::object();
  for (const auto& [code, n] : session.issues().counts()) counts[code] = n;

  const std::vector<Period> periods = report_periods(session.ledgers(), settings);
  // Spec 2: the as-of date defaults to the last day of the last period.
  std::optional<Date> as_of = rs.as_of;
  if (!as_of && !periods.empty()) as_of = periods.back().end();
  settings_json["as_of"] = as_of ? Json(as_of->iso()) : Json(nullptr);
  if (!rs.split_by.empty()) settings_json["split_by"] = rs.split_by;
  if (!rs.split_by.empty()) settings_json["top"] = settings.top;

  Json currencies = Json::object();
  for (const auto& [currency, ledger] : session.ledgers()) {
    const auto book = session.books().find(currency);
    Json cj = currency_json(currency_report(ledger, currency, periods, settings),
                            book != session.books().end() ? &book->second : nullptr, settings, as_of);
    const auto segments = session.segments().find(currency);
    if (segments != session.segments().end())
      cj["segments"] = segments_json(session, segments->second, currency, periods, settings, as_of);
    currencies[std::string(currency.view())] = cj;
  }
  Json drill = nullptr;
  if (const DrillCollector* d = session.drill()) {
    Json lines = Json::array();
    for (const DrillLine& l : d->top_lines())
      lines.push_back(Json{{"id", l.id}, {"customer", l.customer}, {"line", l.line}, {"amount", l.amount},
                           {"contribution", l.contribution}});
    drill = Json{{"currency", std::string(d->request().currency.view())},
                 {"metric", d->request().metric},
                 {"from", d->request().from.iso()},
                 {"to", d->request().to.iso()},
                 {"value", d->value()},
                 {"count", d->count()},
                 {"lines", lines}};
    const DrillRequest& q = d->request();
    if (q.age_bucket >= 0)
      drill["age"] = q.age_bucket == DrillRequest::kNoCreatedDate ? "none" : age_bucket_label(q.age_bucket);
    if (q.row_from) drill["row_from"] = q.row_from->iso();
    if (q.row_to) drill["row_to"] = q.row_to->iso();
    if (q.not_billed_row) drill["not_billed"] = true;
    if (q.segment) drill["segment"] = *q.segment;
    if (q.segment_other) drill["segment"] = Json{{"other_than", q.segment_other_than}};
  }
  // The decimal places of every currency the report names, rejected rows' included.
  Json digits = Json::object();
  for (const auto& [currency, ledger] : session.ledgers()) digits[std::string(currency.view())] = minor_digits(currency);
  for (const FileSummary& f : session.files())
    for (const auto& [currency, value] : f.rows.rejected_value) digits[std::string(currency.view())] = minor_digits(currency);
  Json report{
      {"engine", Json{{"name", "bbb"}, {"version", kEngineVersion}, {"spec", "v1"}}},
      {"settings", settings_json},
      {"rows", rows_json(session.contract_rows())},
      {"minor_digits", digits},
      {"files", files},
      {"issues", issues},
      {"issue_counts", counts},
      {"issues_unlisted", session.issues().unlisted()},
      {"currencies", currencies},
  };
  if (!drill.is_null()) report["drill"] = drill;
  return report;
}

std::string dump(const Json& j) {
  // Invalid UTF-8 cannot reach here (the reader rejects it), but a dump must never throw.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace

std::string render_report(const Session& session, const ReportSettings& settings) {
  return dump(report_json(session, settings));
}

std::string report_envelope(const Session& session, const ReportSettings& settings) {
  return "{\"ok\":true,\"report\":" + render_report(session, settings) + "}";
}

std::string error_envelope(const std::string& code, const std::string& message) {
  return dump(Json{{"ok", false}, {"error", Json{{"code", code}, {"message", message}}}});
}

std::string file_envelope(const Session& session) {
  if (session.files().empty()) return error_envelope("no_file", "no file has been read");
  return dump(Json{{"ok", true}, {"file", file_json(session.files().back())}});
}

}  // namespace bbb
