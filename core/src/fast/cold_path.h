// BBB_COLD: code that runs once a file or once a bad row (headers, issues
// and their messages), kept out of the per-row functions; BBB_OUT_OF_LINE:
// a step kept a call of its own. Why: a smaller hot function is compiled
// sooner by the WebAssembly engine (docs/performance-history.md, "Why cold_path.h").
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define BBB_COLD [[gnu::cold, gnu::noinline]]
#define BBB_OUT_OF_LINE [[gnu::noinline]]
#else
#define BBB_COLD
#define BBB_OUT_OF_LINE
#endif
