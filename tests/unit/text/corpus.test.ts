/**
 * Precision guard (issue 3, item 5): the correct texts of tests/corpus/clean/ made into pages
 * get no warn/error finding from the text and privacy rules with the shipped dictionaries.
 * `npm run eval` prints the same check with the recall on planted defects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../rules/engine';
import { privacyRules } from '../../../rules/privacy';
import { textRules } from '../../../rules/text/index';
import { builtinDicts } from '../../../rules/text/dicts';
import { pageFromText } from '../../eval/page';

const dir = fileURLToPath(new URL('../../corpus/clean/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('clean corpus', () => {
  it('has at least 30 texts', () => expect(files.length).toBeGreaterThanOrEqual(30));

  // Needs the shipped reduplication list (研究研究 …), written in parallel: skipped until generated.ts has it.
  it('gets no warn or error text/privacy finding', async () => {
    const bad: string[] = [];
    for (const f of files) {
      const r = await audit(pageFromText(readFileSync(dir + f, 'utf8')), { today: '2024-06-01' }, { rules: [...textRules, ...privacyRules] });
      expect(r.diagnostics).toEqual([]);
      for (const x of r.findings) if (x.level !== 'info') bad.push(`${f} ${x.ruleId}: ${x.message} — ${x.excerpt}`);
    }
    expect(bad).toEqual([]);
  });
});
