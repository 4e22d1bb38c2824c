// The workbook stage (core/src/workbook/): .xlsx to CSV text. Numbers and
// dates as Excel shows them, each kind of cell, the zip's directory found
// from the end, the same CSV whatever the pieces the bytes come in, and the
// sentence of each file that is refused. Workbooks are made here from XML
// text (workbook_test_support.h) and by tools/make-xlsx-fixtures.py.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "workbook/container_check.h"
#include "workbook/excel_dates.h"
#include "workbook/number_formats.h"
#include "workbook/number_text.h"
#include "workbook/read_workbook_file.h"
#include "workbook/workbook_reader.h"
#include "workbook/xml_text.h"
#include "workbook/zip_directory.h"
#include "workbook_test_support.h"

namespace {

using bbb_test::one_sheet_workbook;
using bbb_test::read_workbook_bytes;
using bbb_test::sheet_csv;
using bbb_test::WorkbookRun;
using bbb_test::WorkbookSpec;
using bbb_test::ZipPart;

std::string cleaned(std::string_view stored) {
  std::string out = "(not a number)";
  bbb::clean_number_text(stored, &out);
  return out;
}

std::string date_1900(std::string_view serial) {
  std::string out = "(no date)";
  bbb::excel_serial_date(serial, bbb::DateSystem::k1900, &out);
  return out;
}

std::string date_1904(std::string_view serial) {
  std::string out = "(no date)";
  bbb::excel_serial_date(serial, bbb::DateSystem::k1904, &out);
  return out;
}

std::string fixture(const std::string& name) { return std::string(BBB_SOURCE_DIR) + "/tests/fixtures/xlsx/" + name; }

WorkbookRun read_file(const std::string& path, const std::string& sheet = "") {
  WorkbookRun run;
  bbb::WorkbookReader reader(std::filesystem::file_size(path), sheet, [&run](std::string_view csv) { run.csv += csv; });
  run.ok = bbb::read_workbook_file(path, reader, &run.error);
  run.sheet = reader.sheet();
  run.sheet_names = reader.sheet_names();
  run.error_cells = reader.error_cells();
  run.first_error_row = reader.first_error_row();
  run.first_error_column = reader.first_error_column();
  run.first_error_value = reader.first_error_value();
  return run;
}

std::string read_bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string temp_file(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

// ---- numbers: the stored text as the decimal text Excel shows

TEST(WorkbookNumbers, PlainTextStaysAsWritten) {
  EXPECT_EQ(cleaned("45362.12"), "45362.12");
  EXPECT_EQ(cleaned("-3"), "-3");
  EXPECT_EQ(cleaned("100"), "100");
  EXPECT_EQ(cleaned("0"), "0");
  EXPECT_EQ(cleaned("-0"), "0");
  EXPECT_EQ(cleaned("+5"), "5");
  EXPECT_EQ(cleaned("1.50"), "1.5");
  EXPECT_EQ(cleaned("2."), "2");
  EXPECT_EQ(cleaned(".5"), "0.5");
  EXPECT_EQ(cleaned(" 12 "), "12");
  EXPECT_EQ(cleaned("007"), "7");
}

TEST(WorkbookNumbers, ExponentsBecomePlainDecimals) {
  EXPECT_EQ(cleaned("1.5E-2"), "0.015");
  EXPECT_EQ(cleaned("1E+21"), "1000000000000000000000");
  EXPECT_EQ(cleaned("2.5e3"), "2500");
  EXPECT_EQ(cleaned("-1.25E-7"), "-0.000000125");
  EXPECT_EQ(cleaned("1E0"), "1");
}

TEST(WorkbookNumbers, BinaryArtefactsRoundToFifteenSignificantDigits) {
  EXPECT_EQ(cleaned("0.30000000000000004"), "0.3");
  EXPECT_EQ(cleaned("4.5362119999999997E4"), "45362.12");
  EXPECT_EQ(cleaned("1234.5600000000002"), "1234.56");
  EXPECT_EQ(cleaned("-0.30000000000000004"), "-0.3");
  EXPECT_EQ(cleaned("9.9999999999999995E-2"), "0.1");
  EXPECT_EQ(cleaned("999999999999999.95"), "1000000000000000");  // the carry runs through every digit
  EXPECT_EQ(cleaned("123456789012345"), "123456789012345");     // 15 digits are kept
  EXPECT_EQ(cleaned("1234567890123456"), "1234567890123460");   // the 16th is rounded
  EXPECT_EQ(cleaned("0.1234567890123454"), "0.123456789012345");
}

TEST(WorkbookNumbers, TextThatIsNoNumberIsRefused) {
  for (const char* text : {"", "-", "abc", "1,5", "1.2.3", "1E", "E5", "12 34", "0x10", "1E99999", "1E-500"})
    EXPECT_EQ(cleaned(text), "(not a number)") << text;
}

// ---- dates: Excel's serials in the 1900 and 1904 systems

TEST(WorkbookDates, The1900SystemWithItsPhantomLeapDay) {
  EXPECT_EQ(date_1900("1"), "1900-01-01");
  EXPECT_EQ(date_1900("59"), "1900-02-28");
  EXPECT_EQ(date_1900("60"), "(no date)");  // Excel's 1900-02-29, a day that never was: read as the number 60
  EXPECT_EQ(date_1900("61"), "1900-03-01");
  EXPECT_EQ(date_1900("45292"), "2024-01-01");
  EXPECT_EQ(date_1900("45380.75"), "2024-03-29");  // the time of day is dropped
  EXPECT_EQ(date_1900("2958465"), "9999-12-31");
  EXPECT_EQ(date_1900("2958466"), "(no date)");
}

TEST(WorkbookDates, The1904System) {
  EXPECT_EQ(date_1904("0"), "1904-01-01");
  EXPECT_EQ(date_1904("1"), "1904-01-02");
  EXPECT_EQ(date_1904("43830"), "2024-01-01");  // 45292 - 1462
  EXPECT_EQ(date_1904("43830.999"), "2024-01-01");
}

TEST(WorkbookDates, ATimeOfDayAloneOrANegativeValueIsNoDate) {
  EXPECT_EQ(date_1900("0.5"), "(no date)");
  EXPECT_EQ(date_1900("0"), "(no date)");
  EXPECT_EQ(date_1904("0.5"), "(no date)");
  EXPECT_EQ(date_1900("-1"), "(no date)");
  EXPECT_EQ(date_1900("abc"), "(no date)");
}

TEST(WorkbookDates, IsoDateCellsGiveTheirDatePart) {
  std::string out;
  EXPECT_TRUE(bbb::iso_datetime_date("2024-03-29T10:00:00", &out));
  EXPECT_EQ(out, "2024-03-29");
  EXPECT_TRUE(bbb::iso_datetime_date("2024-03-29", &out));
  EXPECT_FALSE(bbb::iso_datetime_date("2024-02-30T00:00:00", &out));
  EXPECT_FALSE(bbb::iso_datetime_date("10:00:00", &out));
}

TEST(WorkbookDates, WhichFormatsShowADate) {
  for (int id : {14, 15, 17, 22, 27, 36, 45, 47, 50, 58}) EXPECT_TRUE(bbb::is_builtin_date_format(id)) << id;
  for (int id : {0, 1, 4, 10, 13, 23, 26, 37, 44, 48, 49, 59, 164}) EXPECT_FALSE(bbb::is_builtin_date_format(id)) << id;
  for (const char* code : {"dd/mm/yyyy", "yyyy-mm-dd", "[$-409]mmm d, yyyy", "d-mmm-yy", "h:mm", "[h]:mm:ss",
                           "m/d/yy h:mm AM/PM", "DD.MM.YYYY", "\"Date: \"yyyy"})
    EXPECT_TRUE(bbb::is_date_format_code(code)) << code;
  for (const char* code : {"General", "0.00", "#,##0.00", "0.00E+00", "\"USD \"#,##0.00", "_(* #,##0.00_)",
                           "#,##0 \"days\"", "0\\m", "[Red]-#,##0", "@", "[$$-409]#,##0.00", "general"})
    EXPECT_FALSE(bbb::is_date_format_code(code)) << code;
}

// ---- XML text

TEST(WorkbookXmlText, EntitiesAndOoxmlEscapes) {
  std::string out;
  bbb::append_xml_text("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233; &#x20AC; &bogus; & x", &out);
  EXPECT_EQ(out, "a & b <c> \"d\" 'e' \xC3\xA9 \xE2\x82\xAC &bogus; & x");
  out.clear();
  bbb::append_ooxml_string("line_x000D_two _x005F_x000D_ _xD83D__xDE00_ _x00 _xZZZZ_", &out);
  EXPECT_EQ(out, "line\rtwo _x000D_ \xF0\x9F\x98\x80 _x00 _xZZZZ_");
}

// ---- cells

TEST(WorkbookCells, SharedInlineAndRichStrings) {
  const std::string shared =
      "<si><t>Plain</t></si>"
      "<si><r><rPr><b/></rPr><t>Rich</t></r><r><t xml:space=\"preserve\"> text</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><t>Comma, and \"quote\"</t></si>"
      "<si/>";
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
      "<c r=\"D1\" t=\"inlineStr\"><is><t>Inline</t></is></c>"
      "<c r=\"E1\" t=\"inlineStr\"><is><r><t>Inline </t></r><r><rPr><i/></rPr><t>rich</t></r></is></c>"
      "<c r=\"F1\" t=\"s\"><v>3</v></c><c r=\"G1\" t=\"str\"><f>A1&amp;\"!\"</f><v>Plain!</v></c></row>";
  EXPECT_EQ(sheet_csv(rows, shared), "Plain,Rich text,\"Comma, and \"\"quote\"\"\",Inline,Inline rich,,Plain!\n");
}

TEST(WorkbookCells, NumbersBooleansAndFormulas) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\"><v>45362.12</v></c><c r=\"B1\" t=\"n\"><v>0.30000000000000004</v></c>"
      "<c r=\"C1\" s=\"3\"><v>4.5362119999999997E4</v></c><c r=\"D1\" t=\"b\"><v>1</v></c>"
      "<c r=\"E1\" t=\"b\"><v>0</v></c><c r=\"F1\"><f>SUM(A1:B1)</f><v>45362.42</v></c>"
      "<c r=\"G1\"><v>1E+21</v></c><c r=\"H1\"><v>-3</v></c></row>";
  EXPECT_EQ(sheet_csv(rows), "45362.12,0.3,45362.12,TRUE,FALSE,45362.42,1000000000000000000000,-3\n");
}

TEST(WorkbookCells, DateFormattedNumbersAreDates) {
  // s=1 the built-in 14, s=2 a custom dd/mm/yyyy, s=3 #,##0.00 (no date), s=4 the built-in 20 (h:mm).
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45292</v></c><c r=\"B1\" s=\"2\"><v>45380.75</v></c>"
      "<c r=\"C1\" s=\"3\"><v>45292</v></c><c r=\"D1\" s=\"1\"><v>60</v></c><c r=\"E1\" s=\"1\"><v>61</v></c>"
      "<c r=\"F1\" s=\"4\"><v>0.5</v></c><c r=\"G1\" s=\"4\"><v>45292.5</v></c>"
      "<c r=\"H1\" t=\"d\"><v>2024-03-29T00:00:00</v></c><c r=\"I1\" s=\"1\"><v>1</v></c>"
      "<c r=\"J1\" s=\"1\"><v>59</v></c><c r=\"K1\" s=\"99\"><v>45292</v></c></row>";
  EXPECT_EQ(sheet_csv(rows),
            "2024-01-01,2024-03-29,45292,60,1900-03-01,0.5,2024-01-01,2024-03-29,1900-01-01,1900-02-28,45292\n");
}

TEST(WorkbookCells, The1904DateSystem) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" s=\"2\"><v>43830</v></c><c r=\"C1\"><v>43830</v></c></row>";
  EXPECT_EQ(sheet_csv(rows, "", true), "1904-01-01,2024-01-01,43830\n");
}

