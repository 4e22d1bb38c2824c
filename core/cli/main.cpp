// bbb: the engine on the command line, for scripts and large files.
//
//   bbb report CONTRACTS.csv [--invoices F] [--fulfilment F] [--period month|quarter|year]
//       [--fiscal-start M] [--proration monthly|daily] [--as-of YYYY-MM-DD] [--currency USD]
//       [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--date-order auto|mdy|dmy] [--decimal auto|.|,]
//       [--encoding auto|utf-8|utf-16le|utf-16be|windows-1252] [--delimiter auto|,|;|tab||]
//       [--kind contracts|subscriptions] [--source PROFILE] [--sheet NAME] [--value FIELD:VALUE=WORD]...
//       [--map FIELD=COLUMN]... [--split-by COLUMN [--top N]] [--drill METRIC,CURRENCY,FROM,TO[,LIMIT]]
//       [--format json|csv|table] [--threads 1|2]
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
#include "fold_thread.h"
#include "workbook/container_check.h"
#include "workbook/read_workbook_file.h"
#include "text_output.h"

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
    "       bbb --version\n";

// Text from a file as the terminal may show it: control characters
// (escape sequences that would retitle the window or recolour it, NULs,
// carriage returns) and bytes that are not UTF-8 written as \xNN, so that
// what a header or a cell holds never acts on the terminal.
std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  static constexpr char kHex[] = "0123456789abcdef";
  const auto escape = [&](unsigned char c) { out += "\\x"; out += kHex[c >> 4]; out += kHex[c & 15]; };
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) { escape(c); ++i; continue; }
    if (c < 0x80) { out += static_cast<char>(c); ++i; continue; }
    // A whole UTF-8 character passes (not C1 controls U+0080-U+009F); a lone or cut byte is escaped.
    const std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    bool whole = n > 0 && i + n <= text.size();
    for (std::size_t k = 1; whole && k < n; ++k) whole = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (whole && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0) whole = false;
    if (!whole) { escape(c); ++i; continue; }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

// Today's calendar date where the command runs (the as-of default's bound).
std::string today_here() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &local);
  return text;
}

int fail(const std::string& reason) {
  std::fprintf(stderr, "bbb: %s\n", printable(reason).c_str());
  return 2;
}

// Streams one file through the session: a CSV in 1 MiB chunks, a workbook
// (.xlsx, found from its first bytes) part by part, its sheet `sheet` (empty
// = the first).
bool feed_file(bbb::Session& session, bbb::FileKind kind, const std::string& path, const std::string& sheet,
               std::string* error) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) { *error = path + ": " + std::strerror(errno); return false; }
  // The report names the file as a browser would: by its base name.
  const std::string name = path == "-" ? "stdin" : path.substr(path.find_last_of('/') + 1);
  if (!session.begin(kind, name, error)) { if (f != stdin) std::fclose(f); return false; }
  std::error_code size_error;
  const std::uintmax_t size = path == "-" ? 0 : std::filesystem::file_size(path, size_error);
  if (!size_error && size > 0) session.expect_bytes(size);
  std::vector<char> buffer(1 << 20);
  std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f);
  const bbb::ContainerGuess container = bbb::detect_container(std::string_view(buffer.data(), n), name);
  if (container.container == bbb::Container::kOther) {
    session.refuse_file("this file is " + container.refusal);
  } else if (container.container == bbb::Container::kXlsx && f != stdin && !size_error) {
    // A zip's directory is at its end: the workbook reader asks for the parts it needs, wherever they are.
    std::fclose(f);
    f = nullptr;
    std::string workbook_error;
    if (!bbb::read_workbook_file(path, session.begin_workbook(size, sheet), &workbook_error))
      session.fail_workbook(workbook_error);
  } else {
    // Text (or a zip on standard input, which the CSV reader refuses in a sentence).
    if (n > 0) session.feed(buffer.data(), n);
    while (session.wants_more() && (n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0) session.feed(buffer.data(), n);
  }
  const bool read_error = f != nullptr && std::ferror(f) != 0;
  if (f != nullptr && f != stdin) std::fclose(f);
  if (read_error) { *error = path + ": read error"; return false; }
  if (!session.end(error)) return false;
  if (!session.files().back().readable) {
    // Say why in one line: the file-level error.
    for (const bbb::Issue& i : session.issues().listed())
      if (i.line == 0 && i.severity == "error" && i.file == bbb::file_kind_name(session.files().back().kind)) { *error = path + ": " + i.message; return false; }
    *error = path + ": cannot be read";
    return false;
  }
  return true;
}

