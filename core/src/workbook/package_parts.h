// The small parts that say where a workbook's pieces are and how to read
// them: relationships (_rels/.rels, xl/_rels/workbook.xml.rels), the
// workbook (sheet names, the date system) and the styles (which cell styles
// show a date).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "workbook/excel_dates.h"
#include "workbook/xml_scanner.h"

namespace bbb {

// What one of these parts may hold in all: past it the rest is left out
// (no workbook comes near; a crafted one cannot fill memory).
constexpr std::size_t kMaxPackagePartKeptBytes = std::size_t{16} << 20;

struct Relationship {
  std::string id;
  std::string type;    // a URI: ".../relationships/worksheet"
  std::string target;  // relative to the part's folder, or from the root when it starts with '/'
  bool external = false;
};

// Reads <Relationships>.
class RelationshipsPart : public XmlHandler {
 public:
  bool start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) override;
  bool end_element(std::string_view) override { return true; }
  bool text(std::string_view) override { return true; }

  // The first internal relationship whose type ends with "/" + kind ("officeDocument", "styles").
  const Relationship* of_kind(std::string_view kind) const;
  const Relationship* with_id(std::string_view id) const;

 private:
  std::vector<Relationship> relationships_;
  std::size_t kept_bytes_ = 0;
};

struct SheetListing {
  std::string name;
  std::string relationship_id;
  bool hidden = false;  // state="hidden" or "veryHidden"
};

// Reads the workbook part: <workbookPr date1904>, <sheets><sheet name r:id state>.
class WorkbookPart : public XmlHandler {
 public:
  bool start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) override;
  bool end_element(std::string_view) override { return true; }
  bool text(std::string_view) override { return true; }

  DateSystem date_system() const { return date_system_; }
  const std::vector<SheetListing>& sheets() const { return sheets_; }

 private:
  DateSystem date_system_ = DateSystem::k1900;
  std::vector<SheetListing> sheets_;
  std::size_t kept_bytes_ = 0;
};

// Reads the styles part: custom <numFmts> and the number format of each cell style in <cellXfs>.
class StylesPart : public XmlHandler {
 public:
  bool start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) override;
  bool end_element(std::string_view name) override;
  bool text(std::string_view) override { return true; }

  // Whether each cell style (a cell's s="N") shows a date; known once the part is read.
  std::vector<bool> date_styles() const;

 private:
  struct CustomFormat {
    int id;
    bool is_date;
  };
  std::vector<CustomFormat> custom_formats_;
  std::vector<int> style_formats_;  // numFmtId of each cellXfs <xf>
  bool in_formats_ = false;
  bool in_cell_styles_ = false;
};

// A part's path in the zip from a relationship's target: `folder` is the
// folder of the part the relationship is of ("xl/"); "..", "." and %XX are
// read; no leading '/'.
std::string resolve_part_path(std::string_view folder, std::string_view target);
// "xl/workbook.xml" -> "xl/"
std::string_view folder_of(std::string_view part);
// The relationships part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string relationships_path_of(std::string_view part);

}  // namespace bbb
