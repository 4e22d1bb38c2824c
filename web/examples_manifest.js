// Vite plugin: the module 'virtual:bbb-examples' lists the example sets of
// examples/ at build time, so a new example file shows up on the page
// without a code change.
//
//   examples/NAME.csv              one set: a contracts file
//   examples/DIR/contracts*.csv    one set per folder, with the folder's
//   examples/DIR/invoices*.csv     optional invoices and fulfilment files
//   examples/DIR/fulfilment*.csv
//
// Titles come from the table in examples/README.md ("| `file` | what |"),
// or a folder's README.md first heading, else the file name. Each file is
// imported with ?url, so Vite copies it into the build (same origin).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const VIRTUAL = 'virtual:bbb-examples';
const RESOLVED = '\0' + VIRTUAL;

/** {file or folder name: title} from a README table's first two columns. */
export function readmeTitles(text) {
  const titles = {};
  for (const line of text.split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (m) titles[m[1].replace(/\/$/, '')] = m[2].replace(/`/g, '');
  }
  return titles;
}

function kindOf(name) {
  if (/^invoices/i.test(name)) return 'invoices';
  if (/^fulfil?ment/i.test(name)) return 'fulfilment';
  return 'contracts';
}

/** The example sets under `dir`: [{id, title, files: [{kind, name, path}]}]. */
export function listExamples(dir) {
  if (!existsSync(dir)) return [];
  const readme = join(dir, 'README.md');
  const titles = existsSync(readme) ? readmeTitles(readFileSync(readme, 'utf8')) : {};
  const sets = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const files = readdirSync(path).filter((f) => f.toLowerCase().endsWith('.csv')).sort()
        .map((name) => ({ kind: kindOf(name), name, path: join(path, name) }));
      if (!files.some((f) => f.kind === 'contracts')) continue;
      const sub = join(path, 'README.md');
      const heading = existsSync(sub) ? /^#\s+(.+)$/m.exec(readFileSync(sub, 'utf8'))?.[1] : undefined;
      sets.push({ id: entry, title: titles[entry] ?? heading ?? entry, files });
    } else if (entry.toLowerCase().endsWith('.csv')) {
      sets.push({ id: entry, title: titles[entry] ?? entry, files: [{ kind: 'contracts', name: entry, path }] });
    }
  }
  return sets;
}

/** @param {string} dir the examples folder */
export function examplesManifest(dir) {
  return {
    name: 'bbb-examples-manifest',
    resolveId(id) { return id === VIRTUAL ? RESOLVED : null; },
    load(id) {
      if (id !== RESOLVED) return null;
      const sets = listExamples(dir);
      const imports = [];
      const body = sets.map((set) => {
        const files = set.files.map((f) => {
          const name = `u${imports.length}`;
          imports.push(`import ${name} from ${JSON.stringify(f.path + '?url')};`);
          return `{ kind: ${JSON.stringify(f.kind)}, name: ${JSON.stringify(f.name)}, url: ${name} }`;
        });
        return `  { id: ${JSON.stringify(set.id)}, title: ${JSON.stringify(set.title)}, files: [${files.join(', ')}] }`;
      });
      return `${imports.join('\n')}\nexport default [\n${body.join(',\n')}\n];\n`;
    },
  };
}