TEST(WorkbookCells, ErrorCellsAreEmptyAndCounted) {
  const std::string rows =
      "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>3</v></c><c r=\"B2\" t=\"e\"><f>VLOOKUP(A2,X,2)</f><v>#N/A</v></c>"
      "<c r=\"C2\"><v>4</v></c></row>"
      "<row r=\"3\"><c r=\"A3\" t=\"e\"><v>#DIV/0!</v></c></row>";
  const WorkbookRun run = read_workbook_bytes(one_sheet_workbook(rows));
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.csv, "1,2\n3,,4\n");
  EXPECT_EQ(run.error_cells, 2);
  EXPECT_EQ(run.first_error_row, 2);
  EXPECT_EQ(run.first_error_column, "B");
  EXPECT_EQ(run.first_error_value, "#N/A");
}

TEST(WorkbookCells, SkippedRowsAreEmptyLinesAndSkippedCellsEmptyFields) {
  const std::string rows =
      "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"D2\"><v>2</v></c><c r=\"F2\" s=\"3\"/></row>"
      "<row r=\"3\" spans=\"1:4\"><c r=\"A3\" s=\"1\"/></row>"
      "<row r=\"5\"><c r=\"A5\"><v>3</v></c><c><v>4</v></c><c r=\"AA5\"><v>5</v></c></row>"
      "<row><c><v>6</v></c></row>"
      "<row r=\"9\"><c r=\"C9\" s=\"1\"/></row>";
  // Row 6 follows row 5 (no r); rows 3 and 9 hold no value: an empty line, and nothing at the end.
  EXPECT_EQ(sheet_csv(rows), "\n,1,,2\n\n\n3,4" + std::string(25, ',') + "5\n6\n");
}

