#include "workbook/xml_scanner.h"

#include <algorithm>
#include <cstring>

#include "workbook/xml_text.h"

namespace bbb {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// The bytes that may be in a name as the one-pass tag parser takes it, in a table: it is asked for each byte.
struct NameBytes {
  bool is[256] = {};
  constexpr NameBytes() {
    for (int c = 0; c < 256; ++c) is[c] = true;
    for (const char c : std::string_view(" \t\r\n>/=\"'&")) is[static_cast<unsigned char>(c)] = false;
  }
};
constexpr NameBytes kNameBytes;

bool is_name_byte(char c) { return kNameBytes.is[static_cast<unsigned char>(c)]; }

// The first `c` in [p, end), or end: short distances are the rule, so look a few bytes before calling memchr.
const char* find_byte(const char* p, const char* end, char c) {
  for (const char* stop = std::min(end, p + 16); p < stop; ++p)
    if (*p == c) return p;
  if (p >= end) return end;
  const void* at = std::memchr(p, c, static_cast<std::size_t>(end - p));
  return at == nullptr ? end : static_cast<const char*>(at);
}

// Whether text needs decoding: an entity, or a CR line end.
bool needs_decoding(std::string_view raw) {
  for (char c : raw)
    if (c == '&' || c == '\r') return true;
  return false;
}

std::string_view local_name(std::string_view qualified) {
  const std::size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

constexpr std::string_view kCdata = "<![CDATA[";

// Text with entities decoded and line ends as XML reads them (CRLF and CR are LF).
void decode_text(std::string_view raw, std::string* out) {
  out->clear();
  if (raw.find('\r') == std::string_view::npos) {
    append_xml_text(raw, out);
    return;
  }
  std::string lf;
  lf.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\r') lf += raw[i];
    else if (i + 1 >= raw.size() || raw[i + 1] != '\n') lf += '\n';
  }
  append_xml_text(lf, out);
}

}  // namespace

std::string describe_bytes(std::size_t bytes) {
  constexpr std::size_t kMb = std::size_t{1} << 20;
  if (bytes >= kMb && bytes % kMb == 0) return std::to_string(bytes / kMb) + " MB";
  return std::to_string(bytes) + " bytes";
}

XmlScanner::XmlScanner(XmlHandler* handler, std::size_t max_token_bytes)
    : handler_(handler), max_token_bytes_(max_token_bytes) {}

void XmlScanner::fail(std::string sentence) {
  if (error_.empty()) error_ = std::move(sentence);
}

bool XmlScanner::feed(const char* data, std::size_t size) {
  if (failed() || stopped_) return false;
  buffer_.append(data, size);
  if (!started_) {
    if (buffer_.size() < 3) return true;
    started_ = true;
    if (starts_with(buffer_, "\xEF\xBB\xBF")) buffer_.erase(0, 3);
    else if (starts_with(buffer_, "\xFF\xFE") || starts_with(buffer_, "\xFE\xFF")) fail("is UTF-16 XML, which is not read");
    if (failed()) return false;
  }
  return scan();
}

bool XmlScanner::finish() {
  if (failed() || stopped_) return false;
  started_ = true;
  if (!scan()) return false;
  if (!buffer_.empty()) {
    if (buffer_[0] == '<') fail("ends in the middle of an XML tag");
    else if (!emit_text(buffer_)) return false;
    buffer_.clear();
  }
  return !failed();
}

