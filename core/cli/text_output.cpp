#include "text_output.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <vector>

#include "bbb/report_json.h"

namespace bbb_cli {
namespace {

using Json = nlohmann::ordered_json;

enum class Kind { kAmount, kCount, kRatio, kPercent };
struct Metric { const char* key; const char* label; Kind kind = Kind::kAmount; };
constexpr Metric kMetrics[] = {
    {"bookings", "Bookings"},
    {"acv_bookings", "ACV bookings"},
    {"cancellations", "Cancellations"},
    {"revenue", "Revenue"},
    {"billings", "Billings"},
    {"backlog_begin", "Backlog, begin"},
    {"backlog_end", "Backlog, end"},
    {"deferred_revenue_end", "Deferred revenue"},
    {"unbilled_receivable_end", "Unbilled receivable"},
    {"billed_backlog_end", "Billed backlog"},
    {"unbilled_backlog_end", "Unbilled backlog"},
    {"crpo_end", "cRPO (next 12 months)"},
    {"later_backlog_end", "Backlog after 12 months"},
    {"unscheduled_backlog_end", "Unscheduled backlog"},
    {"book_to_bill", "Book-to-bill", Kind::kRatio},
};
// Spec 12, from each period's `mrr` object: shown when the currency has any recurring revenue.
constexpr Metric kMrrMetrics[] = {
    {"mrr_begin", "MRR, begin"},
    {"new", "New MRR"},
    {"expansion", "Expansion MRR"},
    {"reactivation", "Reactivation MRR"},
    {"contraction", "Contraction MRR"},
    {"churn", "Churned MRR"},
    {"mrr_end", "MRR, end"},
    {"arr_end", "ARR, end"},
    {"customers_end", "Customers, end", Kind::kCount},
    {"new_customers", "New customers", Kind::kCount},
    {"churned_customers", "Churned customers", Kind::kCount},
    {"nrr", "NRR (12 months)", Kind::kPercent},
    {"grr", "GRR (12 months)", Kind::kPercent},
    {"logo_churn", "Logo churn", Kind::kPercent},
    {"quick_ratio", "Quick ratio", Kind::kRatio},
};

std::string cell_text(const Json& figures, const Metric& m, int digits) {
  const Json& v = figures[m.key];
  if (v.is_null()) return "";
  char buf[32];
  switch (m.kind) {
    case Kind::kAmount: return bbb::format_minor(v.get<std::int64_t>(), digits);
    case Kind::kCount: return bbb::format_minor(v.get<std::int64_t>(), 0);
    case Kind::kRatio: std::snprintf(buf, sizeof buf, "%.2f", v.get<double>()); return buf;
    case Kind::kPercent: std::snprintf(buf, sizeof buf, "%.1f%%", v.get<double>() * 100); return buf;
  }
  return "";
}

bool has_recurring_revenue(const Json& currency) {
  for (const Json& p : currency["periods"]) {
    const Json& mrr = p["mrr"];
    if (mrr.is_object() && (mrr["mrr_begin"] != 0 || mrr["mrr_end"] != 0 || mrr["churn"] != 0)) return true;
  }
  return false;
}

// Rows of text cells: a header row, then one row per metric.
std::vector<std::vector<std::string>> grid(const Json& currency, bool grouped_numbers) {
  const int digits = currency["minor_digits"].get<int>();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"metric"};
  for (const Json& p : currency["periods"]) header.push_back(p["period"].get<std::string>());
  rows.push_back(header);
  const auto add_row = [&](const Metric& m, bool in_mrr) {
    std::vector<std::string> row{m.label};
    for (const Json& p : currency["periods"]) {
      std::string text = cell_text(in_mrr ? p["mrr"] : p, m, digits);
      if (!grouped_numbers) text.erase(std::remove(text.begin(), text.end(), ','), text.end());
      row.push_back(text);
    }
    rows.push_back(row);
  };
  for (const Metric& m : kMetrics) add_row(m, false);
  if (has_recurring_revenue(currency))
    for (const Metric& m : kMrrMetrics) add_row(m, true);
  return rows;
}

std::string csv_cell(std::string s) {
  // A spreadsheet runs a cell starting with = + - @ tab or CR as a formula;
  // a leading apostrophe keeps it text. Negative numbers are written as
  // -123.45, which is safe, so only non-numbers are neutralised.
  const bool numeric = !s.empty() && s.find_first_not_of("-0123456789.") == std::string::npos;
  if (!s.empty() && !numeric && std::string("=+-@\t\r").find(s[0]) != std::string::npos) s.insert(0, "'");
  if (s.find_first_of(",\"\r\n") != std::string::npos) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  }
  return s;
}

}  // namespace

std::string report_as_table(const std::string& report_json) {
  const Json report = Json::parse(report_json);
  std::string out;
  for (const auto& [code, currency] : report["currencies"].items()) {
    out += code + "\n";
    const auto rows = grid(currency, true);
    std::vector<std::size_t> width(rows[0].size(), 0);
    for (const auto& row : rows)
      for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        const std::string pad(width[i] - row[i].size(), ' ');
        out += i == 0 ? row[i] + pad : "  " + pad + row[i];
      }
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

std::string report_as_csv(const std::string& report_json) {
  const Json report = Json::parse(report_json);
  std::string out;
  for (const auto& [code, currency] : report["currencies"].items()) {
    for (const auto& row : grid(currency, false)) {
      out += csv_cell(code);
      for (const std::string& cell : row) out += "," + csv_cell(cell);
      out += "\r\n";
    }
  }
  return out;
}

}  // namespace bbb_cli
