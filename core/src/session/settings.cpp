#include "bbb/settings.h"

#include <nlohmann/json.hpp>

#include "finance/sales_stats.h"
#include "rows/source_profiles.h"

namespace bbb {
namespace {

using nlohmann::json;

bool read_object(std::string_view text, json* out, std::string* error) {
  if (text.empty()) { *out = json::object(); return true; }
  *out = json::parse(text.begin(), text.end(), nullptr, false);
  if (out->is_discarded() || !out->is_object()) { *error = "settings are not a JSON object"; return false; }
  return true;
}

bool read_string(const json& v, const char* key, std::string* out, std::string* error) {
  if (!v.is_string()) { *error = std::string("setting '") + key + "' must be a string"; return false; }
  *out = v.get<std::string>();
  return true;
}

bool read_date(const json& v, const char* key, std::optional<Date>* out, std::string* error) {
  std::string s;
  if (!read_string(v, key, &s, error)) return false;
  if (s.empty()) { out->reset(); return true; }
  Date d;
  if (!parse_iso_date(s, &d)) { *error = std::string("setting '") + key + "' must be a date YYYY-MM-DD"; return false; }
  *out = d;
  return true;
}

bool parse_drill(const json& v, ReadSettings* out, std::string* error) {
  if (!v.is_object()) { *error = "setting 'drill' must be an object {currency, metric, from, to, limit}"; return false; }
  DrillRequest d;
  std::optional<Date> from, to;
  std::string s;
  for (const auto& [key, value] : v.items()) {
    if (key == "currency") {
      if (!read_string(value, "drill.currency", &s, error)) return false;
      if (!parse_currency_code(s, &d.currency)) { *error = "drill.currency must be a three-letter code"; return false; }
    } else if (key == "metric") {
      if (!read_string(value, "drill.metric", &d.metric, error)) return false;
      if (!is_drill_metric(d.metric)) { *error = "drill.metric '" + d.metric + "' is not an amount of the report that lines can explain"; return false; }
    } else if (key == "from") {
      if (!read_date(value, "drill.from", &from, error)) return false;
    } else if (key == "to") {
      if (!read_date(value, "drill.to", &to, error)) return false;
    } else if (key == "age") {
      // An age bucket of the pipeline or the orders, by its label.
      if (!read_string(value, "drill.age", &s, error)) return false;
      d.age_bucket = -2;
      for (int b = 0; b < kAgeBuckets; ++b)
        if (s == age_bucket_label(b)) d.age_bucket = b;
      if (s == "none") d.age_bucket = DrillRequest::kNoCreatedDate;
      if (d.age_bucket == -2) { *error = "drill.age must be 0-30, 31-60, 61-90, 91-180, 181+ or none"; return false; }
    } else if (key == "row_from") {
      if (!read_date(value, "drill.row_from", &d.row_from, error)) return false;
    } else if (key == "row_to") {
      if (!read_date(value, "drill.row_to", &d.row_to, error)) return false;
    } else if (key == "not_billed") {
      if (!value.is_boolean()) { *error = "drill.not_billed must be true or false"; return false; }
      d.not_billed_row = value.get<bool>();
    } else if (key == "segment") {
      // A value of split_by, or {"other_than": [the values shown one by one]}.
      if (value.is_string()) {
        d.segment = value.get<std::string>();
      } else if (value.is_object() && value.size() == 1 && value.contains("other_than") && value["other_than"].is_array()) {
        d.segment_other = true;
        for (const json& v : value["other_than"]) {
          if (!v.is_string()) { *error = "drill.segment.other_than must list strings"; return false; }
          d.segment_other_than.push_back(v.get<std::string>());
        }
      } else {
        *error = "drill.segment must be a value of split_by or {\"other_than\": [values]}";
        return false;
      }
    } else if (key == "limit") {
      if (!value.is_number_integer() || value.get<long long>() < 1 || value.get<long long>() > 100000) {
        *error = "drill.limit must be a whole number from 1 to 100000";
        return false;
      }
      d.limit = value.get<std::size_t>();
    } else {
      *error = "unknown drill setting '" + key + "'";
      return false;
    }
  }
  if (d.metric.empty() || !from || !to || d.currency.view()[0] == 0) {
    *error = "drill needs currency, metric, from and to";
    return false;
  }
  if (*to < *from) { *error = "drill: 'to' is before 'from'"; return false; }
  d.from = *from;
  d.to = *to;
  out->drill = std::move(d);
  return true;
}

}  // namespace

bool parse_read_settings(std::string_view text, ReadSettings* out, std::string* error) {
  json j;
  if (!read_object(text, &j, error)) return false;
  for (const auto& [key, v] : j.items()) {
    std::string s;
    if (key == "currency") {
      if (!read_string(v, "currency", &s, error)) return false;
      if (!parse_currency_code(s, &out->default_currency)) { *error = "setting 'currency' must be a three-letter code"; return false; }
    } else if (key == "proration") {
      if (!read_string(v, "proration", &s, error)) return false;
      if (s == "monthly") out->proration = Proration::kMonthly;
      else if (s == "daily") out->proration = Proration::kDaily;
      else { *error = "setting 'proration' must be monthly or daily"; return false; }
    } else if (key == "as_of") {
      if (!read_date(v, "as_of", &out->as_of, error)) return false;
    } else if (key == "today") {
      if (!read_date(v, "today", &out->today, error)) return false;
    } else if (key == "default_term") {
      // Whole months, 1 to 1200 (as term_months); null or 0 for none.
      if (v.is_null()) out->default_term_months = 0;
      else if (!v.is_number_integer() || v.get<std::int64_t>() < 0 || v.get<std::int64_t>() > 1200) {
        *error = "setting 'default_term' must be a whole number of months from 1 to 1200 (0 or null for none)";
        return false;
      } else out->default_term_months = static_cast<std::int32_t>(v.get<std::int64_t>());
    } else if (key == "date_order") {
      if (!read_string(v, "date_order", &s, error)) return false;
      if (!parse_date_order(s, &out->date_order)) { *error = "setting 'date_order' must be auto, ymd, mdy or dmy"; return false; }
    } else if (key == "decimal") {
      if (!read_string(v, "decimal", &s, error)) return false;
      if (s == "auto") out->decimal = 0;
      else if (s == "." || s == ",") out->decimal = s[0];
      else { *error = "setting 'decimal' must be auto, '.' or ','"; return false; }
    } else if (key == "encoding") {
      if (!read_string(v, "encoding", &s, error)) return false;
      if (!parse_encoding_name(s, &out->csv.encoding)) {
        *error = "setting 'encoding' must be auto, utf-8, utf-16le, utf-16be or windows-1252";
        return false;
      }
    } else if (key == "delimiter") {
      if (!read_string(v, "delimiter", &s, error)) return false;
      if (s == "auto" || s.empty()) out->csv.delimiter = 0;
      else if (s == "," || s == ";" || s == "\t" || s == "|") out->csv.delimiter = s[0];
      else if (s == "tab") out->csv.delimiter = '\t';
      else { *error = "setting 'delimiter' must be auto, ',', ';', tab or '|'"; return false; }
    } else if (key == "mapping") {
      if (!v.is_object()) { *error = "setting 'mapping' must be an object of field: column"; return false; }
      for (const auto& [field, column] : v.items()) {
        if (!column.is_string()) { *error = "mapping of '" + field + "' must be a column name"; return false; }
        out->mapping[field] = column.get<std::string>();
      }
    } else if (key == "snapshot") {
      if (!v.is_boolean()) { *error = "setting 'snapshot' must be true or false"; return false; }
      out->snapshot = v.get<bool>();
    } else if (key == "waterfall") {
      if (!v.is_boolean()) { *error = "setting 'waterfall' must be true or false"; return false; }
      out->waterfall = v.get<bool>();
    } else if (key == "values") {
      // {"status": {"Verbal commit": "open"}, "type": {...}, "billing": {...}, "recognition": {...}}
      if (!v.is_object()) { *error = "setting 'values' must be an object of field: {value: word}"; return false; }
      for (const auto& [field_text, words] : v.items()) {
        Field f;
        if (!parse_field_name(field_text, &f)) { *error = "values: unknown field '" + field_text + "'"; return false; }
        if (!words.is_object()) { *error = "values of '" + field_text + "' must be an object of value: word"; return false; }
        for (const auto& [value, word] : words.items()) {
          if (!word.is_string()) { *error = "values: the word for '" + value + "' must be text"; return false; }
          if (!out->values.add(f, value, word.get<std::string>(), error)) return false;
        }
      }
    } else if (key == "source") {
      if (!read_string(v, "source", &out->source, error)) return false;
      if (!out->source.empty() && find_source_profile(out->source) == nullptr) {
        *error = "setting 'source' names no profile '" + out->source + "' (one of generic";
        for (const SourceProfile& p : source_profiles()) *error += std::string(", ") + p.key;
        *error += ")";
        return false;
      }
    } else if (key == "split_by") {
      if (!read_string(v, "split_by", &out->split_by, error)) return false;
    } else if (key == "drill") {
      if (!parse_drill(v, out, error)) return false;
    } else if (key == "extra_currencies") {
      // Codes outside ISO 4217 the file may use (a token, an internal unit).
      if (!v.is_array()) { *error = "setting 'extra_currencies' must list three-letter codes"; return false; }
      for (const json& c : v) {
        CurrencyCode code;
        if (!c.is_string() || !parse_currency_code(c.get<std::string>(), &code)) {
          *error = "setting 'extra_currencies' must list three-letter codes";
          return false;
        }
        out->currencies.add_extra(code);
      }
    } else {
      *error = "unknown setting '" + key + "'";
      return false;
    }
  }
  // Checked once every key is read, whatever their order.
  if (!out->currencies.contains(out->default_currency)) {
    *error = "setting 'currency': " + std::string(out->default_currency.view()) +
             " is not an ISO 4217 currency code (name it in 'extra_currencies' to use it)";
    return false;
  }
  if (out->drill && out->drill->needs_as_of() && !out->as_of) {
    *error = "drill of '" + out->drill->metric + "' needs the as_of setting";
    return false;
  }
  if (out->drill && out->drill->wants_segment() && out->split_by.empty()) {
    *error = "drill of a segment needs the split_by setting";
    return false;
  }
  return true;
}

bool parse_report_settings(std::string_view text, ReportSettings* out, std::string* error) {
  json j;
  if (!read_object(text, &j, error)) return false;
  for (const auto& [key, v] : j.items()) {
    std::string s;
    if (key == "period") {
      if (!read_string(v, "period", &s, error)) return false;
      if (s == "month") out->period = PeriodKind::kMonth;
      else if (s == "quarter") out->period = PeriodKind::kQuarter;
      else if (s == "year") out->period = PeriodKind::kYear;
      else { *error = "setting 'period' must be month, quarter or year"; return false; }
    } else if (key == "fiscal_start") {
      if (!v.is_number_integer() || v.get<int>() < 1 || v.get<int>() > 12) {
        *error = "setting 'fiscal_start' must be a month number from 1 to 12";
        return false;
      }
      out->fiscal_start = v.get<int>();
    } else if (key == "from") {
      if (!read_date(v, "from", &out->from, error)) return false;
    } else if (key == "to") {
      if (!read_date(v, "to", &out->to, error)) return false;
    } else if (key == "top") {
      if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > 1000) {
        *error = "setting 'top' must be a whole number from 1 to 1000";
        return false;
      }
      out->top = v.get<int>();
    } else {
      *error = "unknown report setting '" + key + "'";
      return false;
    }
  }
  if (out->from && out->to && *out->to < *out->from) { *error = "report range: 'to' is before 'from'"; return false; }
  return true;
}

}  // namespace bbb
