// The JSON of a comparison of two exports (bbb/compare_json.h): it writes
// what compare_snapshots found, and gathers from each session what it
// cannot compare (rows with no id, ids used twice).
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "bbb/compare_json.h"
#include "bbb/report_json.h"
#include "finance/snapshot_changes.h"
#include "report/json_writer.h"

namespace bbb {

bool parse_compare_settings(std::string_view json_text, CompareSettings* out, std::string* error) {
  const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) { *error = "compare settings must be a JSON object"; return false; }
  for (const auto& [key, v] : j.items()) {
    if (key == "limit") {
      if (!v.is_number_integer() || v.get<std::int64_t>() < 0) { *error = "setting 'limit' must be a whole number, 0 or more"; return false; }
      out->limit = static_cast<std::size_t>(v.get<std::int64_t>());
    } else {
      *error = "unknown compare setting '" + key + "'";
      return false;
    }
  }
  return true;
}

namespace {

// The ids used on more than one row of an export: its duplicate_id issues
// name them (listed ones only: past the issue list's bound, only counted).
void duplicate_ids(const Session& s, std::set<std::string>* ids) {
  for (const Issue& i : s.issues().listed())
    if (i.code == "duplicate_id") ids->insert(i.value);
}

std::int64_t issue_count(const Session& s, const char* code) {
  const auto found = s.issues().counts().find(code);
  return found == s.issues().counts().end() ? 0 : found->second;
}

void write_side(JsonWriter& w, const char* role, const Session& s, std::int64_t left_out, std::size_t limit) {
  const FileSummary* file = nullptr;
  for (const FileSummary& f : s.files())
    if (gives_lines(f.kind) || f.invoices_alone) file = &f;
  const RowCounts rows = s.contract_rows();
  w.object().field_text("role", role).field_text("name", file ? file->name : "")
      .key("rows").object().field("read", rows.read).field("accepted", rows.accepted).field("rejected", rows.rejected).end()
      .field("missing_id", issue_count(s, "missing_id")).field("duplicate_id", issue_count(s, "duplicate_id"));
  std::set<std::string> ids;
  duplicate_ids(s, &ids);
  w.key("duplicate_ids").array();
  std::size_t n = 0;
  for (const std::string& id : ids) {
    if (limit != 0 && n++ >= limit) break;
    w.text(id);
  }
  w.end().field("left_out", left_out).end();
}

void write_line(JsonWriter& w, const SnapshotLine* l) {
  if (!l) { w.null(); return; }
  w.object().field("line", l->line).field("amount", l->amount).field_text("currency", l->currency.view())
      .field_text("status", status_name(l->status)).key("close");
  if (l->close) w.text(l->close->iso());
  else w.null();
  w.end();
}

void write_category(JsonWriter& w, ChangeKind kind, const ChangeCategory& c, std::size_t limit) {
  w.key(change_kind_name(kind)).object().field("count", c.count).field("value", c.value);
  if (kind == ChangeKind::kAmountChanged) w.field("increase", c.increase).field("decrease", c.decrease);
  const std::size_t listed = limit == 0 ? c.rows.size() : std::min(limit, c.rows.size());
  w.field("listed", listed).key("rows").array();
  for (std::size_t k = 0; k < listed; ++k) {
    const LineChange& r = c.rows[k];
    const SnapshotLine& l = r.after ? *r.after : *r.before;
    w.object().field_text("id", l.id).field_text("customer", l.customer).field("value", r.value).key("before");
    write_line(w, r.before);
    w.key("after");
    write_line(w, r.after);
    w.end();
  }
  w.end().end();
}

void write_changes(JsonWriter& w, const Session& before, const Session& after, const CompareSettings& settings) {
  if (!before.snapshot() || !after.snapshot()) { w.null(); return; }
  std::set<std::string> excluded;
  duplicate_ids(before, &excluded);
  duplicate_ids(after, &excluded);
  const SnapshotChanges changes = compare_snapshots(*before.snapshot(), *after.snapshot(), excluded);

  w.object();
  w.key("engine").object().field_text("name", "bbb").field_text("version", kEngineVersion).field_text("spec", "v1").end();
  w.key("settings").object().field("limit", settings.limit).end();
  w.key("files").array();
  write_side(w, "before", before, changes.left_out_before, settings.limit);
  write_side(w, "after", after, changes.left_out_after, settings.limit);
  w.end();
  w.key("minor_digits").object();
  for (const auto& [currency, c] : changes.currencies) w.text_key(currency.view()).value(minor_digits(currency));
  w.end();
  w.key("currencies").object();
  for (const auto& [currency, c] : changes.currencies) {
    w.text_key(currency.view()).object();
    w.key("before").object().field("count", c.before_count).field("value", c.before_value).end();
    w.key("after").object().field("count", c.after_count).field("value", c.after_value).end();
    w.field("unchanged", c.unchanged);
    w.key("changes").object();
    for (std::size_t k = 0; k < kChangeKinds; ++k) write_category(w, static_cast<ChangeKind>(k), c.categories[k], settings.limit);
    w.end().end();
  }
  w.end().end();
}

}  // namespace

std::string render_changes(const Session& before, const Session& after, const CompareSettings& settings) {
  std::string out;
  {
    JsonWriter w(&out);  // the text is complete once the writer is gone
    write_changes(w, before, after, settings);
  }
  return out;
}

std::string changes_envelope(const Session& before, const Session& after, std::string_view settings_json) {
  CompareSettings settings;
  std::string error;
  if (!parse_compare_settings(settings_json, &settings, &error)) return error_envelope("bad_settings", error);
  if (!before.snapshot() || !after.snapshot())
    return error_envelope("not_snapshot", "both exports must be read with the setting \"snapshot\": true");
  if (before.in_file() || after.in_file()) return error_envelope("bad_order", "end the files before comparing them");
  std::string out = "{\"ok\":true,\"changes\":";
  out += render_changes(before, after, settings);
  out += '}';
  return out;
}

}  // namespace bbb
