// The Content-Security-Policy sent as a header is the one in the pages' meta
// tag: by `npm run serve:web` (Vite's preview server) and in every server
// configuration docs/guides/embedding.md gives (nginx, Apache, Caddy, IIS,
// _headers). A worker started from a URL takes its policy from its response.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import config, { CSP } from '../../web/vite.config.js';

test('the preview server sends the pages\' policy on every response', () => {
  assert.match(CSP, /connect-src 'self';/);
  assert.match(CSP, /worker-src 'self' blob:;/);
  assert.equal(config.preview?.headers?.['Content-Security-Policy'], CSP);
});

test('every server configuration in the embedding guide sends that same policy', () => {
  const guide = readFileSync(new URL('../../docs/guides/embedding.md', import.meta.url), 'utf8');
  const section = guide.slice(guide.indexOf('## 1.'), guide.indexOf('## 2.'));
  const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang, body }));
  for (const lang of ['nginx', 'apache', 'caddy', 'xml']) {
    const block = blocks.find((b) => b.lang === lang);
    assert.ok(block, `no ${lang} example`);
    assert.ok(block.body.includes(CSP), `the ${lang} example's policy is not the page's`);
  }
  const headersFile = blocks.find((b) => b.body.startsWith('/*'));
  assert.ok(headersFile?.body.includes(`Content-Security-Policy: ${CSP}`), 'the _headers example');
  // No other policy anywhere in the section.
  const policies = [...section.matchAll(/default-src[^"\n]*/g)].map((m) => m[0]);
  assert.ok(policies.length >= 6 && policies.every((p) => p === CSP), policies.join('\n'));
});
