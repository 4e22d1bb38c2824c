// What one booked line contributes to each metric of spec section 4, month
// by month. This is the one place where bookings, billings, revenue,
// backlog, deferred revenue, unbilled receivable and cRPO are defined.
#pragma once

#include <cstdint>

#include "bbb/contract_line.h"
#include "bbb/ledger.h"
#include "bbb/schedule.h"

namespace bbb {

// ACV of a line: floor(amount x 12 / T) when T > 12, else the amount.
std::int64_t acv_of(const ContractLine& line);

void fold_line(const ContractLine& line, const LineSchedule& schedule, MonthlyLedger* ledger);

}  // namespace bbb