TEST(WorkbookCells, EntitiesAndEscapesInText) {
  const std::string shared = "<si><t>Smith &amp; Sons &lt;Ltd&gt; &#8364;5</t></si><si><t>a_x000D__x000A_b</t></si>"
                             "<si><t>keep_x005F_x0041_</t></si>";
  const std::string rows = "<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
                           "<c t=\"inlineStr\"><is><t><![CDATA[<raw> & ]]>text</t></is></c></row>";
  EXPECT_EQ(sheet_csv(rows, shared), "Smith & Sons <Ltd> \xE2\x82\xAC" "5,\"a\r\nb\",keep_x0041_,<raw> & text\n");
}

TEST(WorkbookCells, PrefixedNamespaces) {
  WorkbookSpec w;
  w.sheets.push_back({"Data",
                      "<?xml version=\"1.0\"?><x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/"
                      "2006/main\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>"
                      "<x:c r=\"B1\" t=\"inlineStr\"><x:is><x:t>in</x:t></x:is></x:c><x:c r=\"C1\" s=\"1\"><x:v>45292</x:v>"
                      "</x:c></x:row></x:sheetData></x:worksheet>"});
  w.shared_strings = "<x:sst xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:si><x:t>shared"
                     "</x:t></x:si></x:sst>";
  const WorkbookRun run = read_workbook_bytes(bbb_test::make_workbook(w));
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.csv, "shared,in,2024-01-01\n");
}

