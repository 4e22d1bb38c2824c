#include "workbook/shared_strings.h"

#include <algorithm>
#include <cstdint>

#include "workbook/xml_text.h"

namespace bbb {

SharedStringsPart::SharedStringsPart(SharedStrings* strings, std::size_t max_bytes)
    : strings_(strings), max_bytes_(std::min<std::size_t>(max_bytes, UINT32_MAX)) {}

bool SharedStringsPart::start_element(std::string_view name, const std::vector<XmlAttribute>&) {
  if (name == "si") {
    in_item_ = true;
    phonetic_depth_ = 0;
    item_.clear();
  } else if (name == "rPh") {
    ++phonetic_depth_;
  } else if (name == "t" && in_item_ && phonetic_depth_ == 0) {
    in_text_ = true;
    raw_.clear();
  }
  return true;
}

bool SharedStringsPart::end_element(std::string_view name) {
  if (name == "t" && in_text_) {
    in_text_ = false;
    if (has_ooxml_escape(raw_)) append_ooxml_string(raw_, &item_);
    else item_ += raw_;
  } else if (name == "rPh") {
    if (phonetic_depth_ > 0) --phonetic_depth_;
  } else if (name == "si" && in_item_) {
    in_item_ = false;
    if (strings_->bytes() + item_.size() + sizeof(std::uint32_t) > max_bytes_) {
      too_large_ = true;
      return false;
    }
    strings_->add(item_);
  }
  return true;
}

bool SharedStringsPart::text(std::string_view text) {
  if (!in_text_) return true;
  if (strings_->bytes() + item_.size() + raw_.size() + text.size() > max_bytes_) {
    too_large_ = true;
    return false;
  }
  raw_.append(text.data(), text.size());
  return true;
}

}  // namespace bbb
