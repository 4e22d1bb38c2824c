// The only Embind code: a thin adapter from JavaScript to bbb::Session.
// Every function converts its inputs, calls the core, and returns data:
// results and errors alike come back as JSON text, never as exceptions.
// The text crosses as a JavaScript string made by TextDecoder from a view
// of the bytes in wasm memory (js_text).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <new>
#include <string>
#include <vector>

#include "bbb/compare_json.h"
#include "bbb/report_json.h"
#include "bbb/session.h"
#include "bbb/settings.h"
#include "bbb/vocabulary.h"
#include "workbook/container_check.h"

#include <nlohmann/json.hpp>

// With C++ exceptions off, a failed allocation aborts the instance: it says
// why, so that the page and the JS API can tell the user in a sentence.
EM_JS(void, bbb_abort_out_of_memory, (), { abort("out of memory"); });

namespace {

[[maybe_unused]] const bool kNewHandlerSet = (std::set_new_handler([] { bbb_abort_out_of_memory(); }), true);

// JSON text as a JavaScript string. Embind's own std::string return
// (Emscripten 3.1.6) walks every byte twice in JavaScript, looking for NULs,
// before it decodes: ~20-40 ms of the first 1 MB report of a 10k-row file,
// in code V8 has not optimised yet, and paid again at every period change
// in the page. TextDecoder reads the bytes where they are, natively.
emscripten::val js_text(const std::string& text) {
  static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_(emscripten::val("utf-8"));
  return decoder.call<emscripten::val>("decode", emscripten::val(emscripten::typed_memory_view(text.size(), text.data())));
}

class JsSession {
 public:
  explicit JsSession(const std::string& read_settings_json) {
    bbb::ReadSettings settings;
    if (!bbb::parse_read_settings(read_settings_json, &settings, &settings_error_)) settings = bbb::ReadSettings();
    session_ = std::make_unique<bbb::Session>(settings);
  }

  emscripten::val begin(const std::string& kind_name, const std::string& file_name) { return js_text(begin_text(kind_name, file_name)); }

  // One reusable buffer: the page writes each chunk straight into wasm memory.
  emscripten::val input_buffer(std::size_t size) {
    if (buffer_.size() < size) buffer_.resize(size);
    return emscripten::val(emscripten::typed_memory_view(size, buffer_.data()));
  }

  // The file's size in bytes, when known (Session::expect_bytes).
  void expect_bytes(double bytes) {
    if (bytes > 0) session_->expect_bytes(static_cast<std::uint64_t>(bytes));
  }

  double feed(std::size_t size) {
    if (size > buffer_.size()) size = buffer_.size();
    lines_.clear();
    session_->feed(reinterpret_cast<const char*>(buffer_.data()), size);
    return static_cast<double>(session_->rows_read_in_file());
  }

  // False once the file being read is refused as not text (from its first
  // block): the caller stops reading it, as the CLI does.
  bool wants_more() { return session_->wants_more(); }

  emscripten::val end() {
    lines_.clear();
    return js_text(end_text());
  }

  // Workbooks (.xlsx). containerOf(n, name): what the first n bytes of the
  // input buffer say the file is: {"container":"text"|"xlsx"|"other",
  // "refusal":sentence}. After begin(): refuse(sentence) for a file no
  // reader reads; beginWorkbook(size, sheet), then until workbookNext()
  // says "done": the bytes it asks for (inflated when it says so) through
  // workbookFeed(n), then workbookEndRequest(); failWorkbook(sentence) when
  // they cannot be served; end() as for any file.
  emscripten::val container_of(std::size_t size, const std::string& file_name) {
    if (size > buffer_.size()) size = buffer_.size();
    const bbb::ContainerGuess guess =
        bbb::detect_container(std::string_view(reinterpret_cast<const char*>(buffer_.data()), size), file_name);
    const char* name = guess.container == bbb::Container::kXlsx ? "xlsx" : guess.container == bbb::Container::kOther ? "other" : "text";
    return js_text(nlohmann::json{{"container", name}, {"refusal", guess.refusal}}.dump());
  }
  void refuse(const std::string& sentence) { session_->refuse_file(sentence); }
  void begin_workbook(double file_size, const std::string& sheet) {
    if (session_->in_file() && !session_->workbook()) session_->begin_workbook(static_cast<std::uint64_t>(file_size), sheet);
  }
  emscripten::val workbook_next() {
    const bbb::WorkbookReader* reader = session_->workbook();
    const bbb::ByteRequest r = reader ? reader->next() : bbb::ByteRequest{};
    const char* kind = r.kind == bbb::ByteRequest::Kind::kRaw ? "raw" : r.kind == bbb::ByteRequest::Kind::kInflated ? "inflated" : "done";
    return js_text(nlohmann::json{{"kind", kind}, {"offset", r.offset}, {"length", r.length},
                                  {"inflated_length", r.inflated_length}, {"part", reader ? reader->current_part() : ""}}
                       .dump());
  }
  double workbook_feed(std::size_t size) {
    if (size > buffer_.size()) size = buffer_.size();
    lines_.clear();
    if (bbb::WorkbookReader* reader = session_->workbook()) reader->feed(reinterpret_cast<const char*>(buffer_.data()), size);
    return static_cast<double>(session_->rows_read_in_file());
  }
  void workbook_end_request() {
    lines_.clear();
    if (bbb::WorkbookReader* reader = session_->workbook()) reader->end_request();
  }
  void fail_workbook(const std::string& sentence) { session_->fail_workbook(sentence); }

