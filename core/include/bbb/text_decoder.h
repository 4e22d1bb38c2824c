// Turns the bytes of a file in any supported encoding into UTF-8, chunk by
// chunk (a code unit or character may straddle two chunks).
#pragma once
