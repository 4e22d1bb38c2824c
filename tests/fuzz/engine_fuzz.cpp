// libFuzzer target for the whole engine: bytes in, report out, and the
// accounting identities of spec section 4 checked in every period as the
// oracle, and both waterfall views' ties. Any violation, crash, sanitizer
// report or invalid JSON is a find, and so is a report that differs when
// its lines are folded from batches (packed_lines.h).
//
// And the report's size stays within its stated rule (report_size.h): at
// most 512 bytes per input byte (the issues echo their rows), 4 KiB per
// period column plus the longest booking type's length 24 times (its name
// is written in each column), 32 bytes per waterfall cell, and 64 KiB.
//
// Input: a settings byte, then a contracts CSV; optionally an invoices and a
// fulfilment CSV before it, separated by two NUL bytes each
// ("<s><invoices>\0\0<fulfilment>\0\0<contracts>").
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/period_report.h"
#include "bbb/report_json.h"
#include "bbb/report_size.h"
#include "bbb/session.h"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

void feed(bbb::Session& session, bbb::FileKind kind, std::string_view text, std::size_t chunk) {
  std::string error;
  if (!session.begin(kind, "fuzz.csv", &error)) return;
  for (std::size_t i = 0; i < text.size(); i += chunk)
    session.feed(text.data() + i, std::min(chunk, text.size() - i));
  check(session.end(&error));
}

// Spec 4's identities, for the figures the report can tell: an invoices
// file read alone knows no bookings or backlog (spec 11), and its revenue
// only where invoices give a service period.
void check_identities(const std::vector<bbb::CurrencyReport>& reports, const bbb::KnownFigures& known) {
  for (const bbb::CurrencyReport& c : reports) {
    const bbb::PeriodFigures* previous = nullptr;
    for (const bbb::PeriodFigures& p : c.periods) {
      if (known.bookings) {
        check(p.backlog_end == p.backlog_begin + p.flows.bookings - p.flows.revenue - p.flows.cancellations);
        check(p.backlog_end == p.billed_backlog_end + p.unbilled_backlog_end);
        check(p.backlog_end == p.crpo_end + p.later_backlog_end + p.unscheduled_backlog_end);
        check(p.billed_backlog_end >= 0);
        if (previous != nullptr) check(previous->backlog_end == p.backlog_begin);
      }
      if (known.revenue) {
        check(p.deferred_revenue_end >= 0 && p.unbilled_receivable_end >= 0);
        if (previous != nullptr)
          check(p.deferred_revenue_end - p.unbilled_receivable_end ==
                previous->deferred_revenue_end - previous->unbilled_receivable_end + p.flows.billings - p.flows.revenue);
      }
      previous = &p;
    }
  }
}

// Both waterfall views: every column is the period's revenue; every row
// adds up to its bookings (or billings), and a period row's is the statement's.
void check_waterfall(const nlohmann::json& c, const bbb::KnownFigures& known) {
  // Without bookings (invoices read alone) there is no waterfall to tell.
  if (!known.bookings) return check(!c.contains("waterfall"));
  const nlohmann::json& periods = c["periods"];
  if (c["waterfall"].contains("omitted")) return check(c["waterfall"]["omitted"].get<std::string>().find("at most") != std::string::npos);
  for (const char* view : {"booked", "billed"}) {
    const bool booked = view[1] == 'o';
    const nlohmann::json& rows = booked ? c["waterfall"]["rows"] : c["waterfall"]["billed"]["rows"];
    for (std::size_t j = 0; j < periods.size(); ++j) {
      std::int64_t column = 0;
      for (const nlohmann::json& row : rows) column += row["revenue"][j].get<std::int64_t>();
      check(column == periods[j]["revenue"].get<std::int64_t>());
    }
    std::size_t period_row = 0;
    for (const nlohmann::json& row : rows) {
      const std::string kind = row["kind"];
      if (kind == "later" || kind == "not_billed") continue;
      std::int64_t sum = row["revenue_before"].get<std::int64_t>();
      for (const nlohmann::json& cell : row["revenue"]) sum += cell.get<std::int64_t>();
      sum += booked ? row["cancellations"].get<std::int64_t>() + row["backlog_end"].get<std::int64_t>()
                    : row["not_recognised"].get<std::int64_t>();
      const char* opened = booked ? "bookings" : "billings";
      check(sum == row[opened].get<std::int64_t>());
      if (kind == "period") check(row[opened] == periods[period_row++][opened]);
    }
  }
}