// ---- streaming

TEST(WorkbookStreaming, OneByteAtATimeGivesTheSameCsv) {
  WorkbookSpec w;
  std::string rows;
  for (int r = 1; r <= 60; ++r)
    rows += "<row r=\"" + std::to_string(r * 2) + "\"><c r=\"A" + std::to_string(r * 2) + "\" t=\"s\"><v>" +
            std::to_string(r % 3) + "</v></c><c r=\"C" + std::to_string(r * 2) + "\" s=\"1\"><v>" +
            std::to_string(45292 + r) + "</v></c><c t=\"inlineStr\"><is><t>a &amp; b_x000D_</t></is></c>"
            "<c><v>0.30000000000000004</v></c></row>";
  w.sheets.push_back({"S", bbb_test::sheet_xml(rows)});
  w.shared_strings = "<sst><si><t>x, y</t></si><si><r><t>ri</t></r><r><t>ch</t></r></si><si><t>\"q\"</t></si></sst>";
  for (bool deflate : {false, true}) {
    w.deflate = deflate;
    const std::string zip = bbb_test::make_workbook(w);
    const WorkbookRun whole = read_workbook_bytes(zip, "", std::size_t{1} << 20);
    const WorkbookRun bytes = read_workbook_bytes(zip, "", 1);
    const WorkbookRun sevens = read_workbook_bytes(zip, "", 7);
    ASSERT_TRUE(whole.ok) << whole.error;
    EXPECT_EQ(whole.csv.rfind("\nrich,,2024-01-02,\"a & b\r\",0.3\n\n\"\"\"q\"\"\",,2024-01-03,", 0), 0u) << whole.csv;
    EXPECT_EQ(bytes.csv, whole.csv) << "deflate " << deflate;
    EXPECT_EQ(sevens.csv, whole.csv) << "deflate " << deflate;
  }
}

