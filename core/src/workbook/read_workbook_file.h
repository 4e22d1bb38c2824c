// Reads a workbook file from disk into a WorkbookReader: the native driver
// (the CLI and the tests), which inflates with zlib; the page has its own.
#pragma once

#include <string>

#include "workbook/workbook_reader.h"

namespace bbb {

// Serves the reader's requests from the file at `path` until it is done.
// False with one sentence in *error when the file cannot be read, a part
// does not inflate, or the reader failed (its error).
bool read_workbook_file(const std::string& path, WorkbookReader& reader, std::string* error);

}  // namespace bbb
