// The machine-readable report of spec section 9, and the envelopes that carry
// results and errors across the WebAssembly boundary as data. Native and
// WebAssembly builds print byte-identical text from here.
#pragma once

#include <string>

#include "session/reading_summary.h"
#include "report/period_report.h"
#include "bbb/session.h"
#include "bbb/settings.h"

namespace bbb {

constexpr const char* kEngineVersion = "0.1.0";

// The reading half's part of the report (reading_summary.h), as this
// session's files and issues give it.
ReadingSummary reading_summary(const Session& session);

// The report as compact JSON text.
std::string render_report(const Session& session, const ReportSettings& settings);

// {"ok":true,"report":<report>}, or the report_too_large error past the
// report's size cap (report_size.h); render_report leaves that check to its caller.
std::string report_envelope(const Session& session, const ReportSettings& settings);
// {"ok":false,"error":{"code":...,"message":...}}
std::string error_envelope(const std::string& code, const std::string& message);
// {"ok":true,"file":<summary of the file just read>}
std::string file_envelope(const Session& session);

}  // namespace bbb
