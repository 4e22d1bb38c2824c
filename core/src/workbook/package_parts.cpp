#include "workbook/package_parts.h"

#include "workbook/number_formats.h"

namespace bbb {

namespace {

// Past these counts the rest is left out: Excel's own limits are far below.
constexpr std::size_t kMaxSheets = 1 << 16;
constexpr std::size_t kMaxStyles = 1 << 20;

std::string_view attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes)
    if (a.name == name) return a.value;
  return {};
}

bool has_attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  for (const XmlAttribute& a : attributes)
    if (a.name == name) return true;
  return false;
}

// A small non-negative integer attribute, or -1.
int int_attribute(const std::vector<XmlAttribute>& attributes, std::string_view name) {
  const std::string_view v = attribute(attributes, name);
  if (v.empty() || v.size() > 9) return -1;
  int n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool RelationshipsPart::start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) {
  if (name != "Relationship") return true;
  Relationship r;
  r.id = std::string(attribute(attributes, "Id"));
  r.type = std::string(attribute(attributes, "Type"));
  r.target = std::string(attribute(attributes, "Target"));
  r.external = attribute(attributes, "TargetMode") == "External";
  kept_bytes_ += r.id.size() + r.type.size() + r.target.size();
  if (kept_bytes_ <= kMaxPackagePartKeptBytes) relationships_.push_back(std::move(r));
  return true;
}

const Relationship* RelationshipsPart::of_kind(std::string_view kind) const {
  for (const Relationship& r : relationships_) {
    const std::string_view type = r.type;
    if (!r.external && type.size() > kind.size() && type.substr(type.size() - kind.size()) == kind &&
        type[type.size() - kind.size() - 1] == '/')
      return &r;
  }
  return nullptr;
}

const Relationship* RelationshipsPart::with_id(std::string_view id) const {
  for (const Relationship& r : relationships_)
    if (r.id == id) return &r;
  return nullptr;
}

bool WorkbookPart::start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) {
  if (name == "workbookPr") {
    const std::string_view v = attribute(attributes, "date1904");
    if (v == "1" || v == "true") date_system_ = DateSystem::k1904;
  } else if (name == "sheet" && sheets_.size() < kMaxSheets) {
    SheetListing s;
    s.name = std::string(attribute(attributes, "name"));
    s.relationship_id = std::string(attribute(attributes, "id"));
    const std::string_view state = attribute(attributes, "state");
    s.hidden = state == "hidden" || state == "veryHidden";
    kept_bytes_ += s.name.size() + s.relationship_id.size();
    if (kept_bytes_ <= kMaxPackagePartKeptBytes) sheets_.push_back(std::move(s));
  }
  return true;
}

bool StylesPart::start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) {
  if (name == "numFmts") {
    in_formats_ = true;
  } else if (name == "cellXfs") {
    in_cell_styles_ = true;
  } else if (name == "numFmt" && in_formats_ && custom_formats_.size() < kMaxStyles) {
    const int id = int_attribute(attributes, "numFmtId");
    if (id >= 0) custom_formats_.push_back({id, is_date_format_code(attribute(attributes, "formatCode"))});
  } else if (name == "xf" && in_cell_styles_ && style_formats_.size() < kMaxStyles) {
    style_formats_.push_back(has_attribute(attributes, "numFmtId") ? int_attribute(attributes, "numFmtId") : 0);
  }
  return true;
}

bool StylesPart::end_element(std::string_view name) {
  if (name == "numFmts") in_formats_ = false;
  else if (name == "cellXfs") in_cell_styles_ = false;
  return true;
}

std::vector<bool> StylesPart::date_styles() const {
  std::vector<bool> dates;
  dates.reserve(style_formats_.size());
  for (int id : style_formats_) {
    bool is_date = is_builtin_date_format(id);
    for (const CustomFormat& f : custom_formats_)
      if (f.id == id) is_date = f.is_date;  // a custom format may take a built-in's id
    dates.push_back(is_date);
  }
  return dates;
}

std::string_view folder_of(std::string_view part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
}

std::string relationships_path_of(std::string_view part) {
  const std::string_view folder = folder_of(part);
  return std::string(folder) + "_rels/" + std::string(part.substr(folder.size())) + ".rels";
}

std::string resolve_part_path(std::string_view folder, std::string_view target) {
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size() && hex_digit(target[i + 1]) >= 0 && hex_digit(target[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_digit(target[i + 1]) * 16 + hex_digit(target[i + 2]));
      i += 2;
    } else {
      decoded += target[i] == '\\' ? '/' : target[i];
    }
  }
  const std::string joined = !decoded.empty() && decoded[0] == '/' ? decoded : std::string(folder) + decoded;
  std::vector<std::string_view> segments;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
      continue;
    }
    segments.push_back(segment);
  }
  std::string path;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) path += '/';
    path.append(segments[i].data(), segments[i].size());
  }
  return path;
}

}  // namespace bbb
