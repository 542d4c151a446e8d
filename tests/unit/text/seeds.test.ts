/**
 * The "done when" on pages made from the seeds (tests/fixtures/text/seed-00x.html, built
 * from /work/shared/seeds by tests/eval/page.ts textToHtml) with the shipped dictionaries,
 * through the whole path: extractPage → audit with every registered rule.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../rules/page/extract';
import { audit } from '../../../rules/engine';
import type { Finding } from '../../../rules/types';
import { builtinDicts } from '../../../rules/text/dicts';

// These expectations need the shipped dictionaries (rules/dicts/*.tsv, placeholders.json, written
// in parallel): they are skipped, and say so, while generated.ts has none.
const d = builtinDicts();

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/text/${name}`, import.meta.url), 'utf8');

async function findingsOf(name: string, url: string): Promise<Finding[]> {
  const r = await audit(extractPage(fixture(name), url), { today: '2024-06-01' });
  expect(r.diagnostics).toEqual([]);
  return r.findings;
}

describe('seed 002 (machine-spun 政府信息公开 report)', async () => {
  const f = await findingsOf('seed-002.html', 'http://www.baqiao.gov.cn/art/2020/1/1/art_1.html');
  const of = (id: string) => f.filter((x) => x.ruleId === id);

  it('reports the placeholders xx市/xx乡/xx镇, 201x年, 20xx年, --年 and the empty 组长/副组长', () => {
    const texts = of('text/placeholder').map((x) => x.excerpt.slice(0, 0) + (x.data?.text ?? x.data?.label));
    // The matched text may or may not include the 年 (placeholders.json decides).
    for (const want of [/^201x/, /^20xx/, /^--/, /^组长[:：]?$/, /^副组长[:：]?$/, /^xx/]) expect(texts.some((t) => want.test(String(t))), String(want)).toBe(true);
    expect(of('text/placeholder').filter((x) => /^(?:副)?组长/.test(String(x.data?.text ?? x.data?.label)))).toHaveLength(2);
    expect(of('text/placeholder').every((x) => x.level === 'error')).toBe(true);
  });

  it('reports 当局信息公开 as a serious error', () => {
    expect(of('text/serious-error').some((x) => x.excerpt.includes('当局信息公开') && x.level === 'error')).toBe(true);
  });

  it('reports at least 10 of the spun word substitutions with the right suggestion', () => {
    const want: Record<string, string> = {
      紧张议事日程: '重要议事日程',
      实时调剂: '及时调整',
      立异: '创新',
      扶植: '建设',
      树立健全: '建立健全',
      富厚: '丰富',
      根基性: '基础性',
      慎密: '紧密',
      赓续: '继续',
      看护: '通知',
      组织和谐: '组织协调',
      匆匆进: '促进',
      通顺: '畅通',
      寄托群众: '依靠群众',
      普遍介入: '广泛参与',
      接收社会监督: '接受社会监督',
      治理立异: '管理创新',
      无毛病: '无差错',
    };
    const got = of('text/typo').map((x) => [x.data?.wrong, x.suggestion] as [string, string]);
    const right = got.filter(([w, s]) => Object.entries(want).some(([ww, ss]) => (ww.includes(String(w)) || String(w).includes(ww)) && (ss.includes(String(s)) || String(s).includes(ss))));
    expect(new Set(right.map(([w]) => w)).size).toBeGreaterThanOrEqual(10);
  });
});

describe('seed 004 (traditional text with pinyin residue)', async () => {
  const f = await findingsOf('seed-004.html', 'http://www.jiangyong.gov.cn/art/2021/5/1/art_2.html');
  const of = (id: string) => f.filter((x) => x.ruleId === id);

  it('reports the empty 组长/副组长 labels (no dictionary needed)', async () => {
    const f2 = await findingsOf('seed-002.html', 'http://www.baqiao.gov.cn/art/2020/1/1/art_1.html');
    const labels = f2.filter((x) => x.ruleId === 'text/placeholder' && /^(?:副)?组长/.test(String(x.data?.label ?? x.data?.text)));
    expect(labels.map((x) => x.excerpt)).toEqual(['组长:', '副组长:']);
  });

  it('reports pinyin residue and traditional characters', () => {
    expect(of('text/pinyin-residue').length).toBeGreaterThan(0);
    expect(of('text/pinyin-residue')[0].excerpt).toMatch(/\((?:guān|fā|kāi)\)/);
    expect(of('text/mixed-script').length).toBeGreaterThan(0);
  });

  it('reports the clause 依法做到“应公开尽公开” said twice', () => {
    const r = of('text/repeated').filter((x) => x.messageId === 'clause');
    expect(r.some((x) => String(x.data?.unit).startsWith('依法做到“應'))).toBe(true);
  });
});

describe('overlapping dictionary pairs', () => {
  it('reports one spot once: 全镇当局信息公开 is the 当局信息公开 pair, not also 镇当局', async () => {
    const { auditHtml } = await import('../../../rules/run');
    const r = await auditHtml('<html lang="zh-CN"><body><h1>八桥镇政府信息公开工作年度报告</h1><div id="zoom"><p>依据全镇当局信息公开工作统一安排和要求，我镇认真做好各项工作。</p></div></body></html>', 'http://www.bqz.gov.cn/a.html', { today: '2026-11-22' });
    const serious = r.findings.filter((f) => f.ruleId === 'text/serious-error');
    expect(serious.map((f) => f.data?.wrong)).toEqual(['当局信息公开']);
  });
});