TEST(WorkbookStreaming, DeflatedPartsAreAskedForInflatedAndStoredOnesRaw) {
  WorkbookSpec w;
  w.sheets.push_back({"S", bbb_test::sheet_xml("<row r=\"1\"><c><v>1</v></c></row>")});
  for (bool deflate : {false, true}) {
    w.deflate = deflate;
    const WorkbookRun run = read_workbook_bytes(bbb_test::make_workbook(w));
    ASSERT_TRUE(run.ok) << run.error;
    int inflated = 0;
    for (const bbb::ByteRequest& r : run.requests) inflated += r.kind == bbb::ByteRequest::Kind::kInflated;
    // _rels/.rels, the workbook, its relationships, the styles and the sheet: no shared strings here.
    EXPECT_EQ(inflated, deflate ? 5 : 0);
  }
}

// ---- the zip's directory

TEST(WorkbookZip, ACommentAtTheEnd) {
  WorkbookSpec w;
  w.sheets.push_back({"S", bbb_test::sheet_xml("<row r=\"1\"><c><v>1</v></c></row>")});
  w.zip.comment = "made by a tool, with PK\x05\x06 inside";
  const WorkbookRun run = read_workbook_bytes(bbb_test::make_workbook(w));
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.csv, "1\n");
}

TEST(WorkbookZip, ADirectoryBeforeTheTailIsAskedFor) {
  WorkbookSpec w;
  w.sheets.push_back({"S", bbb_test::sheet_xml("<row r=\"1\"><c><v>1</v></c></row>")});
  w.zip.comment = std::string(65500, 'c');
  const std::string zip = bbb_test::make_workbook(w);
  const WorkbookRun run = read_workbook_bytes(zip);
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.csv, "1\n");
  ASSERT_GE(run.requests.size(), 2u);
  EXPECT_EQ(run.requests[0].offset + run.requests[0].length, zip.size());  // the tail first
  EXPECT_EQ(run.requests[0].length, bbb::kZipTailBytes);
  EXPECT_LT(run.requests[1].offset, run.requests[0].offset);                // then the directory
}

TEST(WorkbookZip, Zip64) {
  WorkbookSpec w;
  w.sheets.push_back({"S", bbb_test::sheet_xml("<row r=\"1\"><c><v>1</v></c></row>")});
  w.zip.zip64 = true;
  const WorkbookRun run = read_workbook_bytes(bbb_test::make_workbook(w));
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.csv, "1\n");
  w.zip.comment = std::string(65500, 'c');  // its end record outside the tail
  w.deflate = true;
  const WorkbookRun far = read_workbook_bytes(bbb_test::make_workbook(w));
  ASSERT_TRUE(far.ok) << far.error;
  EXPECT_EQ(far.csv, "1\n");
}

