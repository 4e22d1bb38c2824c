// bbb: the engine on the command line, for scripts and large files.
//
//   bbb report CONTRACTS.csv [--invoices F] [--fulfilment F] [--period month|quarter|year]
//       [--fiscal-start M] [--proration monthly|daily] [--as-of YYYY-MM-DD] [--currency USD]
//       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--date-order auto|mdy|dmy] [--decimal auto|.|,]
//       [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||]
//       [--kind contracts|subscriptions] [--source PROFILE] [--sheet NAME] [--value FIELD:VALUE=WORD]...
//       [--map FIELD=COLUMN]... [--split-by COLUMN [--top N]] [--drill METRIC,CURRENCY,FROM,TO[,LIMIT]]
//       [--format json|csv|table] [--threads 1|2]
//   bbb compare OLD.csv NEW.csv [--format json|table] [--limit N] (compare_command.h)
//
// CONTRACTS.csv may be '-' for standard input. Exit status 0 when the report
// was made (even with rejected rows, listed on stderr and in the JSON), 2
// with a one-line reason when it could not be.
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "bbb/report_json.h"
#include "bbb/report_size.h"
#include "bbb/session.h"
#include "bbb/settings.h"
#include "cli_files.h"
#include "compare_command.h"
#include "fold_thread.h"
#include "text_output.h"
#include "two_threads.h"

