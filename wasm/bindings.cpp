// The only Embind code: a thin adapter from JavaScript to bbb::Session.
// Every function converts its inputs, calls the core, and returns data:
// results and errors alike come back as JSON text, never as exceptions.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "bbb/report_json.h"
#include "bbb/session.h"
#include "bbb/settings.h"

namespace {

class JsSession {
 public:
  explicit JsSession(const std::string& read_settings_json) {
    bbb::ReadSettings settings;
    if (!bbb::parse_read_settings(read_settings_json, &settings, &settings_error_)) settings = bbb::ReadSettings();
    session_ = std::make_unique<bbb::Session>(settings);
  }

  std::string begin(const std::string& kind_name, const std::string& file_name) {
    if (!settings_error_.empty()) return bbb::error_envelope("bad_settings", settings_error_);
    bbb::FileKind kind;
    if (!bbb::parse_file_kind(kind_name, &kind))
      return bbb::error_envelope("bad_kind", "file kind must be contracts, invoices or fulfilment");
    std::string error;
    if (!session_->begin(kind, file_name, &error)) return bbb::error_envelope("bad_order", error);
    return "{\"ok\":true}";
  }

  // One reusable buffer: the page writes each chunk straight into wasm memory.
  emscripten::val input_buffer(std::size_t size) {
    if (buffer_.size() < size) buffer_.resize(size);
    return emscripten::val(emscripten::typed_memory_view(size, buffer_.data()));
  }

  double feed(std::size_t size) {
    if (size > buffer_.size()) size = buffer_.size();
    session_->feed(reinterpret_cast<const char*>(buffer_.data()), size);
    return static_cast<double>(session_->rows_read_in_file());
  }

  std::string end() {
    std::string error;
    if (!session_->end(&error)) return bbb::error_envelope("no_file", error);
    return bbb::file_envelope(*session_);
  }

  std::string report(const std::string& report_settings_json) {
    if (!settings_error_.empty()) return bbb::error_envelope("bad_settings", settings_error_);
    bbb::ReportSettings settings;
    std::string error;
    if (!bbb::parse_report_settings(report_settings_json, &settings, &error))
      return bbb::error_envelope("bad_settings", error);
    if (session_->in_file()) return bbb::error_envelope("bad_order", "end the file before asking for the report");
    return bbb::report_envelope(*session_, settings);
  }

 private:
  std::string settings_error_;
  std::unique_ptr<bbb::Session> session_;
  std::vector<unsigned char> buffer_;
};

std::string version() { return bbb::kEngineVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(bbb) {
  emscripten::class_<JsSession>("Session")
      .constructor<const std::string&>()
      .function("begin", &JsSession::begin)
      .function("inputBuffer", &JsSession::input_buffer)
      .function("feed", &JsSession::feed)
      .function("end", &JsSession::end)
      .function("report", &JsSession::report);
  emscripten::function("version", &version);
}