  // Reading in one worker, folding in another (Session::hand_off_lines).
  // The reading session, after handOffLines(), folds nothing: after each
  // feed() and end(), lines() is what it read since (a view, valid until
  // the next call: copy it out), and readingPart() after the last file is
  // its part of the report. The folding session, made with the same
  // settings, takes both, copied into its inputBuffer: foldLines(n) for
  // each lines() in the order read, then adoptReading(n); its report() is
  // then the report of one session reading and folding alone.
  void hand_off_lines() {
    session_->hand_off_lines([this](bbb::PackedLines& batch) {
      const std::string_view bytes = batch.bytes();
      lines_.insert(lines_.end(), bytes.begin(), bytes.end());
    });
  }
  emscripten::val lines() { return emscripten::val(emscripten::typed_memory_view(lines_.size(), lines_.data())); }
  emscripten::val reading_summary() {
    reading_summary_ = bbb::encode_reading_summary(bbb::reading_summary(*session_));
    return emscripten::val(emscripten::typed_memory_view(reading_summary_.size(), reading_summary_.data()));
  }
  void fold_lines(std::size_t size) {
    if (size > buffer_.size()) size = buffer_.size();
    session_->folder().take_batch(std::string_view(reinterpret_cast<const char*>(buffer_.data()), size));
  }
  emscripten::val adopt_reading(std::size_t size) {
    if (size > buffer_.size()) size = buffer_.size();
    bbb::ReadingSummary part;
    if (!bbb::decode_reading_summary(std::string_view(reinterpret_cast<const char*>(buffer_.data()), size), &part))
      return js_text(bbb::error_envelope("bad_reading_part", "not the reading part of a report"));
    session_->adopt_reading(std::move(part));
    return js_text("{\"ok\":true}");
  }
  emscripten::val report(const std::string& report_settings_json) { return js_text(report_text(report_settings_json)); }
  const bbb::Session& session() const { return *session_; }
  const std::string& settings_error() const { return settings_error_; }

 private:
  std::string begin_text(const std::string& kind_name, const std::string& file_name) {
    if (!settings_error_.empty()) return bbb::error_envelope("bad_settings", settings_error_);
    bbb::FileKind kind;
    if (!bbb::parse_file_kind(kind_name, &kind))
      return bbb::error_envelope("bad_kind", "file kind must be contracts, subscriptions, invoices or fulfilment");
    std::string error;
    if (!session_->begin(kind, file_name, &error)) return bbb::error_envelope("bad_order", error);
    return "{\"ok\":true}";
  }

  std::string end_text() {
    std::string error;
    if (!session_->end(&error)) return bbb::error_envelope("no_file", error);
    return bbb::file_envelope(*session_);
  }

  std::string report_text(const std::string& report_settings_json) {
    if (!settings_error_.empty()) return bbb::error_envelope("bad_settings", settings_error_);
    bbb::ReportSettings settings;
    std::string error;
    if (!bbb::parse_report_settings(report_settings_json, &settings, &error))
      return bbb::error_envelope("bad_settings", error);
    if (session_->in_file()) return bbb::error_envelope("bad_order", "end the file before asking for the report");
    return bbb::report_envelope(*session_, settings);
  }

  std::string settings_error_;
  std::unique_ptr<bbb::Session> session_;
  std::vector<unsigned char> buffer_;
  std::vector<char> lines_;  // with handOffLines: the lines read by the last feed() or end()
  std::string reading_summary_;
};

// compare(before, after, settings): two sessions read with the snapshot
// setting, matched by id (bbb/compare_json.h).
emscripten::val compare(const JsSession& before, const JsSession& after, const std::string& compare_settings_json) {
  for (const JsSession* s : {&before, &after})
    if (!s->settings_error().empty()) return js_text(bbb::error_envelope("bad_settings", s->settings_error()));
  return js_text(bbb::changes_envelope(before.session(), after.session(), compare_settings_json));
}

emscripten::val version() { return js_text(bbb::kEngineVersion); }
emscripten::val vocabulary() { return js_text(bbb::vocabulary_json()); }

}  // namespace

EMSCRIPTEN_BINDINGS(bbb) {
  emscripten::class_<JsSession>("Session")
      .constructor<const std::string&>()
      .function("begin", &JsSession::begin)
      .function("expectBytes", &JsSession::expect_bytes)
      .function("inputBuffer", &JsSession::input_buffer)
      .function("feed", &JsSession::feed)
      .function("wantsMore", &JsSession::wants_more)
      .function("end", &JsSession::end)
      .function("containerOf", &JsSession::container_of)
      .function("refuse", &JsSession::refuse)
      .function("beginWorkbook", &JsSession::begin_workbook)
      .function("workbookNext", &JsSession::workbook_next)
      .function("workbookFeed", &JsSession::workbook_feed)
      .function("workbookEndRequest", &JsSession::workbook_end_request)
      .function("failWorkbook", &JsSession::fail_workbook)
      .function("report", &JsSession::report)
      .function("handOffLines", &JsSession::hand_off_lines)
      .function("lines", &JsSession::lines)
      .function("readingPart", &JsSession::reading_summary)
      .function("foldLines", &JsSession::fold_lines)
      .function("adoptReading", &JsSession::adopt_reading);
  emscripten::function("compare", &compare);
  emscripten::function("version", &version);
  emscripten::function("vocabulary", &vocabulary);
}
