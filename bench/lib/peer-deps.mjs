// `node --import ./bench/lib/peer-deps.mjs /work/shared/bench/papaparse.mjs ...`:
// the peer scripts of ../shared/bench run in place (that folder is read-only
// here and has no node_modules), with their two npm packages resolved from
// bench/node_modules. CommonJS `require` (DuckDB) is served by NODE_PATH.
import { register } from 'node:module';

register('./peer-resolve.mjs', import.meta.url);