// Names each file kind by the path the user gave.
using PathsByKind = std::map<std::string, std::string>;

void print_issues(const bbb::Session& session, const PathsByKind& paths) {
  // Which system's export each file was read as, when not the generic shape.
  for (const bbb::FileSummary& f : session.files()) {
    if (f.source == &bbb::generic_profile()) continue;
    const auto path = paths.find(bbb::file_kind_name(f.kind));
    std::fprintf(stderr, "%s: read as a %s (%s)\n", printable(path != paths.end() ? path->second : f.name).c_str(),
                 f.source->name, printable(f.source_reason).c_str());
  }
  constexpr std::size_t kShown = 20;
  const auto& issues = session.issues().listed();
  for (std::size_t k = 0; k < issues.size() && k < kShown; ++k) {
    const bbb::Issue& i = issues[k];
    // file:line:column: severity: code: message, with what is unknown left out.
    const auto path = paths.find(i.file);
    std::string where = path != paths.end() ? path->second : i.file;
    if (i.line > 0) where += ":" + std::to_string(i.line);
    if (i.line > 0 && !i.column.empty()) where += ":" + i.column;
    std::fprintf(stderr, "%s: %s: %s: %s\n", printable(where).c_str(), i.severity.c_str(), i.code.c_str(),
                 printable(i.message).c_str());
  }
  const long long more = static_cast<long long>(issues.size() > kShown ? issues.size() - kShown : 0) + session.issues().unlisted();
  if (more > 0) std::fprintf(stderr, "... and %lld more issues (all counted in the report's issue_counts)\n", more);
}

constexpr const char* kOutOfMemory =
    "out of memory: the files need more memory than this machine gave the process "
    "(try a From/To range, quarters or years, fewer segments, or split the file by year)";

int run(const std::vector<std::string>& args) {
  if (args.size() == 1 && args[0] == "--version") { std::printf("bbb %s\n", bbb::kEngineVersion); return 0; }
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
        // FIELD:VALUE=WORD, e.g. status:Verbal commit=open (repeatable).
        const std::size_t colon = v.find(':'), eq = v.rfind('=');
        if (colon == std::string::npos || eq == std::string::npos || eq < colon)
          return fail("--value takes FIELD:VALUE=WORD, e.g. status:Verbal commit=open");
        read["values"][v.substr(0, colon)][v.substr(colon + 1, eq - colon - 1)] = v.substr(eq + 1);
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
        const std::size_t eq = v.find('=');
        if (eq == std::string::npos) return fail("--map takes FIELD=COLUMN");
        read["mapping"][v.substr(0, eq)] = v.substr(eq + 1);
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
    return true;
  };
  if (!read_files()) return fail(error);
  if (!as_of_given) {
    bbb::Date today;
    bbb::parse_iso_date(read["today"].get<std::string>(), &today);
    const std::optional<bbb::Date> as_of = bbb::default_as_of(session->data_end(), today);
    const bool from_stdin = contracts == "-" || invoices == "-" || fulfilment == "-";
    if (as_of && *as_of != today && from_stdin) {
      std::fprintf(stderr, "bbb: read as of today, %s: the data ends earlier, on %s; give --as-of %s to read it as of then\n",
                   today.iso().c_str(), session->data_end()->iso().c_str(), as_of->iso().c_str());
    } else if (as_of && *as_of != today) {
      read["as_of"] = as_of->iso();
      if (!read_files()) return fail(error);
    }
  }
  bbb::Session& session_read = *session;

  print_issues(session_read, {{"contracts", contracts}, {"subscriptions", contracts},
                         {"invoices", invoices_alone || invoices.empty() ? contracts : invoices}, {"fulfilment", fulfilment}});
  if (const auto too_large = bbb::report_too_large(bbb::report_size(session_read, report_settings))) return fail(*too_large);
  const std::string json = bbb::render_report(session_read, report_settings);
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