TEST(WorkbookZip, ACutShortOrDamagedFileIsASentence) {
  const std::string zip = one_sheet_workbook("<row r=\"1\"><c><v>1</v></c></row>");
  EXPECT_EQ(read_workbook_bytes(zip.substr(0, zip.size() - 10)).error,
            "the file is not a readable zip archive: it has no zip directory (it may be cut short)");
  EXPECT_EQ(read_workbook_bytes("PK\x03\x04").error,
            "the file is not a readable zip archive: it has no zip directory (it may be cut short)");
  std::string moved = zip;
  moved[zip.find("_rels/.rels") - bbb::kZipLocalHeaderBytes] = 'X';  // its local header's signature
  EXPECT_EQ(read_workbook_bytes(moved).error,
            "the workbook is damaged: its part '_rels/.rels' is not where the zip directory says");
}

// ---- refusals

TEST(WorkbookRefusals, DetectContainer) {
  EXPECT_EQ(bbb::detect_container(std::string("PK\x03\x04rest", 8), "deals.xlsx").container, bbb::Container::kXlsx);
  EXPECT_EQ(bbb::detect_container("id,amount\n1,2\n", "deals.xlsx").container, bbb::Container::kText);
  const std::string cfb("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  const bbb::ContainerGuess xls = bbb::detect_container(cfb + std::string(500, '\0'), "deals.xls");
  EXPECT_EQ(xls.container, bbb::Container::kOther);
  EXPECT_EQ(xls.refusal, "an Excel 97-2003 workbook (.xls): open it in Excel and save it as .xlsx or CSV");
  const std::string password =
      "a password-protected workbook: open it in Excel, remove the password (File > Info > Protect Workbook) and "
      "save it again";
  EXPECT_EQ(bbb::detect_container(cfb, "Deals.XLSX").refusal, password);
  EXPECT_EQ(bbb::detect_container(cfb, "deals.xlsm").refusal, password);
  const std::string encrypted = read_bytes_of(fixture("encrypted.xlsx"));
  const bbb::ContainerGuess fixture_guess = bbb::detect_container(encrypted.substr(0, 4096), "renamed.xls");
  EXPECT_EQ(fixture_guess.container, bbb::Container::kOther);
  EXPECT_EQ(fixture_guess.refusal, password);
}

TEST(WorkbookRefusals, ZipsThatAreNoWorkbook) {
  EXPECT_EQ(read_file(fixture("numbers.numbers")).error,
            "an Apple Numbers file: export it from Numbers as CSV or Excel (.xlsx)");
  EXPECT_EQ(read_workbook_bytes(bbb_test::make_zip({{"subscriptions.csv", "id\n1\n"}, {"invoices.csv", "id\n"},
                                                     {"__MACOSX/._invoices.csv", "x"}}))
                .error,
            "a zip of 2 CSV files (subscriptions.csv, invoices.csv): unzip it and drop the subscriptions or invoices CSV");
  EXPECT_EQ(read_workbook_bytes(bbb_test::make_zip({{"a.csv", ""}, {"b.csv", ""}, {"c.csv", ""}, {"d.csv", ""},
                                                     {"e.csv", ""}, {"f.csv", ""}}))
                .error,
            "a zip of 6 CSV files (a.csv, b.csv, c.csv, d.csv and 2 more): unzip it and drop the subscriptions or "
            "invoices CSV");
  EXPECT_EQ(read_workbook_bytes(bbb_test::make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                                     {"content.xml", "<office:document-content/>"}}))
                .error,
            "a zip archive that is not an Excel workbook (no xl/workbook.xml)");
  EXPECT_EQ(read_workbook_bytes(bbb_test::make_zip({{"[Content_Types].xml", "<Types/>"},
                                                     {"_rels/.rels",
                                                      "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas."
                                                      "openxmlformats.org/officeDocument/2006/relationships/"
                                                      "officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>"},
                                                     {"xl/workbook.bin", "\x83\x01"}}))
                .error,
            "an Excel binary workbook (.xlsb): save it as .xlsx or CSV");
}

