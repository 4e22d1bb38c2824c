#include "workbook/workbook_reader.h"

#include "workbook/ascii_case.h"

#include <algorithm>

#include "workbook/package_parts.h"
#include "workbook/shared_strings.h"
#include "workbook/sheet_csv.h"
#include "workbook/xml_scanner.h"
#include "workbook/zip_contents.h"
#include "workbook/zip_directory.h"

namespace bbb {

namespace {

enum class Step { kTail, kZip64End, kDirectory, kLocalHeader, kPartData, kDone };
// The parts read, in this order; any but the workbook and the sheet may be missing.
enum class Part { kPackageRelationships, kWorkbook, kWorkbookRelationships, kStyles, kSharedStrings, kSheet };

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

struct WorkbookReader::Impl {
  Impl(std::uint64_t size, std::string asked, std::function<void(std::string_view)> csv, WorkbookLimits l)
      : file_size(size), sheet_asked(std::move(asked)), rows(std::move(csv)), limits(l) {}

  void start();
  void feed(const char* data, std::size_t size);
  void end_request();

  bool fail(std::string sentence) {
    if (error.empty()) error = std::move(sentence);
    request = ByteRequest();
    step = Step::kDone;
    return false;
  }
  void ask_raw(Step s, std::uint64_t offset, std::uint64_t length) {
    step = s;
    raw.clear();
    request = {ByteRequest::Kind::kRaw, offset, length, 0};
  }
  void after_end();
  void read_directory(std::string_view directory);
  void read_part(Part p, const ZipEntry* entry);
  void start_part_data(std::string_view local_header);
  void finish_part();
  void part_failed();
  void choose_workbook();
  void after_workbook();
  void choose_sheet();
  void next_part_after(Part done);

  // The sheet to read from the workbook's list, or null with a sentence given.
  const SheetListing* pick_sheet();
  bool is_chart(const SheetListing& s) const {
    const Relationship* r = workbook_relationships.with_id(s.relationship_id);
    return r != nullptr && ends_with(r->type, "/chartsheet");
  }

  std::uint64_t file_size;
  std::string sheet_asked;
  std::function<void(std::string_view)> rows;
  WorkbookLimits limits;

  Step step = Step::kTail;
  ByteRequest request;
  std::string raw;             // the bytes of a raw request for the zip's structure
  std::uint64_t part_fed = 0;  // bytes of the current part fed
  std::string error;

  std::string tail;
  std::uint64_t tail_offset = 0;
  ZipEnd zip_end;
  std::vector<ZipEntry> entries;

  Part part = Part::kPackageRelationships;
  const ZipEntry* part_entry = nullptr;
  std::string part_path;
  std::unique_ptr<XmlScanner> scanner;

