// The text of an XML part decoded: its entities (&amp; &#233;) and the
// _xHHHH_ escapes SpreadsheetML writes for characters XML cannot hold (a CR
// is _x000D_, and _x005F_ is an underscore that would start one).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace bbb {

// A code point as UTF-8; one that is no character (a surrogate, past U+10FFFF) as U+FFFD.
void append_utf8(std::uint32_t code_point, std::string* out);

// raw with &amp; &lt; &gt; &quot; &apos; &#NN; &#xHH; decoded; any other '&' is kept as written.
void append_xml_text(std::string_view raw, std::string* out);

// text with its _xHHHH_ escapes decoded (a UTF-16 pair of them is one character).
void append_ooxml_string(std::string_view text, std::string* out);

inline bool has_ooxml_escape(std::string_view text) { return text.find("_x") != std::string_view::npos; }

}  // namespace bbb
