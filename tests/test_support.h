// Shared helpers of the engine tests: run CSV text through a Session the way
// the CLI and the page do, and read the report JSON back.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rows/contract_line.h"
#include "values/date.h"
#include "bbb/report_json.h"
#include "bbb/session.h"
#include "bbb/settings.h"

namespace bbb_test {

using Json = nlohmann::json;

// A date from y-m-d; fails the test on an impossible date.
inline bbb::Date ymd(int y, int m, int d) {
  bbb::Date out;
  EXPECT_TRUE(bbb::Date::from_ymd(y, m, d, &out)) << y << "-" << m << "-" << d;
  return out;
}

struct Input {
  std::string contracts;
  std::string invoices;    // empty: no invoices file
  std::string fulfilment;  // empty: no fulfilment file
  std::string read_settings = "{}";
  std::string report_settings = "{}";
  std::size_t chunk = 1 << 20;
  // Where the accepted lines are folded: as they are read; handed off in
  // batches and folded from their bytes, as on the CLI's second thread
  // (Session::hand_off_lines), here on this thread; or by another session
  // that takes the batches and then the reading one's part of the report
  // as bytes, as the page's folding worker does.
  enum class Folding { kAsRead, kFromBatches, kInAnotherSession };
  Folding folding = Folding::kAsRead;
};

inline void feed_file(bbb::Session& s, bbb::FileKind kind, const std::string& name, const std::string& text,
                      std::size_t chunk) {
  std::string error;
  ASSERT_TRUE(s.begin(kind, name, &error)) << error;
  for (std::size_t at = 0; at < text.size(); at += chunk)
    s.feed(text.data() + at, std::min(chunk, text.size() - at));
  ASSERT_TRUE(s.end(&error)) << error;
}

// The report JSON text of one run.
inline std::string report_text(const Input& run) {
  bbb::ReadSettings rs;
  std::string error;
  EXPECT_TRUE(bbb::parse_read_settings(run.read_settings, &rs, &error)) << error;
  bbb::ReportSettings rep;
  EXPECT_TRUE(bbb::parse_report_settings(run.report_settings, &rep, &error)) << error;
  bbb::Session s(rs);
  bbb::Session folding(rs);
  std::string handed;  // batches as the reading worker posts them: one after another
  if (run.folding == Input::Folding::kFromBatches)
    s.hand_off_lines([&s](bbb::PackedLines& batch) { s.folder().take_batch(batch.bytes()); });
  if (run.folding == Input::Folding::kInAnotherSession)
    s.hand_off_lines([&handed](bbb::PackedLines& batch) { handed += batch.bytes(); });
  if (!run.invoices.empty()) feed_file(s, bbb::FileKind::kInvoices, "invoices.csv", run.invoices, run.chunk);
  if (!run.fulfilment.empty()) feed_file(s, bbb::FileKind::kFulfilment, "fulfilment.csv", run.fulfilment, run.chunk);
  feed_file(s, bbb::FileKind::kContracts, "contracts.csv", run.contracts, run.chunk);
  if (run.folding != Input::Folding::kInAnotherSession) return bbb::render_report(s, rep);
  folding.folder().take_batch(handed);
  bbb::ReadingSummary part;
  EXPECT_TRUE(bbb::decode_reading_summary(bbb::encode_reading_summary(bbb::reading_summary(s)), &part));
  folding.adopt_reading(std::move(part));
  return bbb::render_report(folding, rep);
}

inline Json report(const Input& run) { return Json::parse(report_text(run)); }

inline Json report(const std::string& contracts, const std::string& report_settings = "{}",
                   const std::string& read_settings = "{}") {
  Input run;
  run.contracts = contracts;
  run.report_settings = report_settings;
  run.read_settings = read_settings;
  return report(run);
}

// The periods of one currency (fails when the currency is missing).
inline const Json& periods(const Json& r, const std::string& currency) {
  static const Json empty = Json::array();
  if (!r["currencies"].contains(currency)) {
    ADD_FAILURE() << "no currency " << currency << " in " << r["currencies"].dump();
    return empty;
  }
  return r["currencies"][currency]["periods"];
}

// One period by label (fails when there is none).
inline Json period(const Json& r, const std::string& currency, const std::string& label) {
  for (const Json& p : periods(r, currency))
    if (p["period"] == label) return p;
  ADD_FAILURE() << "no period " << label << " for " << currency;
  return Json::object();
}

inline std::vector<std::string> labels(const Json& r, const std::string& currency) {
  std::vector<std::string> out;
  for (const Json& p : periods(r, currency)) out.push_back(p["period"].get<std::string>());
  return out;
}

// The issues with a given code.
inline std::vector<Json> issues_with(const Json& r, const std::string& code) {
  std::vector<Json> out;
  for (const Json& i : r["issues"])
    if (i["code"] == code) out.push_back(i);
  return out;
}

// A booked line built by hand for the schedule tests.
inline bbb::ContractLine ratable_line(std::int64_t amount, bbb::Date start, int term_months,
                                      bbb::BillingKind billing = bbb::BillingKind::kUpfront) {
  bbb::ContractLine l;
  l.id = "L";
  l.amount = amount;
  bbb::parse_currency_code("USD", &l.currency);
  l.recognition = bbb::Recognition::kRatable;
  l.billing = billing;
  l.booking = start;
  l.has_booking = true;
  l.start = start;
  l.term_months = term_months;
  l.end = bbb::add_months(start, term_months).plus_days(-1);
  l.billing_start = start;
  return l;
}

inline bbb::ContractLine point_line(std::int64_t amount, bbb::Date booking,
                                    bbb::BillingKind billing = bbb::BillingKind::kUpfront) {
  bbb::ContractLine l;
  l.id = "P";
  l.amount = amount;
  bbb::parse_currency_code("USD", &l.currency);
  l.recognition = bbb::Recognition::kPoint;
  l.billing = billing;
  l.booking = booking;
  l.has_booking = true;
  l.start = booking;
  l.billing_start = booking;
  return l;
}

}  // namespace bbb_test
