// Workbooks for the tests, made from XML text: a small zip writer (stored
// or deflated with zlib, with a comment, as ZIP64), the parts of a workbook
// in the order Excel writes them, and a reader run over the bytes in memory
// in pieces of any size, as the page feeds it.
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "workbook/workbook_reader.h"

namespace bbb_test {

struct ZipPart {
  std::string name;
  std::string data;
  bool deflate = false;
  bool encrypted_flag = false;
};

struct ZipOptions {
  std::string comment;
  bool zip64 = false;  // the ZIP64 end records, and each entry's sizes and offset in a ZIP64 extra field
};

inline void put_le(std::string* out, std::uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) *out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

inline std::string deflate_raw(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string make_zip(const std::vector<ZipPart>& parts, const ZipOptions& options = {}) {
  std::string zip, directory;
  for (const ZipPart& p : parts) {
    const std::string data = p.deflate ? deflate_raw(p.data) : p.data;
    const std::uint32_t crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(p.data.data()), static_cast<uInt>(p.data.size())));
    const std::uint64_t offset = zip.size();
    const std::uint16_t flags = p.encrypted_flag ? 1 : 0;
    const std::uint16_t method = p.deflate ? 8 : 0;
    put_le(&zip, 0x04034b50, 4);
    put_le(&zip, options.zip64 ? 45 : 20, 2);
    put_le(&zip, flags, 2);
    put_le(&zip, method, 2);
    put_le(&zip, 0, 4);  // time and date
    put_le(&zip, crc, 4);
    put_le(&zip, data.size(), 4);
    put_le(&zip, p.data.size(), 4);
    put_le(&zip, p.name.size(), 2);
    put_le(&zip, 0, 2);
    zip += p.name;
    zip += data;

    std::string extra;
    if (options.zip64) {
      put_le(&extra, 1, 2);
      put_le(&extra, 24, 2);
      put_le(&extra, p.data.size(), 8);
      put_le(&extra, data.size(), 8);
      put_le(&extra, offset, 8);
    }
    const std::uint64_t in_extra = 0xFFFFFFFF;
    put_le(&directory, 0x02014b50, 4);
    put_le(&directory, 0x031E, 2);
    put_le(&directory, options.zip64 ? 45 : 20, 2);
    put_le(&directory, flags, 2);
    put_le(&directory, method, 2);
    put_le(&directory, 0, 4);
    put_le(&directory, crc, 4);
    put_le(&directory, options.zip64 ? in_extra : data.size(), 4);
    put_le(&directory, options.zip64 ? in_extra : p.data.size(), 4);
    put_le(&directory, p.name.size(), 2);
    put_le(&directory, extra.size(), 2);
    put_le(&directory, 0, 2);   // comment
    put_le(&directory, 0, 2);   // disk
    put_le(&directory, 0, 2);   // internal attributes
    put_le(&directory, 0, 4);   // external attributes
    put_le(&directory, options.zip64 ? in_extra : offset, 4);
    directory += p.name;
    directory += extra;
  }
  const std::uint64_t directory_offset = zip.size();
  zip += directory;
  if (options.zip64) {
    const std::uint64_t record_offset = zip.size();
    put_le(&zip, 0x06064b50, 4);
    put_le(&zip, 44, 8);
    put_le(&zip, 45, 2);
    put_le(&zip, 45, 2);
    put_le(&zip, 0, 4);
    put_le(&zip, 0, 4);
    put_le(&zip, parts.size(), 8);
    put_le(&zip, parts.size(), 8);
    put_le(&zip, directory.size(), 8);
    put_le(&zip, directory_offset, 8);
    put_le(&zip, 0x07064b50, 4);
    put_le(&zip, 0, 4);
    put_le(&zip, record_offset, 8);
    put_le(&zip, 1, 4);
  }
  put_le(&zip, 0x06054b50, 4);
  put_le(&zip, 0, 4);  // disks
  put_le(&zip, options.zip64 ? 0xFFFF : parts.size(), 2);
  put_le(&zip, options.zip64 ? 0xFFFF : parts.size(), 2);
  put_le(&zip, options.zip64 ? 0xFFFFFFFF : directory.size(), 4);
  put_le(&zip, options.zip64 ? 0xFFFFFFFF : directory_offset, 4);
  put_le(&zip, options.comment.size(), 2);
  zip += options.comment;
  return zip;
}

inline std::string escaped(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '&' ? std::string("&amp;") : c == '"' ? std::string("&quot;") : std::string(1, c);
  return out;
}

// A sheet part around its rows.
inline std::string sheet_xml(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
         "<dimension ref=\"A1:F9\"/><sheetData>" + rows + "</sheetData><pageMargins left=\"0.7\"/></worksheet>";
}

// Styles: s="0" General, s="1" the built-in date 14, s="2" a custom "dd/mm/yyyy", s="3" "#,##0.00", s="4" "h:mm".
inline std::string styles_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
         "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"&quot;USD &quot;#,##0.00\"/></numFmts>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
         "<cellXfs count=\"5\"><xf numFmtId=\"0\" xfId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
         "<xf numFmtId=\"164\"/><xf numFmtId=\"4\"/><xf numFmtId=\"20\"/></cellXfs>"
         "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"166\" formatCode=\"yyyy\"/></dxf></dxfs></styleSheet>";
}

struct Sheet {
  std::string name;
  std::string xml;
  bool chart = false;
  std::string state;  // "hidden"
};

