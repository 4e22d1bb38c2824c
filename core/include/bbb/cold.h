// BBB_COLD marks code that runs once per file or once per bad row (headers,
// issues with their messages) and keeps it out of the per-row functions.
// Why it matters: V8 compiles each wasm function on its own, first in its
// baseline tier and then, once it is hot, again with its optimising
// compiler, whose time grows faster than the function's size. A header
// parser inlined into the per-record callback made that callback 13 KB of
// wasm that took ~70 ms to optimise, in a 10k-row file's 100 ms.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define BBB_COLD [[gnu::cold, gnu::noinline]]
#else
#define BBB_COLD
#endif
