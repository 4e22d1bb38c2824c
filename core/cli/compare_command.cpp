#include "compare_command.h"

#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "bbb/compare_json.h"
#include "bbb/session.h"
#include "bbb/settings.h"
#include "cli_files.h"
#include "values/money.h"

namespace bbb_cli {
namespace {

constexpr const char* kCompareUsage =
    "usage: bbb compare OLD.csv NEW.csv [--format json|table] [--limit N] [--currency USD]\n"
    "           [--source PROFILE] [--sheet NAME] [--date-order auto|mdy|dmy] [--decimal auto|.|,]\n"
    "           [--map FIELD=COLUMN]... [--value FIELD:VALUE=WORD]...\n";

using Json = nlohmann::ordered_json;

std::string money(const Json& minor, int digits) { return bbb::format_minor(minor.get<std::int64_t>(), digits); }

int bbb_digits(const std::string& code) {
  bbb::CurrencyCode c;
  return bbb::parse_currency_code(code, &c) ? bbb::minor_digits(c) : 2;
}

std::string padded(std::string s, std::size_t width, bool right) {
  if (s.size() >= width) return s;
  const std::string pad(width - s.size(), ' ');
  return right ? pad + s : s + pad;
}

// "open 2024-03-31 100.00" for one side of a row (its currency too when not
// the block's); "-" where the line is absent.
std::string side_text(const Json& side, const std::string& currency) {
  if (side.is_null()) return "-";
  const std::string own = side["currency"].get<std::string>();
  std::string out = side["status"].get<std::string>() + " " + (side["close"].is_null() ? "no date" : side["close"].get<std::string>()) +
                    " " + money(side["amount"], bbb_digits(own));
  if (own != currency) out += " " + own;
  return out;
}

}  // namespace

std::string changes_as_table(const std::string& changes_json) {
  const Json j = Json::parse(changes_json);
  std::string out;
  for (const Json& f : j["files"]) {
    out += f["role"].get<std::string>() + ": " + printable(f["name"].get<std::string>()) + ", " +
           std::to_string(f["rows"]["accepted"].get<std::int64_t>()) + " lines";
    if (f["missing_id"].get<std::int64_t>() > 0) out += ", " + std::to_string(f["missing_id"].get<std::int64_t>()) + " rows with no id";
    if (f["duplicate_id"].get<std::int64_t>() > 0)
      out += ", " + std::to_string(f["duplicate_id"].get<std::int64_t>()) + " rows of an id used before";
    if (f["left_out"].get<std::int64_t>() > 0)
      out += ", " + std::to_string(f["left_out"].get<std::int64_t>()) + " lines not compared (their id is on two rows of an export)";
    out += "\n";
  }
  for (const auto& [currency, c] : j["currencies"].items()) {
    const int digits = j["minor_digits"][currency].get<int>();
    out += "\n" + currency + ": before " + std::to_string(c["before"]["count"].get<std::int64_t>()) + " lines " +
           money(c["before"]["value"], digits) + ", after " + std::to_string(c["after"]["count"].get<std::int64_t>()) +
           " lines " + money(c["after"]["value"], digits) + ", unchanged " +
           std::to_string(c["unchanged"].get<std::int64_t>()) + "\n";
    out += padded("change", 16, false) + padded("count", 10, true) + padded("value", 20, true) + "\n";
    for (const auto& [kind, k] : c["changes"].items())
      out += padded(kind, 16, false) + padded(std::to_string(k["count"].get<std::int64_t>()), 10, true) +
             padded(money(k["value"], digits), 20, true) + "\n";
    for (const auto& [kind, k] : c["changes"].items())
      for (const Json& r : k["rows"])
        out += "  " + padded(kind, 16, false) + printable(r["id"].get<std::string>()) + "  " +
               printable(r["customer"].get<std::string>()) + "  " + side_text(r["before"], currency) + " -> " +
               side_text(r["after"], currency) + "  value " + money(r["value"], digits) + "\n";
  }
  return out;
}

int run_compare(const std::vector<std::string>& args) {
  nlohmann::json read = {{"snapshot", true}}, compare = nlohmann::json::object();
  std::vector<std::string> paths;
  std::string format = "json", sheet;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() <= 2 || a.compare(0, 2, "--") != 0) { paths.push_back(a); continue; }
    if (i + 1 >= args.size()) return fail("option " + a + " needs a value");
    const std::string v = args[++i];
    if (a == "--format") format = v;
    else if (a == "--limit") {
      char* end = nullptr;
      const long long n = std::strtoll(v.c_str(), &end, 10);
      if (*end != '\0' || n < 0) return fail("--limit must be a whole number, 0 or more (0: every row)");
      compare["limit"] = n;
    } else if (a == "--currency") read["currency"] = v;
    else if (a == "--source") read["source"] = v;
    else if (a == "--sheet") sheet = v;
    else if (a == "--date-order") read["date_order"] = v;
    else if (a == "--decimal") read["decimal"] = v;
    else if (a == "--map") {
      std::string error;
      if (!add_mapping_option(v, &read, &error)) return fail(error);
    } else if (a == "--value") {
      std::string error;
      if (!add_value_option(v, &read, &error)) return fail(error);
    } else return fail("unknown option " + a + " (bbb compare with no files lists the options)");
  }
  if (paths.size() != 2) { std::fputs(kCompareUsage, stderr); return 2; }
  if (format != "json" && format != "table") return fail("--format must be json or table");

  std::string error;
  bbb::ReadSettings settings;
  if (!bbb::parse_read_settings(read.dump(), &settings, &error)) return fail(error);
  bbb::CompareSettings compare_settings;
  if (!bbb::parse_compare_settings(compare.dump(), &compare_settings, &error)) return fail(error);
  bbb::Session before(settings), after(settings);
  if (!feed_file(before, bbb::FileKind::kContracts, paths[0], sheet, &error)) return fail(error);
  if (!feed_file(after, bbb::FileKind::kContracts, paths[1], sheet, &error)) return fail(error);
  print_issues(before, {{"contracts", paths[0]}});
  print_issues(after, {{"contracts", paths[1]}});
  const std::string json = bbb::render_changes(before, after, compare_settings);
  if (format == "json") std::printf("%s\n", json.c_str());
  else std::fputs(changes_as_table(json).c_str(), stdout);
  return 0;
}

}  // namespace bbb_cli
