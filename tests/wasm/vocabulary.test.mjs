// The engine's words as the page's unit tests know them
// (tests/web/engine_vocabulary.json) are the built engine's, word for word:
// the copy cannot drift from what the page gets from its engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadApiEngine, repo } from './engine.mjs';

test('the vocabulary fixture of tests/web is the built engine\'s', async () => {
  const engine = await loadApiEngine();
  const fixture = JSON.parse(readFileSync(join(repo, 'tests/web/engine_vocabulary.json'), 'utf8'));
  assert.deepEqual(fixture, engine.vocabulary,
    'the engine\'s words changed: write its vocabulary into tests/web/engine_vocabulary.json');
});
