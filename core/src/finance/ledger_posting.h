// What one booked line posts to a ledger, month by month: its bookings,
// cancellation, billings and revenue (the flows of spec section 4), and its
// balances at each month end as balances.h defines them.
#pragma once

#include <cstdint>
#include <vector>

#include "rows/contract_line.h"
#include "finance/ledger.h"
#include "finance/schedule.h"

namespace bbb {

// ACV of a line: floor(amount x 12 / T) when T > 12, else the amount.
std::int64_t acv_of(const ContractLine& line);

void post_line(const ContractLine& line, const LineSchedule& schedule, MonthlyLedger* ledger);

// The line's revenue in each month, exactly as post_line counts it: out[i]
// is the revenue of the booking month + i, up to the last month anything
// changes.
void revenue_by_month(const ContractLine& line, const LineSchedule& schedule, std::vector<std::int64_t>* out);

}  // namespace bbb
