#include "workbook/sheet_csv.h"

#include "workbook/number_text.h"
#include "workbook/xml_text.h"

namespace bbb {

namespace {

// Excel's last row and column: a reference past them is no reference.
constexpr std::int64_t kMaxRow = 1048576;
constexpr std::int64_t kMaxColumn = 16384;
constexpr std::size_t kFlushBytes = 64 * 1024;

std::string_view attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes)
    if (a.name == name) return a.value;
  return {};
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// A positive decimal number up to `max`, or 0.
std::int64_t number_up_to(std::string_view digits, std::int64_t max) {
  if (digits.empty() || digits.size() > 10) return 0;
  std::int64_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return 0;
    n = n * 10 + (c - '0');
  }
  return n <= max ? n : 0;
}

// The column of a cell reference ("C5" -> 3), or 0.
std::int64_t reference_column(std::string_view reference) {
  std::int64_t column = 0;
  std::size_t at = 0;
  for (; at < reference.size() && at < 3; ++at) {
    const char c = static_cast<char>(reference[at] & ~0x20);  // ASCII letters in upper case
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
  }
  if (at == 0 || column > kMaxColumn) return 0;
  return number_up_to(reference.substr(at), kMaxRow) > 0 ? column : 0;
}

bool needs_quotes(std::string_view field) {
  for (char c : field)
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  return false;
}

void append_csv_field(std::string_view field, std::string* out) {
  if (!needs_quotes(field)) {
    out->append(field.data(), field.size());
    return;
  }
  *out += '"';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

SheetCsvWriter::CellType cell_type(std::string_view t) {
  using T = SheetCsvWriter::CellType;
  if (t.empty() || t == "n") return T::kNumber;
  if (t == "s") return T::kSharedString;
  if (t == "inlineStr" || t == "str") return T::kString;
  if (t == "b") return T::kBoolean;
  if (t == "e") return T::kError;
  if (t == "d") return T::kDate;
  return T::kOther;
}

// n copies of c: mostly one, so without the general append.
void append_repeated(std::size_t n, char c, std::string* out) {
  if (n == 1) out->push_back(c);
  else if (n > 1) out->append(n, c);
}

}  // namespace

std::string column_letters(std::int64_t column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  return letters;
}

SheetCsvWriter::SheetCsvWriter(SheetContext context, std::function<void(std::string_view)> csv)
    : context_(context), csv_(std::move(csv)) {}

bool SheetCsvWriter::fail(std::string sentence) {
  if (error_.empty()) error_ = std::move(sentence);
  return false;
}

void SheetCsvWriter::flush() {
  if (out_.empty()) return;
  csv_(out_);
  out_.clear();
}

bool SheetCsvWriter::start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) {
  if (name == "sheetData") {
    in_sheet_data_ = true;
  } else if (!in_sheet_data_) {
    return true;
  } else if (name == "row") {
    start_row(attributes);
  } else if (name == "c" && in_row_) {
    start_cell(attributes);
  } else if (!in_cell_) {
    return true;
  } else if (name == "v") {
    in_value_ = true;
  } else if (name == "is") {
    in_inline_ = has_inline_ = true;
  } else if (name == "rPh") {
    ++phonetic_depth_;
  } else if (name == "t" && in_inline_ && phonetic_depth_ == 0) {
    in_inline_text_ = true;
    raw_.clear();
  }
  return true;
}

bool SheetCsvWriter::end_element(std::string_view name) {
  if (name == "sheetData") {
    in_sheet_data_ = false;
  } else if (!in_sheet_data_) {
    return true;
  } else if (name == "row" && in_row_) {
    in_row_ = false;
    if (row_has_values_) {
      out_ += '\n';
      lines_written_ = row_;
    }
    if (out_.size() >= kFlushBytes) flush();
  } else if (name == "c" && in_cell_) {
    return end_cell();
  } else if (name == "v") {
    in_value_ = false;
  } else if (name == "is") {
    in_inline_ = false;
  } else if (name == "rPh") {
    if (phonetic_depth_ > 0) --phonetic_depth_;
  } else if (name == "t" && in_inline_text_) {
    in_inline_text_ = false;
    if (has_ooxml_escape(raw_)) append_ooxml_string(raw_, &inline_);
    else inline_ += raw_;
  }
  return true;
}

