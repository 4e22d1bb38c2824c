// Assembles the engine's JavaScript API as one folder, web/dist-engine/:
// the API module and its types, the Emscripten build (bbb.js, bbb.wasm) and
// the report's JSON schema. Copy the folder anywhere (a worker's assets, a
// Node project) and `import { createEngine } from './bbb-engine.mjs'`.
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmDir = resolve(process.env.BBB_WASM_DIR ?? join(repo, 'build/wasm-release/wasm'));
const out = join(repo, 'web/dist-engine');

for (const f of ['bbb.js', 'bbb.wasm']) {
  if (!existsSync(join(wasmDir, f))) {
    console.error(`missing ${join(wasmDir, f)}: build the engine first (bash tools/build-wasm.sh)`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(join(wasmDir, 'bbb.js'), join(out, 'bbb.js'));
copyFileSync(join(wasmDir, 'bbb.wasm'), join(out, 'bbb.wasm'));
copyFileSync(join(repo, 'wasm/api/bbb-engine.mjs'), join(out, 'bbb-engine.mjs'));
copyFileSync(join(repo, 'wasm/api/blob_pieces.mjs'), join(out, 'blob_pieces.mjs'));
copyFileSync(join(repo, 'wasm/api/serving_port.mjs'), join(out, 'serving_port.mjs'));  // blob_pieces imports it
copyFileSync(join(repo, 'wasm/api/feed_workbook.mjs'), join(out, 'feed_workbook.mjs'));  // bbb-engine imports it
copyFileSync(join(repo, 'wasm/api/bbb-engine.d.ts'), join(out, 'bbb-engine.d.ts'));
copyFileSync(join(repo, 'docs/report.schema.json'), join(out, 'report.schema.json'));
writeFileSync(join(out, 'package.json'), JSON.stringify({
  name: 'bbb-engine', private: true, type: 'module', main: './bbb-engine.mjs', types: './bbb-engine.d.ts',
}, null, 2) + '\n');
console.log(`engine API in ${out}`);
