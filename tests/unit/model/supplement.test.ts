/**
 * The model's lexicon supplement (issue 9): CC-CEDICT's words that the 2013–2017 sources lack
 * (sunpinyin's open-gram, jieba) are words of the lattice, so current official vocabulary is not
 * read as a run of single characters that a one-character edit "repairs".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lmModelOf } from '../../../rules/text/lm-model';

const root = resolve(import.meta.dirname, '../../..');
const inputs = JSON.parse(readFileSync(resolve(root, 'rules/model/inputs.json'), 'utf8'));
const b = readFileSync(resolve(root, inputs.output.file));
const model = lmModelOf(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

describe('lexicon supplement (CC-CEDICT)', () => {
  it('records its source, version and size', () => {
    expect(inputs.packages['cc-cedict']).toMatch(/^\d+\.\d+\.\d+/);
    expect(inputs.pruning.supplement.words).toBeGreaterThan(10_000);
  });

  it('knows words of current official writing that the older sources lack', () => {
    for (const w of ['新冠', '获得感', '碳中和']) expect(model.lookup(w), w).toBeGreaterThanOrEqual(0);
  });

  it('gives them a rare word’s cost, never a common word’s', () => {
    const rare = model.uni(model.lookup('获得感'));
    expect(rare).toBeGreaterThan(model.uni(model.lookup('发展')) + 5);
    expect(rare).toBeLessThan(model.meta.oovCost);
  });

  it('leaves proper names out (the guards handle names)', () => {
    // CC-CEDICT lists place names with capitalised readings (Qi1 xing1 guan1 qu1); they stay out.
    expect(model.lookup('七星关区')).toBe(-1);
  });
});