  RelationshipsPart package_relationships;
  RelationshipsPart workbook_relationships;
  WorkbookPart workbook;
  StylesPart styles;
  SharedStrings strings;
  std::unique_ptr<SharedStringsPart> strings_part;
  std::unique_ptr<SheetCsvWriter> sheet_writer;
  std::vector<bool> date_styles;
  std::string workbook_path, styles_path, strings_path, sheet_path;
  std::vector<std::string> sheet_names;
  std::string sheet_name;
  ErrorCells error_cells;
};

void WorkbookReader::Impl::start() {
  // The end record alone is 22 bytes.
  if (file_size < 22) {
    fail("the file is not a readable zip archive: it has no zip directory (it may be cut short)");
    return;
  }
  tail_offset = file_size - std::min(file_size, kZipTailBytes);
  ask_raw(Step::kTail, tail_offset, file_size - tail_offset);
}

void WorkbookReader::Impl::feed(const char* data, std::size_t size) {
  if (step == Step::kDone) return;
  if (step != Step::kPartData) {
    const std::size_t room = static_cast<std::size_t>(request.length - raw.size());
    raw.append(data, std::min(size, room));
    return;
  }
  const std::uint64_t expected = request.kind == ByteRequest::Kind::kInflated ? request.inflated_length : request.length;
  if (size > expected - part_fed) {
    fail("the workbook is damaged: its part '" + part_path + "' is longer than its zip directory says");
    return;
  }
  part_fed += size;
  if (!scanner->feed(data, size)) return part_failed();
  if (sheet_writer) sheet_writer->flush();
}

void WorkbookReader::Impl::end_request() {
  switch (step) {
    case Step::kDone:
      return;
    case Step::kTail: {
      tail = std::move(raw);
      if (!read_zip_end(tail, tail_offset, &zip_end, &error)) return (void)fail(error);
      if (!zip_end.needs_zip64_record) return after_end();
      if (zip_end.zip64_record_offset >= tail_offset) {
        const std::string_view record = std::string_view(tail).substr(static_cast<std::size_t>(zip_end.zip64_record_offset - tail_offset));
        if (!read_zip64_end(record, &zip_end, &error)) return (void)fail(error);
        return after_end();
      }
      return ask_raw(Step::kZip64End, zip_end.zip64_record_offset, kZip64EndRecordBytes);
    }
    case Step::kZip64End:
      if (!read_zip64_end(raw, &zip_end, &error)) return (void)fail(error);
      return after_end();
    case Step::kDirectory:
      return read_directory(raw);
    case Step::kLocalHeader:
      return start_part_data(raw);
    case Step::kPartData:
      return finish_part();
  }
}

void WorkbookReader::Impl::after_end() {
  if (zip_end.directory_size > limits.max_directory_bytes)
    return (void)fail("the workbook's zip directory passes " + describe_bytes(limits.max_directory_bytes) +
                      ", more than is read");
  if (zip_end.directory_offset >= tail_offset) {
    const std::string directory = tail.substr(static_cast<std::size_t>(zip_end.directory_offset - tail_offset),
                                              static_cast<std::size_t>(zip_end.directory_size));
    return read_directory(directory);
  }
  ask_raw(Step::kDirectory, zip_end.directory_offset, zip_end.directory_size);
}

void WorkbookReader::Impl::read_directory(std::string_view directory) {
  if (directory.size() != zip_end.directory_size)
    return (void)fail("the workbook is damaged: its zip directory is cut short");
  if (!read_zip_directory(directory, &entries, &error)) return (void)fail(error);
  tail.clear();
  tail.shrink_to_fit();
  for (const ZipEntry& e : entries)
    if (e.encrypted())
      return (void)fail("an encrypted zip archive: unzip it with its password and drop the files inside");
  const std::string numbers = numbers_refusal(entries);
  if (!numbers.empty()) return (void)fail(numbers);
  if (const ZipEntry* rels = find_part(entries, "_rels/.rels")) return read_part(Part::kPackageRelationships, rels);
  choose_workbook();
}

void WorkbookReader::Impl::read_part(Part p, const ZipEntry* entry) {
  part = p;
  part_entry = entry;
  part_path = entry->name;
  part_fed = 0;
  if (entry->method != kZipStored && entry->method != kZipDeflated)
    return (void)fail("the workbook's part '" + part_path + "' is compressed with a method that is not read (" +
                      std::to_string(entry->method) + ")");
  if (entry->header_offset > file_size || file_size - entry->header_offset < kZipLocalHeaderBytes)
    return (void)fail("the workbook is damaged: its part '" + part_path + "' is past the end of the file");
  XmlHandler* handler = nullptr;
  switch (p) {
    case Part::kPackageRelationships: handler = &package_relationships; break;
    case Part::kWorkbook: handler = &workbook; break;
    case Part::kWorkbookRelationships: handler = &workbook_relationships; break;
    case Part::kStyles: handler = &styles; break;
    case Part::kSharedStrings:
      strings_part = std::make_unique<SharedStringsPart>(&strings, limits.max_shared_string_bytes);
      handler = strings_part.get();
      break;
    case Part::kSheet: {
      SheetContext context{&strings, &date_styles, workbook.date_system(), limits.max_token_bytes};
      sheet_writer = std::make_unique<SheetCsvWriter>(context, [this](std::string_view csv) {
        if (rows) rows(csv);
      });
      handler = sheet_writer.get();
      break;
    }
  }
  scanner = std::make_unique<XmlScanner>(handler, limits.max_token_bytes);
  ask_raw(Step::kLocalHeader, entry->header_offset, kZipLocalHeaderBytes);
}

void WorkbookReader::Impl::start_part_data(std::string_view local_header) {
  std::uint64_t data_offset = 0;
  if (!zip_data_offset(local_header, *part_entry, &data_offset, &error)) return (void)fail(error);
  const std::uint64_t length = part_entry->compressed_size;
  if (data_offset > file_size || file_size - data_offset < length)
    return (void)fail("the workbook is damaged: its part '" + part_path + "' is past the end of the file");
  if (part_entry->method == kZipStored && length != part_entry->size)
    return (void)fail("the workbook is damaged: its part '" + part_path + "' is not the size its zip directory says");
  step = Step::kPartData;
  if (length == 0) return finish_part();
  if (part_entry->method == kZipStored) request = {ByteRequest::Kind::kRaw, data_offset, length, length};
  else request = {ByteRequest::Kind::kInflated, data_offset, length, part_entry->size};
}

void WorkbookReader::Impl::part_failed() {
  if (strings_part && strings_part->too_large())
    return (void)fail("the workbook's shared strings pass " + describe_bytes(limits.max_shared_string_bytes) +
                      ", more than is read: save the sheet as CSV and drop that instead");
  if (sheet_writer && !sheet_writer->error().empty()) return (void)fail(sheet_writer->error());
  fail("the workbook's part '" + part_path + "' " +
       (scanner->error().empty() ? std::string("could not be read") : scanner->error()));
}

void WorkbookReader::Impl::finish_part() {
  const std::uint64_t expected = request.kind == ByteRequest::Kind::kInflated ? request.inflated_length : request.length;
  if (part_fed != expected)
    return (void)fail("the workbook is damaged: its part '" + part_path + "' is shorter than its zip directory says");
  if (!scanner->finish()) return part_failed();
  scanner.reset();
  next_part_after(part);
}

void WorkbookReader::Impl::next_part_after(Part done) {
  switch (done) {
    case Part::kPackageRelationships:
      return choose_workbook();
    case Part::kWorkbook:
      return after_workbook();
    case Part::kWorkbookRelationships:
      return choose_sheet();
    case Part::kStyles:
      date_styles = styles.date_styles();
      if (const ZipEntry* e = find_part(entries, strings_path)) return read_part(Part::kSharedStrings, e);
      return read_part(Part::kSheet, find_part(entries, sheet_path));
    case Part::kSharedStrings:
      strings_part.reset();
      return read_part(Part::kSheet, find_part(entries, sheet_path));
    case Part::kSheet:
      sheet_writer->flush();
      error_cells = sheet_writer->error_cells();
      sheet_writer.reset();
      step = Step::kDone;
      request = ByteRequest();
      return;
  }
}

void WorkbookReader::Impl::choose_workbook() {
  const Relationship* office = package_relationships.of_kind("officeDocument");
  workbook_path = office != nullptr ? resolve_part_path("", office->target) : "xl/workbook.xml";
  const ZipEntry* entry = find_part(entries, workbook_path);
  if (ends_with(workbook_path, ".bin") || entry == nullptr)
    return (void)fail(missing_workbook_refusal(entries, workbook_path));
  read_part(Part::kWorkbook, entry);
}

void WorkbookReader::Impl::after_workbook() {
  for (const SheetListing& s : workbook.sheets()) sheet_names.push_back(s.name);
  if (sheet_names.empty()) return (void)fail("the workbook has no sheets");
  if (const ZipEntry* rels = find_part(entries, relationships_path_of(workbook_path)))
    return read_part(Part::kWorkbookRelationships, rels);
  choose_sheet();
}

const SheetListing* WorkbookReader::Impl::pick_sheet() {
  const std::vector<SheetListing>& sheets = workbook.sheets();
  if (!sheet_asked.empty()) {
    for (const SheetListing& s : sheets)
      if (s.name == sheet_asked) return &s;
    for (const SheetListing& s : sheets)
      if (equal_ignoring_case(s.name, sheet_asked)) return &s;
    std::string names;
    for (const SheetListing& s : sheets) names += (names.empty() ? "" : ", ") + s.name;
    fail("the workbook has no sheet '" + sheet_asked + "' (its sheets: " + names + ")");
    return nullptr;
  }
  for (const SheetListing& s : sheets)
    if (!s.hidden && !is_chart(s)) return &s;
  for (const SheetListing& s : sheets)
    if (!is_chart(s)) return &s;
  fail("the workbook has no sheet of cells, only charts");
  return nullptr;
}

void WorkbookReader::Impl::choose_sheet() {
  const SheetListing* chosen = pick_sheet();
  if (chosen == nullptr) return;
  sheet_name = chosen->name;
  if (is_chart(*chosen))
    return (void)fail("the sheet '" + sheet_name + "' is a chart, not a sheet of cells: pick another sheet");
  const std::string folder(folder_of(workbook_path));
  const Relationship* r = workbook_relationships.with_id(chosen->relationship_id);
  const std::size_t index = static_cast<std::size_t>(chosen - workbook.sheets().data());
  // Without the workbook's relationships, the parts are where Excel puts them.
  sheet_path = r != nullptr ? resolve_part_path(folder, r->target)
                            : folder + "worksheets/sheet" + std::to_string(index + 1) + ".xml";
  const Relationship* s = workbook_relationships.of_kind("styles");
  styles_path = s != nullptr ? resolve_part_path(folder, s->target) : folder + "styles.xml";
  const Relationship* t = workbook_relationships.of_kind("sharedStrings");
  strings_path = t != nullptr ? resolve_part_path(folder, t->target) : folder + "sharedStrings.xml";
  if (find_part(entries, sheet_path) == nullptr)
    return (void)fail("the workbook is damaged: its sheet '" + sheet_name + "' is missing (no part " + sheet_path + ")");
  if (const ZipEntry* e = find_part(entries, styles_path)) return read_part(Part::kStyles, e);
  next_part_after(Part::kStyles);
}

WorkbookReader::WorkbookReader(std::uint64_t file_size, std::string sheet, std::function<void(std::string_view)> rows,
                               WorkbookLimits limits)
    : impl_(std::make_unique<Impl>(file_size, std::move(sheet), std::move(rows), limits)) {
  impl_->start();
}

WorkbookReader::~WorkbookReader() = default;

ByteRequest WorkbookReader::next() const { return impl_->request; }
void WorkbookReader::feed(const char* data, std::size_t size) { impl_->feed(data, size); }
void WorkbookReader::end_request() { impl_->end_request(); }
bool WorkbookReader::failed() const { return !impl_->error.empty(); }
const std::string& WorkbookReader::error() const { return impl_->error; }
const std::string& WorkbookReader::current_part() const {
  static const std::string kNone;
  return impl_->step == Step::kLocalHeader || impl_->step == Step::kPartData ? impl_->part_path : kNone;
}
const std::vector<std::string>& WorkbookReader::sheet_names() const { return impl_->sheet_names; }
const std::string& WorkbookReader::sheet() const { return impl_->sheet_name; }
std::int64_t WorkbookReader::error_cells() const { return impl_->error_cells.count; }
std::int64_t WorkbookReader::first_error_row() const { return impl_->error_cells.first_row; }
std::string WorkbookReader::first_error_column() const { return impl_->error_cells.first_column; }
std::string WorkbookReader::first_error_value() const { return impl_->error_cells.first_value; }

}  // namespace bbb
