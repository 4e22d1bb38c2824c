// The workbook's shared strings (xl/sharedStrings.xml), which sheet cells
// name by index. They must all be held while the sheet is read, so they are
// held compactly: one arena of text and the end of each string in it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "workbook/xml_scanner.h"

namespace bbb {

class SharedStrings {
 public:
  std::size_t count() const { return ends_.size(); }
  std::string_view at(std::size_t i) const {
    const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_.data() + begin, ends_[i] - begin);
  }
  // What the strings hold: their text and an end offset each.
  std::size_t bytes() const { return text_.size() + ends_.size() * sizeof(std::uint32_t); }
  void add(std::string_view s) {
    text_.append(s.data(), s.size());
    ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_;
};

// Reads <sst>: each <si> is one string, the text of its <t> elements (one,
// or one per rich-text run <r>) joined; phonetic runs <rPh> are left out.
class SharedStringsPart : public XmlHandler {
 public:
  // max_bytes: bound on strings.bytes(), at most 4 GB (the offsets are 32-bit).
  SharedStringsPart(SharedStrings* strings, std::size_t max_bytes);

  bool start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) override;
  bool end_element(std::string_view name) override;
  bool text(std::string_view text) override;

  bool too_large() const { return too_large_; }

 private:
  SharedStrings* strings_;
  std::size_t max_bytes_;
  bool in_item_ = false;
  int phonetic_depth_ = 0;
  bool in_text_ = false;
  bool too_large_ = false;
  std::string raw_;   // the current <t>'s text, its _xHHHH_ escapes not yet decoded
  std::string item_;  // the current <si>'s text
};

}  // namespace bbb
