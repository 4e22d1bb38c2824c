#include "cli_files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "workbook/container_check.h"
#include "workbook/read_workbook_file.h"

namespace bbb_cli {

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

const char* const kOutOfMemory =
    "out of memory: the files need more memory than this machine gave the process "
    "(try a From/To range, quarters or years, fewer segments, or split the file by year)";

bool add_mapping_option(const std::string& value, nlohmann::json* read, std::string* error) {
  const std::size_t eq = value.find('=');
  if (eq == std::string::npos) { *error = "--map takes FIELD=COLUMN"; return false; }
  (*read)["mapping"][value.substr(0, eq)] = value.substr(eq + 1);
  return true;
}

bool add_value_option(const std::string& value, nlohmann::json* read, std::string* error) {
  const std::size_t colon = value.find(':'), eq = value.rfind('=');
  if (colon == std::string::npos || eq == std::string::npos || eq < colon) {
    *error = "--value takes FIELD:VALUE=WORD, e.g. status:Verbal commit=open";
    return false;
  }
  (*read)["values"][value.substr(0, colon)][value.substr(colon + 1, eq - colon - 1)] = value.substr(eq + 1);
  return true;
}

}  // namespace bbb_cli