namespace {

constexpr const char* kUsage =
    "usage: bbb report CONTRACTS.csv [--invoices F] [--fulfilment F] [--period month|quarter|year]\n"
    "           [--fiscal-start M] [--proration monthly|daily] [--as-of YYYY-MM-DD] [--today YYYY-MM-DD]\n"
    "           [--currency USD] [--default-term MONTHS]   (months for booked lines with no term or delivery date)\n"
    "           [--extra-currency CODE[,CODE]]...\n"
    "           [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--date-order auto|mdy|dmy] [--decimal auto|.|,]\n"
    "           [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||]\n"
    "           [--kind contracts|subscriptions] [--source generic|salesforce_opportunities|stripe_subscriptions|...]\n"
    "           [--sheet NAME]   (a workbook's sheet; the first by default)\n"
    "           [--map FIELD=COLUMN]...\n"
    "           [--value FIELD:VALUE=WORD]...\n"
    "           [--split-by COLUMN [--top N]] [--waterfall yes]\n"
    "           [--drill METRIC,CURRENCY,FROM,TO[,LIMIT] | --drill '{JSON drill request}']\n"
    "           [--format json|csv|table] [--threads 1|2]\n"
    "       bbb compare OLD.csv NEW.csv [--format json|table] [--limit N]   (two exports matched by id)\n"
    "       bbb --version\n";

// Today's calendar date where the command runs (the as-of default's bound).
std::string today_here() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

using bbb_cli::fail;
using bbb_cli::feed_file;
using bbb_cli::kOutOfMemory;
using bbb_cli::print_issues;

int run(const std::vector<std::string>& args) {
  if (args.size() == 1 && args[0] == "--version") { std::printf("bbb %s\n", bbb::kEngineVersion); return 0; }
  if (!args.empty() && args[0] == "compare") return bbb_cli::run_compare(args);
  if (args.empty() || args[0] != "report") { std::fputs(kUsage, stderr); return 2; }

  nlohmann::json read = nlohmann::json::object(), report = nlohmann::json::object();
  std::string contracts, invoices, fulfilment, sheet, format = "json";
  bbb::FileKind main_kind = bbb::FileKind::kContracts;
  // Two threads, one reading rows and one folding them, unless the machine has one core.
  int threads = std::thread::hardware_concurrency() == 1 ? 1 : 2;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
      static const char* const kOptions[] = {"--invoices", "--fulfilment", "--fulfillment", "--period", "--fiscal-start",
                                             "--from", "--to", "--split-by", "--waterfall", "--top", "--proration",
                                             "--as-of", "--today", "--default-term", "--currency", "--extra-currency", "--date-order", "--decimal",
                                             "--encoding", "--delimiter", "--map", "--drill", "--format", "--threads", "--source", "--value", "--kind", "--sheet"};
      bool known = false;
      for (const char* o : kOptions) known = known || a == o;
      if (!known) return fail("unknown option " + a + " (bbb report with no file lists the options)");
      if (!value(&v)) return fail("option " + a + " needs a value");
      if (a == "--invoices") invoices = v;
      else if (a == "--sheet") sheet = v;
      else if (a == "--kind") {
        if (!bbb::parse_file_kind(v, &main_kind) || !bbb::gives_lines(main_kind))
          return fail("--kind must be contracts or subscriptions (the kind of the main file)");
      }
      else if (a == "--fulfilment" || a == "--fulfillment") fulfilment = v;
      else if (a == "--period") report["period"] = v;
      else if (a == "--fiscal-start") {
        char* end = nullptr;
        const long m = std::strtol(v.c_str(), &end, 10);
        if (*end != '\0') return fail("--fiscal-start must be a month number from 1 to 12");
        report["fiscal_start"] = m;
      } else if (a == "--from") report["from"] = v;
      else if (a == "--to") report["to"] = v;
      else if (a == "--split-by") read["split_by"] = v;
      else if (a == "--source") read["source"] = v;
      else if (a == "--value") {
        std::string error;
        if (!bbb_cli::add_value_option(v, &read, &error)) return fail(error);
      }
      else if (a == "--waterfall") read["waterfall"] = (v == "yes" || v == "true" || v == "1");
      else if (a == "--top") {
        char* end = nullptr;
        const long n = std::strtol(v.c_str(), &end, 10);
        if (*end != '\0') return fail("--top must be a whole number");
        report["top"] = n;
      }
      else if (a == "--proration") read["proration"] = v;
      else if (a == "--as-of") read["as_of"] = v;
      else if (a == "--today") read["today"] = v;
      else if (a == "--default-term") {
        char* end = nullptr;
        const long n = std::strtol(v.c_str(), &end, 10);
        if (v.empty() || *end != '\0' || n < 1 || n > 1200) return fail("--default-term must be a whole number of months from 1 to 1200");
        read["default_term"] = n;
      }
      else if (a == "--currency") read["currency"] = v;
      else if (a == "--extra-currency") {
        // Codes outside ISO 4217 to accept: repeatable, or several with commas.
        for (std::size_t start = 0, comma;; start = comma + 1) {
          comma = v.find(',', start);
          read["extra_currencies"].push_back(v.substr(start, comma - start));
          if (comma == std::string::npos) break;
        }
      }
      else if (a == "--date-order") read["date_order"] = v;
      else if (a == "--decimal") read["decimal"] = v;
      else if (a == "--encoding") read["encoding"] = v;
      else if (a == "--delimiter") read["delimiter"] = v == "tab" ? "\t" : v;
      else if (a == "--map") {
        std::string error;
        if (!bbb_cli::add_mapping_option(v, &read, &error)) return fail(error);
      } else if (a == "--drill" && !v.empty() && v[0] == '{') {
        // The whole drill request as JSON (segment, age, waterfall rows...).
        read["drill"] = nlohmann::json::parse(v, nullptr, false);
        if (read["drill"].is_discarded()) return fail("--drill: not a JSON object");
      } else if (a == "--drill") {
        // METRIC,CURRENCY,FROM,TO[,LIMIT]: the lines behind one cell, in the JSON's "drill".
        std::vector<std::string> parts;
        for (std::size_t start = 0, comma;; start = comma + 1) {
          comma = v.find(',', start);
          parts.push_back(v.substr(start, comma - start));
          if (comma == std::string::npos) break;
        }
        if (parts.size() < 4 || parts.size() > 5) return fail("--drill takes METRIC,CURRENCY,FROM,TO[,LIMIT]");
        read["drill"] = {{"metric", parts[0]}, {"currency", parts[1]}, {"from", parts[2]}, {"to", parts[3]}};
        if (parts.size() == 5) read["drill"]["limit"] = std::atoll(parts[4].c_str());
      } else if (a == "--format") format = v;
      else if (a == "--threads") {
        if (v != "1" && v != "2") return fail("--threads must be 1 or 2");
        threads = v[0] - '0';
      }
      else return fail("unknown option " + a);  // listed above but not read: a bug
    } else if (contracts.empty()) {
      contracts = a;
    } else {
      return fail("one contracts file only (got '" + contracts + "' and '" + a + "')");
    }
  }
  // Invoices alone (spec 11): `--invoices F` with no contracts file reads F
  // in the contracts file's place, where its header makes it invoices alone.
  const bool invoices_alone = contracts.empty() && !invoices.empty();
  if (invoices_alone) contracts.swap(invoices);
  if (contracts.empty()) { std::fputs(kUsage, stderr); return 2; }
  if (format != "json" && format != "csv" && format != "table") return fail("--format must be json, csv or table");

  std::string error;
  // Without --as-of: read as of today, then, when the data ends in an earlier
  // month, read again as of the last day of the data (default_as_of).
  const bool as_of_given = read.contains("as_of");
  if (!read.contains("today")) read["today"] = today_here();
  if (!as_of_given) read["as_of"] = read["today"];
  bbb::ReportSettings report_settings;
  if (!bbb::parse_report_settings(report.dump(), &report_settings, &error)) return fail(error);

  const bbb_cli::TwoThreads two_threads;  // lent to the report once the lines are folded
  std::unique_ptr<bbb::Session> session;
  const auto read_files = [&]() {
    bbb::ReadSettings read_settings;
    if (!bbb::parse_read_settings(read.dump(), &read_settings, &error)) return false;
    session = std::make_unique<bbb::Session>(read_settings);
    // Invoices and fulfilment say how lines are billed and recognised, so they come first.
    if (!invoices.empty() && !feed_file(*session, bbb::FileKind::kInvoices, invoices, "", &error)) return false;
    if (!fulfilment.empty() && !feed_file(*session, bbb::FileKind::kFulfilment, fulfilment, "", &error)) return false;
    std::optional<bbb_cli::FoldThread> folding;
    if (threads == 2) {
      folding.emplace(session->folder());
      session->hand_off_lines([&folding](bbb::PackedLines& batch) { folding->hand_off(batch); });
    }
    if (!feed_file(*session, main_kind, contracts, sheet, &error)) return false;
    if (folding && !folding->finish()) { error = kOutOfMemory; return false; }
    session->hand_off_lines(nullptr);
    if (threads == 2) session->folder().lend(two_threads);
    return true;
  };
  if (!read_files()) return fail(error);
  if (!as_of_given) {
    bbb::Date today;
    bbb::parse_iso_date(read["today"].get<std::string>(), &today);
    const std::optional<bbb::AsOfDefault> as_of = bbb::default_as_of(session->data_end(), today);
    const bool from_stdin = contracts == "-" || invoices == "-" || fulfilment == "-";
    if (as_of && as_of->date != today && from_stdin) {
      std::fprintf(stderr, "bbb: read as of today, %s: the data ends earlier, on %s; give --as-of %s to read it as of then\n",
                   today.iso().c_str(), session->data_end()->iso().c_str(), as_of->date.iso().c_str());
    } else if (as_of && as_of->date != today) {
      read["as_of"] = as_of->date.iso();
      if (!read_files()) return fail(error);
    }
  }

  print_issues(*session, {{"contracts", contracts}, {"subscriptions", contracts},
                         {"invoices", invoices_alone || invoices.empty() ? contracts : invoices}, {"fulfilment", fulfilment}});
  if (const auto too_large = bbb::report_too_large(bbb::report_size(*session, report_settings))) return fail(*too_large);
  const std::string json = bbb::render_report(*session, report_settings);
  if (format == "json") std::printf("%s\n", json.c_str());
  else if (format == "table") std::fputs(bbb_cli::report_as_table(json).c_str(), stdout);
  else std::fputs(bbb_cli::report_as_csv(json).c_str(), stdout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Running out of memory anywhere ends in one sentence and exit 2, never an abort.
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const std::bad_alloc&) {
    return fail(kOutOfMemory);
  } catch (const std::length_error&) {
    return fail(kOutOfMemory);
  }
}
