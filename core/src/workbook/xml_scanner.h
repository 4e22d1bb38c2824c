// A streaming XML tokenizer for the parts of a workbook: bytes in, in pieces
// of any size, start tags, end tags and text out. Only what SpreadsheetML
// parts use: elements, attributes, entities, CDATA; comments, processing
// instructions and a DOCTYPE are skipped. Names are given without their
// namespace prefix (<x:row> is "row", r:id is "id"). One token (a tag, or the
// text between two tags) is held whole, up to a bound, so memory stays small
// whatever the part's size.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace bbb {

struct XmlAttribute {
  std::string_view name;   // local name
  std::string_view value;  // entities decoded
};

// What the scanner finds, in document order. A handler returns false to stop
// the scan (it keeps its own reason).
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual bool start_element(std::string_view name, const std::vector<XmlAttribute>& attributes) = 0;
  virtual bool end_element(std::string_view name) = 0;  // also right after a self-closing start
  // Text with its entities decoded; the text of one element may come in more than one piece (CDATA).
  virtual bool text(std::string_view text) = 0;
};

class XmlScanner {
 public:
  XmlScanner(XmlHandler* handler, std::size_t max_token_bytes);

  // False once the scan failed or a handler stopped it.
  bool feed(const char* data, std::size_t size);
  bool finish();  // the end of the part

  bool failed() const { return !error_.empty(); }
  bool stopped() const { return stopped_; }
  // Why the scan failed, the end of a sentence: "has one XML tag or text longer than 16 MB".
  const std::string& error() const { return error_; }

 private:
  bool scan();
  bool scan_markup();
  bool emit_text(std::string_view raw);
  bool emit_tag(std::string_view tag);  // between '<' and '>'
  // A plain tag (no entity, no stray byte) at buffer_[lt] in one pass: the index of its '>', or npos to
  // leave it to the general path (also when incomplete or past the bound).
  std::size_t emit_simple_tag(std::size_t lt);
  void fail(std::string sentence);

  XmlHandler* handler_;
  std::size_t max_token_bytes_;
  std::string buffer_;
  std::size_t scanned_ = 0;  // how far the pending token was searched for its end
  char quote_ = 0;           // inside a tag: the open attribute quote
  bool started_ = false;     // a byte-order mark was looked for
  bool stopped_ = false;
  std::string error_;
  std::string decoded_;                  // text or attribute values with entities
  std::vector<XmlAttribute> attributes_;
  std::vector<std::size_t> value_ends_;  // decoded attribute values' ends in decoded_
};

// The size of a bound for a sentence: "16 MB", or "1000 bytes" under 1 MB.
std::string describe_bytes(std::size_t bytes);

}  // namespace bbb
