import { describe, expect, it } from 'vitest';
import { findMalformedIds, footerRules } from '../../../rules/footer';
import { metaRules } from '../../../rules/meta';
import { audit, auditHtmlAt, fixture, only } from './helpers';

const rules = [...footerRules, ...metaRules];

describe('footer/missing-element', () => {
  it('a complete footer (conac badge, 找错, 主办, 电话, 标识码, ICP, 公网安备) is silent', async () => {
    expect(only(await audit('home-complete.html', { rules }), 'footer/missing-element')).toEqual([]);
  });

  it('reports each missing element; script-inserted badges only as suspected', async () => {
    const f = only(await audit('home-missing.html', { rules }), 'footer/missing-element');
    expect(f.map((x) => [x.key, x.certainty])).toEqual([
      ['conac', 'suspected'],
      ['jiucuo', 'suspected'],
      ['contact', 'certain'],
      ['siteId', 'certain'],
      ['psb', 'certain'],
    ]);
    expect(f[2].message).toBe('页脚缺少“联系方式”');
  });

  it('counts the conac and 找错 badges present when the page loads the scripts that draw them', async () => {
    const { html } = fixture('home-missing.html');
    const withScripts = html.replace(
      '</body>',
      '<script src="https://dcs.conac.cn/js/33/000/0000/60429971/CA330000000604299710002.js"></script><script src="https://zfwzgl.www.gov.cn/exposure/jiucuo.js"></script></body>',
    );
    const f = only(await auditHtmlAt(withScripts, 'http://www.xiling.gov.cn/index.html', { rules }), 'footer/missing-element');
    expect(f.map((x) => x.key)).toEqual(['contact', 'siteId', 'psb']);
  });

  it('asks a 人大 or 政协 site (not a 政府网站) for no 网站标识码 or 找错', async () => {
    const { html } = fixture('home-missing.html');
    const npc = html.replace('主办：西岭县人民政府办公室', '主办：西岭县人大常委会办公室');
    const f = only(await auditHtmlAt(npc, 'http://www.xiling.gov.cn/index.html', { rules }), 'footer/missing-element');
    expect(f.map((x) => x.key)).toEqual(['conac', 'contact', 'psb']);
  });

  it('is checked on the homepage only, unless everyPage', async () => {
    const { html } = fixture('home-missing.html');
    const url = 'http://www.xiling.gov.cn/xlyw/index.html';
    expect(only(await auditHtmlAt(html, url, { rules }), 'footer/missing-element')).toEqual([]);
    const config = { rules: { 'footer/missing-element': ['warn', { everyPage: true }] as ['warn', { everyPage: boolean }] } };
    expect(only(await auditHtmlAt(html, url, { rules, config }), 'footer/missing-element')).toHaveLength(5);
  });
});

describe('footer/malformed-id', () => {
  it('reports 京ICP10036469号 (no 备) and a 13-digit 公网安备', async () => {
    const f = only(await audit('home-malformed.html', { rules }), 'footer/malformed-id');
    expect(f.map((x) => [x.data?.raw, x.suggestion])).toEqual([
      ['京ICP10036469号', '京ICP备10036469号'],
      ['京公网安备 1101150203014号', undefined],
    ]);
    expect(f[0].message).toBe('ICP备案号“京ICP10036469号”格式不对：缺少“备”字');
  });

  it('stays silent on well-formed numbers, labels and ICP证', async () => {
    expect(only(await audit('home-complete.html', { rules }), 'footer/malformed-id')).toEqual([]);
    expect(findMalformedIds('ICP备案号：浙ICP备05012345号-1 京公网安备 11010502030143号')).toEqual([]);
    expect(findMalformedIds('粤ICP备2021012345号')).toEqual([]);
    expect(findMalformedIds('京ICP证030173号')).toEqual([]);
    expect(findMalformedIds('ICP备案查询 公网安备案查询')).toEqual([]);
  });

  it('finds the other broken shapes', () => {
    expect(findMalformedIds('ICP备05012345号').map((p) => p.problems)).toEqual([['缺少省份简称']]);
    expect(findMalformedIds('浙ICP备0501号').map((p) => p.problems[0])).toEqual(['编号为 4 位数字（应为 6–8 位，或 2016 年后的 10 位）']);
    expect(findMalformedIds('浙ICP备05012345').map((p) => p.problems)).toEqual([['缺少“号”字']]);
    expect(findMalformedIds('浙公网安备 3311270200012号').map((p) => p.kind)).toEqual(['psb']);
  });
});

describe('meta/missing-tags', () => {
  // Off in the daily profile (the default); on at info when configured.
  const config = { rules: { 'meta/missing-tags': 'info' as const } };

  it('is off in the daily profile', async () => {
    expect(only(await audit('article-related.html', { rules }), 'meta/missing-tags')).toEqual([]);
  });

  it('lists the tags a page lacks for its kind', async () => {
    const [f] = only(await audit('article-related.html', { rules, config }), 'meta/missing-tags');
    expect(f.level).toBe('info');
    expect(f.data?.tags).toBe('ArticleTitle、PubDate、ContentSource');
  });

  it('stays silent when a list page has the site and column tags', async () => {
    expect(only(await audit('bmdt-stale.html', { rules, config }), 'meta/missing-tags')).toEqual([]);
  });
});

describe('meta/site-id-format', () => {
  it('accepts 10 digits and bm + 8 digits, reports other shapes', async () => {
    const page = (code: string) => fixture('bmdt-stale.html').html.replace('content="3311270001"', `content="${code}"`);
    const url = fixture('bmdt-stale.html').url;
    expect(only(await auditHtmlAt(page('bm12000001'), url, { rules }), 'meta/site-id-format')).toEqual([]);
    const [f] = only(await auditHtmlAt(page('331127001'), url, { rules }), 'meta/site-id-format');
    expect(f.message).toBe('SiteIDCode“331127001”格式不对：应为 10 位数字或 bm 加 8 位数字');
  });

  it('checks the footer code on the homepage and its agreement with the meta', async () => {
    expect(only(await audit('home-complete.html', { rules }), 'meta/site-id-format')).toEqual([]);
    const { html, url } = fixture('home-complete.html');
    const f1 = only(await auditHtmlAt(html.replace('网站标识码：3311270001', '网站标识码：33112700'), url, { rules }), 'meta/site-id-format');
    expect(f1.map((x) => x.messageId)).toEqual(['footer']);
    const f2 = only(await auditHtmlAt(html.replace('网站标识码：3311270001', '网站标识码：3311270002'), url, { rules }), 'meta/site-id-format');
    expect(f2.map((x) => x.messageId)).toEqual(['mismatch']);
  });
});