TEST(WorkbookRefusals, AnEncryptedZipEntry) {
  std::vector<ZipPart> parts = bbb_test::workbook_parts([] {
    WorkbookSpec w;
    w.sheets.push_back({"S", bbb_test::sheet_xml("")});
    return w;
  }());
  parts[4].encrypted_flag = true;
  EXPECT_EQ(read_workbook_bytes(bbb_test::make_zip(parts)).error,
            "an encrypted zip archive: unzip it with its password and drop the files inside");
}

TEST(WorkbookRefusals, SheetsThatCannotBeRead) {
  WorkbookSpec none;
  EXPECT_EQ(read_workbook_bytes(bbb_test::make_workbook(none)).error, "the workbook has no sheets");

  WorkbookSpec w;
  w.sheets.push_back({"Chart1", "<chartsheet/>", true});
  w.sheets.push_back({"Hidden", bbb_test::sheet_xml("<row r=\"1\"><c><v>1</v></c></row>"), false, "hidden"});
  w.sheets.push_back({"Deals & Co", bbb_test::sheet_xml("<row r=\"1\"><c><v>2</v></c></row>")});
  const std::string zip = bbb_test::make_workbook(w);
  const WorkbookRun first = read_workbook_bytes(zip);
  ASSERT_TRUE(first.ok) << first.error;
  EXPECT_EQ(first.sheet, "Deals & Co");  // the first visible sheet of cells
  EXPECT_EQ(first.csv, "2\n");
  EXPECT_EQ(first.sheet_names, (std::vector<std::string>{"Chart1", "Hidden", "Deals & Co"}));
  const WorkbookRun hidden = read_workbook_bytes(zip, "hidden");  // case is ignored when nothing matches exactly
  EXPECT_EQ(hidden.sheet, "Hidden");
  EXPECT_EQ(hidden.csv, "1\n");
  EXPECT_EQ(read_workbook_bytes(zip, "Chart1").error,
            "the sheet 'Chart1' is a chart, not a sheet of cells: pick another sheet");
  EXPECT_EQ(read_workbook_bytes(zip, "Deals").error,
            "the workbook has no sheet 'Deals' (its sheets: Chart1, Hidden, Deals & Co)");

  WorkbookSpec charts;
  charts.sheets.push_back({"Chart1", "<chartsheet/>", true});
  EXPECT_EQ(read_workbook_bytes(bbb_test::make_workbook(charts)).error, "the workbook has no sheet of cells, only charts");
}

TEST(WorkbookRefusals, BoundsAreSentences) {
  bbb::WorkbookLimits small;
  small.max_token_bytes = 1024;
  small.max_shared_string_bytes = 1024;
  const WorkbookRun long_cell = read_workbook_bytes(
      one_sheet_workbook("<row r=\"1\"><c t=\"inlineStr\"><is><t>" + std::string(2000, 'x') + "</t></is></c></row>"), "",
      1 << 16, small);
  EXPECT_EQ(long_cell.error,
            "the workbook's part 'xl/worksheets/sheet1.xml' has one XML tag or text longer than 1024 bytes, more than "
            "is read");
  std::string items;
  for (int i = 0; i < 100; ++i) items += "<si><t>string number " + std::to_string(i) + "</t></si>";
  const WorkbookRun strings = read_workbook_bytes(one_sheet_workbook("", items), "", 1 << 16, small);
  EXPECT_EQ(strings.error,
            "the workbook's shared strings pass 1024 bytes, more than is read: save the sheet as CSV and drop that "
            "instead");
  const WorkbookRun present = read_workbook_bytes(one_sheet_workbook("<row r=\"1\"><c t=\"s\"><v>3</v></c></row>", items));
  EXPECT_EQ(present.csv, "string number 3\n") << present.error;
  const WorkbookRun past = read_workbook_bytes(one_sheet_workbook("<row r=\"1\"><c r=\"C1\" t=\"s\"><v>100</v></c></row>", items));
  EXPECT_EQ(past.error, "the workbook is damaged: its sheet's cell C1 names a shared string the workbook does not have");
}

