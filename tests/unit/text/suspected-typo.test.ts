/**
 * text/typo's 疑似错别字 check (rules/text/suspected-typo.ts) with the shipped model: findings,
 * guards, options, and the silent fallback when there is no model.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../rules/config-schema';
import { audit } from '../../../rules/engine';
import { typoRules } from '../../../rules/text/typo';
import type { AuditLookups, Config, Finding } from '../../../rules/types';
import { modelOf } from './helpers';

const file = readFileSync(resolve(import.meta.dirname, '../../../rules/model/typo-model.bin'));
const buf = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
const withModel: AuditLookups = { typoModel: async () => buf };

async function typos(paras: string[], opts: { lookups?: AuditLookups; config?: Config; headline?: string } = {}): Promise<Finding[]> {
  const r = await audit(modelOf(paras, { headline: opts.headline }), { today: '2024-06-01', ...opts.config }, { rules: typoRules, lookups: opts.lookups ?? withModel });
  if (r.diagnostics.length) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.findings;
}
const suspected = (f: Finding[]) => f.filter((x) => x.messageId === 'suspected');

describe('text/typo — 疑似错别字 from the model', () => {
  it('reports a one-character slip no dictionary lists, as a suspected text/typo with the fix', async () => {
    const text = '各单位要健立健全信息发布审核机制。';
    const [f] = suspected(await typos([text]));
    expect(f).toMatchObject({ ruleId: 'text/typo', certainty: 'suspected', suggestion: '建立健全', message: '疑似错别字“健立健全”，应为“建立健全”' });
    expect(text.slice(f.textOffset, f.textOffset! + f.textLength!)).toBe('健立健全');
    expect(f.selector).toBe('div.content > p:nth-of-type(1)');
    expect(f.excerpt).toContain('健立健全');
    expect(f.key).toBe('lm:健立健全#0');
  });

  it('is quiet on correct official text', async () => {
    const f = await typos([
      '为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提高政府信息公开质量，现就有关事项通知如下。',
      '各乡镇人民政府、县直各单位要高度重视，加强组织领导，明确责任分工，确保各项工作落到实处。',
    ]);
    expect(suspected(f)).toEqual([]);
  });

  it('without a model (none, null, or a loader that throws) does only the dictionary work, silently', async () => {
    for (const lookups of [{}, { typoModel: async () => null }, { typoModel: async () => { throw new Error('gone'); } }] as AuditLookups[]) {
      const f = await typos(['各单位要健立健全信息发布审核机制。'], { lookups });
      expect(suspected(f)).toEqual([]);
    }
  });

  it('never reports a spot the dictionary rule reports', async () => {
    // 建立建全 is a dictionary pair (typos.tsv): one finding, the dictionary's.
    const f = await typos(['要不断建立建全工作机制。']);
    expect(f.filter((x) => x.textOffset !== undefined && x.textOffset <= 5 && x.textOffset + x.textLength! >= 4)).toHaveLength(1);
    expect(f[0].messageId).toBe('wrong');
  });

  it('skips text in 《》, the user whitelist, words the page uses twice, and traditional paragraphs', async () => {
    expect(suspected(await typos(['印发《健立健全工作方案》的通知。']))).toEqual([]);
    expect(suspected(await typos(['各单位要健立健全信息发布审核机制。'], { config: { dictionaries: { whitelist: ['健立健全'] } } }))).toEqual([]);
    expect(suspected(await typos(['各单位要健立健全信息发布审核机制。', '健立健全是本页的术语。']))).toEqual([]);
    expect(suspected(await typos(['各單位要健立健全資訊發佈審核機制。']))).toEqual([]);
  });

  it("has presets and a threshold option; 'off' switches the model off", async () => {
    const text = ['各单位要健立健全信息发布审核机制。'];
    const opt = (o: Record<string, unknown>): Config => ({ rules: { 'text/typo': ['warn', o] } });
    expect(suspected(await typos(text, { config: opt({ model: 'off' }) }))).toEqual([]);
    expect(suspected(await typos(text, { config: opt({ model: 'cautious' }) }))).toHaveLength(1);
    expect(suspected(await typos(text, { config: opt({ modelThreshold: 50 }) }))).toEqual([]);
  });

  it('validates the options: a preset name, a threshold number or null', () => {
    expect(validateConfig({ rules: { 'text/typo': ['warn', { model: 'cautious', modelThreshold: 5 }] } })).toEqual([]);
    expect(validateConfig({ rules: { 'text/typo': ['warn', { modelThreshold: null }] } })).toEqual([]);
    expect(validateConfig({ rules: { 'text/typo': ['warn', { model: 'carefull' }] } }).join()).toContain('normal / cautious / off');
  });

  it('does not suggest inside person and place names', async () => {
    expect(suspected(await typos(['县委书记王建君同志出席会议。']))).toEqual([]);
    expect(suspected(await typos(['青禾县白石镇召开会议。']))).toEqual([]);
  });
});

describe('text/typo — 疑似错别字 guards for place names in routes and regions', () => {
  const normal: Config = { rules: { 'text/typo': ['warn', { model: 'normal' }] } };
  it('leaves route names (经昌铜高速) and runs of province abbreviations (至津冀界) alone', async () => {
    for (const text of ['项目起于宜丰县城，经昌铜高速至铜鼓县，全长四十二公里。', '线路自港中线起，向北延伸至津冀界，全线按一级公路标准建设。']) {
      expect(suspected(await typos([text], { config: normal }))).toEqual([]);
    }
  });
  it('still finds a slip next to them', async () => {
    const [f] = suspected(await typos(['各单位要健立健全昌铜高速沿线安全管理机制。'], { config: normal }));
    expect(f?.suggestion).toBe('建立健全');
  });
});
