// Why a zip is not a workbook the engine reads, from its entries' names:
// the sentence a user sees, naming what the file is and what to do.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "workbook/zip_directory.h"

namespace bbb {

// An Apple Numbers file (Index/*.iwa), else empty.
std::string numbers_refusal(const std::vector<ZipEntry>& entries);

// For a zip without the workbook part `workbook_path`: an Excel binary
// workbook (.xlsb), a zip of CSV files (a Chargebee export), or any other
// zip (an .ods).
std::string missing_workbook_refusal(const std::vector<ZipEntry>& entries, std::string_view workbook_path);

// The entry of a part, its name compared as OOXML does (case ignored); null when missing.
const ZipEntry* find_part(const std::vector<ZipEntry>& entries, std::string_view path);

}  // namespace bbb