struct WorkbookSpec {
  std::vector<Sheet> sheets;
  std::string shared_strings;  // the <sst> part, empty: none
  std::string styles = styles_xml();
  bool date1904 = false;
  bool deflate = false;
  ZipOptions zip;
};

// The parts in the order Excel writes them: sheets before the shared strings and styles.
inline std::vector<ZipPart> workbook_parts(const WorkbookSpec& w) {
  const std::string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  std::string sheets, rels;
  std::vector<ZipPart> sheet_parts;
  for (std::size_t i = 0; i < w.sheets.size(); ++i) {
    const Sheet& s = w.sheets[i];
    const std::string n = std::to_string(i + 1);
    const std::string target = s.chart ? "chartsheets/sheet" + n + ".xml" : "worksheets/sheet" + n + ".xml";
    sheets += "<sheet name=\"" + escaped(s.name) + "\" sheetId=\"" + n + "\"" + (s.state.empty() ? "" : " state=\"" + s.state + "\"") +
              " r:id=\"rId" + n + "\"/>";
    rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel + (s.chart ? "/chartsheet" : "/worksheet") +
            "\" Target=\"" + target + "\"/>";
    sheet_parts.push_back({"xl/" + target, s.xml, w.deflate});
  }
  rels += "<Relationship Id=\"rIdS\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/>";
  if (!w.shared_strings.empty())
    rels += "<Relationship Id=\"rIdT\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  std::vector<ZipPart> parts;
  parts.push_back({"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>", w.deflate});
  parts.push_back({"_rels/.rels",
                   "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                   "relationships\"><Relationship Id=\"rId1\" Type=\"" + rel +
                       "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                   w.deflate});
  parts.push_back({"xl/workbook.xml",
                   "<?xml version=\"1.0\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel + "\"><workbookPr" +
                       (w.date1904 ? " date1904=\"1\"" : "") + "/><sheets>" + sheets + "</sheets></workbook>",
                   w.deflate});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                   "relationships\">" + rels + "</Relationships>",
                   w.deflate});
  for (ZipPart& p : sheet_parts) parts.push_back(std::move(p));
  parts.push_back({"xl/styles.xml", w.styles, w.deflate});
  if (!w.shared_strings.empty()) parts.push_back({"xl/sharedStrings.xml", w.shared_strings, w.deflate});
  return parts;
}

inline std::string make_workbook(const WorkbookSpec& w) { return make_zip(workbook_parts(w), w.zip); }

// A one-sheet workbook ("Sheet1") of these rows, with these shared strings (<si> items).
inline std::string one_sheet_workbook(const std::string& rows, const std::string& shared_items = "",
                                      bool date1904 = false) {
  WorkbookSpec w;
  w.sheets.push_back({"Sheet1", sheet_xml(rows)});
  if (!shared_items.empty())
    w.shared_strings = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                       shared_items + "</sst>";
  w.date1904 = date1904;
  return make_workbook(w);
}

struct WorkbookRun {
  bool ok = false;
  std::string csv;
  std::string error;
  std::vector<std::string> sheet_names;
  std::string sheet;
  std::int64_t error_cells = 0;
  std::int64_t first_error_row = 0;
  std::string first_error_column;
  std::string first_error_value;
  std::vector<bbb::ByteRequest> requests;
};

inline std::string inflate_raw(std::string_view data) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, -15), Z_OK);
  std::string out;
  char piece[4096];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(piece);
    z.avail_out = sizeof piece;
    status = inflate(&z, Z_NO_FLUSH);
    out.append(piece, sizeof piece - z.avail_out);
  }
  EXPECT_EQ(status, Z_STREAM_END);
  inflateEnd(&z);
  return out;
}

// Serves the reader's requests from `bytes`, each fed in pieces of `piece` bytes (inflated ones inflated first).
inline WorkbookRun read_workbook_bytes(const std::string& bytes, const std::string& sheet = "", std::size_t piece = 1 << 16,
                                       bbb::WorkbookLimits limits = {}) {
  WorkbookRun run;
  bbb::WorkbookReader reader(bytes.size(), sheet, [&run](std::string_view csv) { run.csv += csv; }, limits);
  for (bbb::ByteRequest r = reader.next(); r.kind != bbb::ByteRequest::Kind::kDone; r = reader.next()) {
    run.requests.push_back(r);
    EXPECT_LE(r.offset + r.length, bytes.size());
    std::string data = bytes.substr(static_cast<std::size_t>(r.offset), static_cast<std::size_t>(r.length));
    if (r.kind == bbb::ByteRequest::Kind::kInflated) {
      data = inflate_raw(data);
      EXPECT_EQ(data.size(), r.inflated_length);
    }
    for (std::size_t at = 0; at < data.size(); at += piece) reader.feed(data.data() + at, std::min(piece, data.size() - at));
    reader.end_request();
    if (run.requests.size() > 100) break;  // a reader that never ends
  }
  run.ok = !reader.failed();
  run.error = reader.error();
  run.sheet_names = reader.sheet_names();
  run.sheet = reader.sheet();
  run.error_cells = reader.error_cells();
  run.first_error_row = reader.first_error_row();
  run.first_error_column = reader.first_error_column();
  run.first_error_value = reader.first_error_value();
  return run;
}

// The CSV of a one-sheet workbook of these rows; fails the test when it cannot be read.
inline std::string sheet_csv(const std::string& rows, const std::string& shared_items = "", bool date1904 = false) {
  const WorkbookRun run = read_workbook_bytes(one_sheet_workbook(rows, shared_items, date1904));
  EXPECT_TRUE(run.ok) << run.error;
  return run.csv;
}

}  // namespace bbb_test