bool SheetCsvWriter::text(std::string_view text) {
  std::string* into = in_inline_text_ ? &raw_ : in_value_ ? &value_ : nullptr;
  if (into == nullptr) return true;
  if (value_.size() + inline_.size() + raw_.size() + text.size() > context_.max_cell_bytes)
    return fail("the sheet's cell " + column_letters(column_) + std::to_string(row_) + " is longer than " +
                describe_bytes(context_.max_cell_bytes) + ", more than is read");
  into->append(text.data(), text.size());
  return true;
}

void SheetCsvWriter::start_row(const std::vector<XmlAttribute>& attributes) {
  if (in_row_) end_element("row");  // a row left open by broken XML ends here
  const std::int64_t written = number_up_to(attribute(attributes, "r"), kMaxRow);
  row_ = written > row_ ? written : row_ + 1;
  in_row_ = true;
  in_cell_ = false;  // a cell left open by broken XML ends here
  row_has_values_ = false;
  column_ = 0;
  column_written_ = 0;
}

void SheetCsvWriter::start_cell(const std::vector<XmlAttribute>& attributes) {
  // The first r=, t= and s= in one pass, as attribute() would find each.
  const XmlAttribute* reference = nullptr;
  const XmlAttribute* type = nullptr;
  const XmlAttribute* style = nullptr;
  for (const XmlAttribute& a : attributes) {
    if (a.name.size() != 1) continue;
    const XmlAttribute** slot = a.name[0] == 'r' ? &reference : a.name[0] == 't' ? &type : a.name[0] == 's' ? &style : nullptr;
    if (slot != nullptr && *slot == nullptr) *slot = &a;
  }
  const std::int64_t written = reference_column(reference ? reference->value : std::string_view());
  column_ = written > column_ ? written : column_ + 1;
  type_ = cell_type(type ? type->value : std::string_view());
  style_ = static_cast<int>(number_up_to(style ? style->value : std::string_view(), INT32_MAX));
  in_cell_ = true;
  in_value_ = in_inline_ = has_inline_ = in_inline_text_ = false;
  phonetic_depth_ = 0;
  value_.clear();
  inline_.clear();
}

bool SheetCsvWriter::end_cell() {
  in_cell_ = false;
  const std::string_view value = trimmed(value_);
  std::string_view field;  // viewed where it lies; made in field_ only when it must be
  switch (type_) {
    case CellType::kSharedString: {
      if (value.empty()) return true;
      const std::int64_t index = number_up_to(value, INT32_MAX);
      if ((index == 0 && value != "0") || static_cast<std::size_t>(index) >= context_.strings->count())
        return fail("the workbook is damaged: its sheet's cell " + column_letters(column_) + std::to_string(row_) +
                    " names a shared string the workbook does not have");
      field = context_.strings->at(static_cast<std::size_t>(index));
      break;
    }
    case CellType::kString: {
      const std::string_view text = has_inline_ ? std::string_view(inline_) : std::string_view(value_);
      if (has_inline_ || !has_ooxml_escape(text)) {
        field = text;
      } else {
        field_.clear();
        append_ooxml_string(text, &field_);
        field = field_;
      }
      break;
    }
    case CellType::kBoolean:
      field = value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
      break;
    case CellType::kError:
      if (error_cells_.count++ == 0) {
        error_cells_.first_row = row_;
        error_cells_.first_column = column_letters(column_);
        error_cells_.first_value = std::string(value);
      }
      return true;
    case CellType::kDate:
      field = iso_datetime_date(value, &field_) ? std::string_view(field_) : value;
      break;
    case CellType::kNumber:
      if (!clean_number_text(value, &field_)) {
        field = value;
      } else {
        field = field_;
        const std::vector<bool>& dates = *context_.date_styles;
        if (static_cast<std::size_t>(style_) < dates.size() && dates[static_cast<std::size_t>(style_)] &&
            excel_serial_date(field_, context_.date_system, &date_))
          field = date_;
      }
      break;
    case CellType::kOther:
      field = value_;
      break;
  }
  if (!field.empty()) emit(field);
  return true;
}

void SheetCsvWriter::emit(std::string_view field) {
  if (!row_has_values_) {
    append_repeated(static_cast<std::size_t>(row_ - 1 - lines_written_), '\n', &out_);
    row_has_values_ = true;
  }
  append_repeated(static_cast<std::size_t>(column_written_ == 0 ? column_ - 1 : column_ - column_written_), ',', &out_);
  append_csv_field(field, &out_);
  column_written_ = column_;
  if (out_.size() >= kFlushBytes) flush();
}

}  // namespace bbb
