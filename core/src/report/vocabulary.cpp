#include "bbb/vocabulary.h"

#include "rows/contract_line.h"
#include "finance/drill.h"
#include "session/read_settings.h"
#include "report/report_settings.h"
#include "report/json_writer.h"

namespace bbb {

std::string vocabulary_json() {
  std::string out;
  JsonWriter w(&out);
  w.object();
  w.key("billing").array();
  for (BillingKind kind : kBillingKinds) w.text(billing_kind_name(kind));
  w.end();
  w.key("recognition").array().text(recognition_name(Recognition::kRatable)).text(recognition_name(Recognition::kPoint)).end();
  w.key("status").array();
  for (Status s : {Status::kBooked, Status::kOpen, Status::kLost, Status::kCancelled}) w.text(status_name(s));
  w.end();
  w.key("proration").array().text(proration_name(Proration::kMonthly)).text(proration_name(Proration::kDaily)).end();
  w.key("period").array();
  for (PeriodKind kind : {PeriodKind::kMonth, PeriodKind::kQuarter, PeriodKind::kYear}) w.text(period_kind_name(kind));
  w.end();
  w.key("drill_metrics").array();
  for (const std::string& name : drill_metric_names()) w.text(name);
  w.end();
  w.end();
  return out;
}

}  // namespace bbb
