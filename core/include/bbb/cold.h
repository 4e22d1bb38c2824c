// BBB_COLD marks code that runs once per file or once per bad row (headers,
// issues with their messages) and keeps it out of the per-row functions.
// Why it matters: V8 compiles each wasm function on its own, first in its
// baseline tier and then, once it is hot, again with its optimising
// compiler, whose time grows faster than the function's size. A header
// parser inlined into the per-record callback made that callback 13 KB of
// wasm that took ~70 ms to optimise, in a 10k-row file's 100 ms.
//
// V8 optimises a function once the code it ran adds up past a budget,
// counted at loop back-edges and returns: a run-once function that loops
// over a sample becomes "hot" and is optimised whole, for nothing (it
// never runs again). BBB_OUT_OF_LINE keeps the loop's per-value step a
// call of its own, so that only that small step is optimised, and the
// run-once loop around it (BBB_COLD) stays in the baseline tier. It also
// keeps small steps called from hundreds of places (the report's JSON
// writer) from being copied into each of them.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define BBB_COLD [[gnu::cold, gnu::noinline]]
#define BBB_OUT_OF_LINE [[gnu::noinline]]
#else
#define BBB_COLD
#define BBB_OUT_OF_LINE
#endif
