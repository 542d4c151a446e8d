/** Test helpers: a PageModel from paragraphs, sample dictionaries, running one rule. */
import { audit } from '../../../rules/engine';
import type { Config, Finding, PageModel, Rule, TextBlock } from '../../../rules/types';
import { parseFunctionWords, parseOutdated, parsePairs, parsePlaceholders, setBuiltinDictsForTest } from '../../../rules/text/dicts';

export function modelOf(paras: string[], opts: { headline?: string; host?: string; lang?: string; fields?: PageModel['fields'] } = {}): PageModel {
  const body: TextBlock[] = [];
  if (opts.headline) body.push({ selector: 'h1', text: opts.headline, tag: 'h1', headline: true });
  paras.forEach((text, i) => body.push({ selector: `div.content > p:nth-of-type(${i + 1})`, text, tag: 'p' }));
  const host = opts.host ?? 'www.qinghe.gov.cn';
  return {
    url: `http://${host}/art/1.html`,
    site: `http://${host}`,
    host,
    title: opts.headline ?? '',
    headline: opts.headline ?? '',
    lang: opts.lang ?? '',
    charset: 'utf-8',
    meta: {},
    breadcrumb: [],
    column: null,
    fields: opts.fields ?? [],
    body,
    listing: null,
    interaction: [],
    footer: null,
    links: [],
    scripts: [],
    kind: 'article',
  };
}

export async function run(rule: Rule<any>, model: PageModel, config: Config = {}): Promise<Finding[]> {
  const r = await audit(model, { today: '2024-06-01', ...config }, { rules: [rule] });
  if (r.diagnostics.length) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.findings;
}

export const SAMPLE = {
  typos: [
    '# source: test sample',
    '按排\t安排\t按排名,按排序\t',
    '树立健全\t建立健全\t\t',
    '紧张议事日程\t重要议事日程\t\t',
    '立异\t创新\t标新立异\t',
    '截止\t截至\t\t由上下文判断',
    '做为\t作为\t\t',
  ].join('\n'),
  serious: ['# source: test sample', '中华人民共合国\t中华人民共和国\t\t', '当局信息公开\t政府信息公开\t\t', '攻府\t政府\t\t'].join('\n'),
  outdated: ['# source: test sample', '国土资源局\t自然资源局\t2018-03-21\t机构改革'].join('\n'),
  functionWords: ['# source: test sample', '的\t的的确确', '了\t不了了之,一了了之', '和', '在'].join('\n'),
  placeholders: JSON.stringify([
    { id: 'xx-place', pattern: '(?<![A-Za-z])[xX×]{2}(?=[省市县区乡镇村])', flags: '' },
    { id: 'year-x', pattern: '20[0-9xX][xX]年|201[xX]年', flags: '' },
    { id: 'dash-year', pattern: '(?<![0-9])-{2}年', flags: '' },
  ]),
};

/** Swaps the shipped dictionaries for the samples above. */
export function useSampleDicts(): void {
  setBuiltinDictsForTest({
    typos: parsePairs(SAMPLE.typos, 't').entries,
    serious: parsePairs(SAMPLE.serious, 's').entries,
    outdated: parseOutdated(SAMPLE.outdated, 'o').entries,
    functionWords: parseFunctionWords(SAMPLE.functionWords, 'f').entries,
    reduplication: new Set(['研究研究', '讨论讨论', '常常', '商量商量']),
    placeholders: parsePlaceholders(SAMPLE.placeholders, 'p').entries,
  });
}
