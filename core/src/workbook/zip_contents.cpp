#include "workbook/zip_contents.h"

#include "workbook/ascii_case.h"

namespace bbb {

namespace {

// The CSV files a refusal names; the rest are counted.
constexpr std::size_t kNamedCsvFiles = 4;

// Not a file a user put in the zip: a folder, macOS's __MACOSX/ copies, dot files.
bool is_bookkeeping(const ZipEntry& e) {
  const std::string_view name = e.name;
  const std::size_t slash = name.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  return e.is_folder() || name.substr(0, 9) == "__MACOSX/" || base.empty() || base[0] == '.';
}

}  // namespace

const ZipEntry* find_part(const std::vector<ZipEntry>& entries, std::string_view path) {
  for (const ZipEntry& e : entries) {
    std::string_view name = e.name;
    if (!name.empty() && name[0] == '/') name.remove_prefix(1);
    if (equal_ignoring_case(name, path)) return &e;
  }
  return nullptr;
}

std::string numbers_refusal(const std::vector<ZipEntry>& entries) {
  for (const ZipEntry& e : entries)
    if (e.name.substr(0, 6) == "Index/" && ends_with_ignoring_case(e.name, ".iwa"))
      return "an Apple Numbers file: export it from Numbers as CSV or Excel (.xlsx)";
  return "";
}

std::string missing_workbook_refusal(const std::vector<ZipEntry>& entries, std::string_view workbook_path) {
  if (ends_with_ignoring_case(workbook_path, ".bin") || find_part(entries, "xl/workbook.bin") != nullptr)
    return "an Excel binary workbook (.xlsb): save it as .xlsx or CSV";
  std::vector<std::string_view> csv_files;
  for (const ZipEntry& e : entries)
    if (!is_bookkeeping(e) && ends_with_ignoring_case(e.name, ".csv")) csv_files.push_back(e.name);
  if (!csv_files.empty()) {
    std::string names;
    for (std::size_t i = 0; i < csv_files.size() && i < kNamedCsvFiles; ++i) {
      if (i > 0) names += ", ";
      names += csv_files[i];
    }
    if (csv_files.size() > kNamedCsvFiles) names += " and " + std::to_string(csv_files.size() - kNamedCsvFiles) + " more";
    return "a zip of " + std::to_string(csv_files.size()) + (csv_files.size() == 1 ? " CSV file (" : " CSV files (") +
           names + "): unzip it and drop the subscriptions or invoices CSV";
  }
  return "a zip archive that is not an Excel workbook (no xl/workbook.xml)";
}

}  // namespace bbb