bool XmlScanner::scan() {
  std::size_t pos = 0;
  while (pos < buffer_.size() && !failed() && !stopped_) {
    const std::string_view rest(buffer_.data() + pos, buffer_.size() - pos);
    if (rest[0] != '<') {
      const char* const data = buffer_.data();
      const std::size_t lt = static_cast<std::size_t>(
          find_byte(data + std::max(pos, scanned_), data + buffer_.size(), '<') - data);
      if (lt == buffer_.size()) {
        scanned_ = buffer_.size();
        break;
      }
      if (lt - pos > max_token_bytes_) break;  // failed below, as when it comes in pieces
      emit_text(std::string_view(buffer_.data() + pos, lt - pos));
      pos = scanned_ = lt;
      continue;
    }
    // The end of a markup token that ends with `terminator`, searched from `from` past '<' on.
    const auto find_end = [&](std::size_t from, std::string_view terminator) {
      const std::size_t resume = scanned_ > pos + terminator.size() ? scanned_ - terminator.size() + 1 : pos + from;
      const std::size_t at = buffer_.find(terminator.data(), std::max(pos + from, resume), terminator.size());
      if (at == std::string::npos) scanned_ = buffer_.size();
      return at;
    };
    std::size_t end = std::string::npos;  // the token's last byte
    bool cdata = false;
    bool tag = false;
    if (rest.size() < 2) {
      break;
    } else if (rest[1] == '?') {
      const std::size_t at = find_end(2, "?>");
      if (at != std::string::npos) end = at + 1;
    } else if (rest[1] == '!') {
      if (starts_with(rest, "<!--")) {
        const std::size_t at = find_end(4, "-->");
        if (at != std::string::npos) end = at + 2;
      } else if ((rest.size() < 4 && starts_with("<!--", rest)) ||
                 (rest.size() < kCdata.size() && starts_with(kCdata, rest))) {
        break;  // too few bytes to tell a comment or CDATA from a declaration
      } else if (starts_with(rest, kCdata)) {
        const std::size_t at = find_end(kCdata.size(), "]]>");
        if (at != std::string::npos) {
          end = at + 2;
          cdata = true;
        }
      } else {
        const std::size_t at = find_end(2, ">");
        if (at != std::string::npos) end = at;
      }
    } else if (scanned_ <= pos && (end = emit_simple_tag(pos)) != std::string::npos) {
      pos = scanned_ = end + 1;
      continue;
    } else {
      std::size_t i = std::max(pos + 1, scanned_);
      for (; i < buffer_.size(); ++i) {
        const char c = buffer_[i];
        if (quote_ != 0) {
          if (c == quote_) quote_ = 0;
        } else if (c == '"' || c == '\'') {
          quote_ = c;
        } else if (c == '>') {
          break;
        }
      }
      scanned_ = i;
      if (i < buffer_.size()) {
        end = i;
        tag = true;
      }
    }
    // A token past the bound stays pending and fails below, as when it comes in pieces.
    if (end == std::string::npos || end - pos >= max_token_bytes_) break;
    if (tag) {
      quote_ = 0;
      emit_tag(std::string_view(buffer_.data() + pos + 1, end - pos - 1));
    } else if (cdata && !handler_->text(std::string_view(buffer_.data() + pos + kCdata.size(), end - 2 - pos - kCdata.size()))) {
      stopped_ = true;
    }
    pos = scanned_ = end + 1;
  }
  buffer_.erase(0, pos);
  scanned_ = scanned_ > pos ? scanned_ - pos : 0;
  if (buffer_.size() > max_token_bytes_)
    fail("has one XML tag or text longer than " + describe_bytes(max_token_bytes_) + ", more than is read");
  return !failed() && !stopped_;
}

bool XmlScanner::emit_text(std::string_view raw) {
  if (stopped_) return false;
  bool go = true;
  if (!needs_decoding(raw)) {
    go = handler_->text(raw);
  } else {
    decode_text(raw, &decoded_);
    go = handler_->text(decoded_);
  }
  if (!go) stopped_ = true;
  return go;
}