// Spec 12's bridge in every period of every table, and the segments' MRR
// adding up to their currency's.
void check_mrr(const nlohmann::json& c) {
  const auto bridge = [](const nlohmann::json& table) {
    for (const nlohmann::json& p : table["periods"]) {
      const nlohmann::json& m = p["mrr"];
      if (m.is_null()) continue;
      check(m["mrr_end"].get<std::int64_t>() ==
            m["mrr_begin"].get<std::int64_t>() + m["new"].get<std::int64_t>() + m["expansion"].get<std::int64_t>() +
                m["reactivation"].get<std::int64_t>() - m["contraction"].get<std::int64_t>() - m["churn"].get<std::int64_t>());
      check(m["arr_end"].get<std::int64_t>() == 12 * m["mrr_end"].get<std::int64_t>());
    }
  };
  bridge(c);
  if (!c.contains("segments")) return;
  const nlohmann::json& periods = c["periods"];
  for (std::size_t j = 0; j < periods.size(); ++j) {
    if (periods[j]["mrr"].is_null()) continue;
    std::int64_t sum = 0;
    for (const nlohmann::json& s : c["segments"]["values"]) {
      bridge(s);
      sum += s["periods"][j]["mrr"]["mrr_end"].get<std::int64_t>();
    }
    check(sum == periods[j]["mrr"]["mrr_end"].get<std::int64_t>());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t knobs = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<std::string_view> parts;
  for (std::size_t cut; parts.size() < 2 && (cut = rest.find(std::string_view("\0\0", 2))) != std::string_view::npos;) {
    parts.push_back(rest.substr(0, cut));
    rest.remove_prefix(cut + 2);
  }

  bbb::ReadSettings settings;
  settings.proration = (knobs & 1) ? bbb::Proration::kDaily : bbb::Proration::kMonthly;
  settings.waterfall = (size & 1) != 0;  // half the inputs: the waterfall's grid is the slowest part
  const std::size_t chunk = 1 + ((knobs >> 1) & 63);
  if (size % 5 == 0) settings.split_by = "customer";  // a fifth split: segments add up (MRR's too)
  auto read_all = [&](bbb::Session& session) {
    if (parts.size() >= 1) feed(session, bbb::FileKind::kInvoices, parts[0], chunk);
    if (parts.size() >= 2) feed(session, bbb::FileKind::kFulfilment, parts[1], chunk);
    feed(session, bbb::FileKind::kContracts, rest, chunk);
  };
  bbb::Session session(settings);
  read_all(session);

  // Every row ends in exactly one place.
  for (const bbb::FileSummary& f : session.files()) check(f.rows.read == f.rows.accepted + f.rows.rejected);

  bbb::ReportSettings report;
  report.period = static_cast<bbb::PeriodKind>((knobs >> 7) & 1 ? 1 : 0);
  report.fiscal_start = 1 + (knobs >> 2) % 12;
  check_identities(bbb::build_period_report(session.ledgers(), report), session.known_figures());

  // Past the size cap the report is refused (a smaller cap here keeps each run quick).
  const bbb::ReportSize shape = bbb::report_size(session, report);
  if (bbb::report_too_large(shape, 3000)) return 0;

  // The JSON is always valid (valid UTF-8 included).
  const std::string text = bbb::render_report(session, report);
  std::size_t longest_type = 0;
  for (const auto& [currency, ledger] : session.ledgers())
    for (const std::string& type : ledger.types()) longest_type = std::max(longest_type, type.size());
  const std::size_t cells = settings.waterfall && !bbb::waterfall_omitted(shape) ? shape.periods * shape.periods * shape.tables * 2 : 0;
  check(text.size() <= 512 * size + (4096 + 24 * longest_type) * shape.columns() + 32 * cells + 65536);
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  check(!json.is_discarded());
  if (settings.waterfall)
    for (const auto& [currency, c] : json["currencies"].items()) check_waterfall(c, session.known_figures());
  for (const auto& [currency, c] : json["currencies"].items()) check_mrr(c);

  // A third of the inputs again with the lines folded from batches of
  // bytes, as the CLI's second thread folds them: the same report.
  if (size % 3 == 0) {
    bbb::Session batched(settings);
    batched.hand_off_lines([&batched](bbb::PackedLines& batch) { batched.folder().take_batch(batch.bytes()); });
    read_all(batched);
    check(bbb::render_report(batched, report) == text);
  }
  return 0;
}
