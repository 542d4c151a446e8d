/**
 * The real-page corpus and its tooling. That every committed snapshot is current and every
 * warn/error finding judged is checked by `npm run real -- --check`, a step of `npm test`: a rule
 * change that alters what GovLint says on a real page fails there until `npm run real` has written
 * the new snapshot and the new findings are judged in tests/real/review.json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  evaluate, guessToday, loadCorpus, loadReview, precision, refusal, sha256, SHARED_DIR, type Excluded, type Snapshot,
} from '../real/corpus';

const corpus = loadCorpus();
/** The shared corpus sits beside the checkout (../shared/realpages); ours travels with it. */
const hasShared = existsSync(join(SHARED_DIR, 'manifest.json'));

describe('real pages', () => {
  it.runIf(hasShared)('holds pages of many sites, none of them an evaluation page or a duplicate (loadCorpus refuses those)', () => {
    expect(corpus.length).toBeGreaterThan(40);
    expect(new Set(corpus.map((p) => p.site)).size).toBeGreaterThan(20);
  });

  it('holds our own pages, each with its source', () => {
    const ours = corpus.filter((p) => p.origin === 'project');
    expect(ours.length).toBeGreaterThanOrEqual(15);
    // A repository, path and commit; or, where no repository can be named, how the page was found
    // (the search index's file id it was read from).
    const sourced = (p: (typeof ours)[number]) => (p.repo && p.path && /^[0-9a-f]{40}$/.test(p.commit ?? '')) || /^unknown \(read_file id \d+\)$/.test(p.repo ?? '');
    expect(ours.filter((p) => !sourced(p)).map((p) => p.id)).toEqual([]);
  });

  it('gives every page a reviewed today', () => {
    const review = loadReview();
    expect(corpus.filter((p) => !/^\d{4}-\d{2}-\d{2}$/.test(review[p.id]?.today ?? '')).map((p) => p.id)).toEqual([]);
  });

});

describe('real-page tooling', () => {
  const page = new TextEncoder().encode('<html><head><title> 某某县人民政府\n 通知 </title></head><body>x</body></html>');
  const other = new TextEncoder().encode('<html><head><title>另一个页面</title></head></html>');

  it('refuses a page of the evaluation set by its bytes or by its title, and admits another', () => {
    const byBytes: Excluded = { files: new Set([sha256(page)]), titles: new Set() };
    const byTitle: Excluded = { files: new Set(), titles: new Set([sha256('某某县人民政府 通知')]) };
    expect(refusal(page, byBytes)).toMatch(/字节相同/);
    expect(refusal(page, byTitle)).toMatch(/标题/);
    expect(refusal(other, byBytes)).toBeNull();
    expect(refusal(other, byTitle)).toBeNull();
  });

  it('guesses today as the newest full date shown, never one after the real today', () => {
    expect(guessToday('<p>2019-06-17</p><li>2019年6月3日</li><script>var d="2030-01-01"</script>', '2026-12-02')).toBe('2019-06-17');
    expect(guessToday('<p>2027-01-01 与 2020/3/5</p>', '2026-12-02')).toBe('2020-03-05');
    expect(guessToday('<p>无日期</p>')).toBeNull();
    // A <meta name="PubDate"> newer than what the text shows is the page's date too.
    expect(guessToday('<meta name="PubDate" content="2020-02-13 15:04"><p>2020-02-05</p>', '2026-12-02')).toBe('2020-02-13');
    expect(guessToday('<p>November 22, 2018</p><p>November 29, 2018</p>', '2026-12-02')).toBe('2018-11-29');
  });

  it('counts precision over judged warn/error findings, lists the unjudged and checks fixed misses', () => {
    const f = (ruleId: string, key: string, level: 'warn' | 'error' | 'info' = 'warn') =>
      ({ ruleId, level, certainty: 'certain', key, message: '', excerpt: '', suggestion: null, field: null, selector: null });
    const snaps: Snapshot[] = [
      { id: 'a', url: '', today: '2024-01-01', kind: 'detail', title: '', column: null, findings: [f('r/x', '1'), f('r/x', '2'), f('r/x', '3'), f('r/y', '1', 'info')] },
    ];
    const report = evaluate(snaps, {
      a: {
        today: '2024-01-01',
        findings: { 'r/x 1': { verdict: 'true' }, 'r/x 2': { verdict: 'false', why: '模板' }, 'r/x 9': { verdict: 'true' } },
        missed: [{ ruleId: 'r/z', evidence: 'e', why: 'w', status: 'fixed' }],
      },
    });
    const x = report.perRule.get('r/x')!;
    expect([x.true, x.false, x.unreviewed]).toEqual([1, 1, 1]);
    expect(precision(x)).toBe(0.5);
    expect(report.unreviewed).toEqual(['a: r/x 3']);
    expect(report.gone).toEqual([{ id: 'a', finding: 'r/x 9', verdict: 'true' }]);
    expect(report.fixedButAbsent).toEqual(['a: r/z（e）']);
  });
});