// ---- the fixtures (tools/make-xlsx-fixtures.py), read from disk with zlib

TEST(WorkbookFixtures, OpportunitiesSecondSheet) {
  const WorkbookRun run = read_file(fixture("opportunities.xlsx"), "Opportunities");
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.sheet_names, (std::vector<std::string>{"Summary", "Opportunities"}));
  EXPECT_EQ(run.csv,
            "Opportunity Name,Account Name,Stage,Close Date,Amount,Amount Currency,Next Step\n"
            "Acme - Platform renewal,Acme Corp,Closed Won,2024-01-01,45362.12,USD,Kickoff call\n"
            "Globex - Expansion,Globex,Closed Won,2024-02-01,0.3,USD\n"
            "\"Initech - Support, 2 years\",Initech,Closed Won,2024-02-15,12000,USD\n"
            "Umbrella - Pilot,Umbrella & Co,Prospecting,2024-03-15,45362.12,USD\n"
            "Stark - Renewal,Stark Industries,Closed Won,2024-03-29,90724.24,USD,\"Send \"\"final\"\" quote\"\n"
            "Wayne - Analytics,Wayne Enterprises,Negotiation,2024-03-31,1500.5,EUR\n"
            "Hooli - Seats,Hooli,Closed Lost,2024-04-01,99999.99,GBP,Lost to competitor\n"
            "Soylent - Add-on,Soylent,Closed Won,2024-04-30,2500,USD\n");
  EXPECT_EQ(run.error_cells, 1);
  EXPECT_EQ(run.first_error_row, 3);
  EXPECT_EQ(run.first_error_column, "G");
  EXPECT_EQ(run.first_error_value, "#N/A");
  // The same bytes served from memory, one byte at a time.
  EXPECT_EQ(read_workbook_bytes(read_bytes_of(fixture("opportunities.xlsx")), "Opportunities", 1).csv, run.csv);
}

TEST(WorkbookFixtures, OpportunitiesFirstSheetByDefault) {
  const WorkbookRun run = read_file(fixture("opportunities.xlsx"));
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.sheet, "Summary");
  EXPECT_EQ(run.csv, "Q1 2024 pipeline\n\nStage,Deals,Amount\nClosed Won,5,160532.12\nProspecting,3,45000\n");
  EXPECT_EQ(run.error_cells, 0);
}

TEST(WorkbookFixtures, Date1904) {
  const WorkbookRun run = read_file(fixture("date1904.xlsx"));
  ASSERT_TRUE(run.ok) << run.error;
  EXPECT_EQ(run.csv, "Id,Booking Date,Amount\nB1,2024-01-01,1200\nB2,2024-04-01,350.25\nB3,1904-01-01,10\n");
}

TEST(WorkbookFixtures, ACorruptDeflateStreamIsASentence) {
  std::string bytes = read_bytes_of(fixture("opportunities.xlsx"));
  const std::size_t sheet = bytes.find("xl/worksheets/sheet2.xml");
  ASSERT_NE(sheet, std::string::npos);
  for (std::size_t i = sheet + 24; i < sheet + 60; ++i) bytes[i] = '\xFF';  // the start of its deflate stream
  const std::string path = temp_file("bbb_workbook_corrupt.xlsx", bytes);
  const WorkbookRun run = read_file(path, "Opportunities");
  std::remove(path.c_str());
  EXPECT_FALSE(run.ok);
  EXPECT_EQ(run.error, "the workbook is damaged: its part 'xl/worksheets/sheet2.xml' does not inflate");
}

}  // namespace
