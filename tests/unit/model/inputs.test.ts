/**
 * rules/model/ is built by scripts/build-model.mjs (`npm run model`) and committed: the build
 * records the script's sha256 and the output's in inputs.json, so a change to the script
 * without a rebuild (or a hand-edited model file) fails here.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lmModelOf } from '../../../rules/text/lm-model';

const root = resolve(import.meta.dirname, '../../..');
const sha = (p: string) => createHash('sha256').update(readFileSync(resolve(root, p))).digest('hex');
const inputs = JSON.parse(readFileSync(resolve(root, 'rules/model/inputs.json'), 'utf8'));

describe('rules/model', () => {
  it('was built by the current scripts/build-model.mjs (run `npm run model` after changing it)', () => {
    expect(inputs.script.path).toBe('scripts/build-model.mjs');
    expect(sha('scripts/build-model.mjs')).toBe(inputs.script.sha256);
  });

  it('is the file that build wrote', () => {
    expect(existsSync(resolve(root, inputs.output.file))).toBe(true);
    expect(sha(inputs.output.file)).toBe(inputs.output.sha256);
  });

  it('records the versions of its sources', () => {
    for (const p of ['nodejieba', 'pinyin-pro', 'hanzi', 'cnchar-idiom', 'opencc-js']) expect(inputs.packages[p]).toMatch(/^\d+\.\d+\.\d+/);
    expect(inputs.debian['sunpinyin-data']).toBeTruthy();
  });

  it('stays within the package budget (≤ 8 MB gzipped) and carries its attribution', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(readFileSync(resolve(root, inputs.output.file))).length).toBeLessThan(8 * 1024 * 1024);
    expect(readFileSync(resolve(root, 'rules/model/ATTRIBUTION.md'), 'utf8')).toContain('CC BY-SA 3.0');
  });

  it('reads in place: words, bigrams and confusion sets answer', () => {
    const b = readFileSync(resolve(root, inputs.output.file));
    const m = lmModelOf(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    const s = m.lookup('发展');
    expect(s).toBeGreaterThanOrEqual(0);
    expect(m.lookup('总休')).toBe(-1);
    // A stored bigram is cheaper than its backoff estimate.
    const t = m.lookup('机制');
    expect(m.trans(s, t)).toBeLessThan(m.uni(t) + 1);
    const [a, z] = m.confusionRange('休'.charCodeAt(0));
    const cands = Array.from({ length: z - a }, (_, k) => String.fromCharCode(m.candChar(a + k)));
    expect(cands).toContain('体');
  });
});