std::size_t XmlScanner::emit_simple_tag(std::size_t lt) {
  const char* const begin = buffer_.data() + lt;
  const char* const end = begin + std::min(buffer_.size() - lt, max_token_bytes_);
  const char* p = begin + 1;
  const bool closing = *p == '/';
  if (closing) ++p;
  // A name up to its local part: <x:row> is "row".
  const auto read_name = [&p, end]() {
    const char* local = p;
    for (; p < end && is_name_byte(*p); ++p)
      if (*p == ':') local = p + 1;
    return std::string_view(local, static_cast<std::size_t>(p - local));
  };
  const char* const name_begin = p;
  const std::string_view name = read_name();
  if (p == name_begin || p >= end) return std::string::npos;
  if (closing) {
    if (*p != '>') return std::string::npos;
    if (!handler_->end_element(name)) stopped_ = true;
    return static_cast<std::size_t>(p - buffer_.data());
  }
  attributes_.clear();
  bool self_closing = false;
  for (;;) {
    while (p < end && is_space(*p)) ++p;
    if (p >= end) return std::string::npos;
    if (*p == '>') break;
    if (*p == '/') {
      if (p + 1 >= end || p[1] != '>') return std::string::npos;
      self_closing = true;
      ++p;
      break;
    }
    const char* const attribute_begin = p;
    const std::string_view attribute = read_name();
    if (p == attribute_begin || p + 1 >= end || *p != '=' || (p[1] != '"' && p[1] != '\'')) return std::string::npos;
    const char quote = p[1];
    p += 2;
    const char* const value = p;
    while (p < end && *p != quote && *p != '&') ++p;
    if (p >= end || *p != quote) return std::string::npos;
    attributes_.push_back({attribute, std::string_view(value, static_cast<std::size_t>(p - value))});
    ++p;
  }
  if (!handler_->start_element(name, attributes_) || (self_closing && !handler_->end_element(name))) stopped_ = true;
  return static_cast<std::size_t>(p - buffer_.data());
}

bool XmlScanner::emit_tag(std::string_view tag) {
  if (stopped_) return false;
  if (!tag.empty() && tag[0] == '/') {
    std::size_t n = 1;
    while (n < tag.size() && !is_space(tag[n])) ++n;
    if (!handler_->end_element(local_name(tag.substr(1, n - 1)))) stopped_ = true;
    return !stopped_;
  }
  const bool self_closing = !tag.empty() && tag.back() == '/';
  if (self_closing) tag.remove_suffix(1);
  std::size_t at = 0;
  while (at < tag.size() && !is_space(tag[at])) ++at;
  const std::string_view name = local_name(tag.substr(0, at));
  // Attribute values with an entity are decoded into decoded_ first, and
  // viewed once all are there (decoded_ may move as it grows).
  attributes_.clear();
  value_ends_.clear();
  decoded_.clear();
  while (at < tag.size()) {
    while (at < tag.size() && is_space(tag[at])) ++at;
    const std::size_t name_start = at;
    while (at < tag.size() && !is_space(tag[at]) && tag[at] != '=') ++at;
    const std::string_view attribute = tag.substr(name_start, at - name_start);
    while (at < tag.size() && is_space(tag[at])) ++at;
    if (at >= tag.size() || tag[at] != '=') continue;
    ++at;
    while (at < tag.size() && is_space(tag[at])) ++at;
    if (at >= tag.size() || (tag[at] != '"' && tag[at] != '\'')) continue;
    const char quote = tag[at++];
    std::size_t close = tag.find(quote, at);
    if (close == std::string_view::npos) close = tag.size();
    const std::string_view raw = tag.substr(at, close - at);
    at = close + 1;
    if (raw.find('&') == std::string_view::npos) {
      attributes_.push_back({local_name(attribute), raw});
      value_ends_.push_back(std::string::npos);
    } else {
      append_xml_text(raw, &decoded_);
      attributes_.push_back({local_name(attribute), std::string_view()});
      value_ends_.push_back(decoded_.size());
    }
  }
  std::size_t begin = 0;
  for (std::size_t i = 0; i < attributes_.size(); ++i) {
    if (value_ends_[i] == std::string::npos) continue;
    attributes_[i].value = std::string_view(decoded_.data() + begin, value_ends_[i] - begin);
    begin = value_ends_[i];
  }
  if (!handler_->start_element(name, attributes_) || (self_closing && !handler_->end_element(name))) stopped_ = true;
  return !stopped_;
}

}  // namespace bbb
