import { describe, expect, it } from 'vitest';
import { linkRules, linksToCheck, siteDomain } from '../../../rules/links';
import type { LinkCheckResult, PageLink } from '../../../rules/types';
import { audit, modelOf, only } from './helpers';

const rules = linkRules;

/** A checker that answers from a table and records what it was asked. */
function fakeChecker(answers: Record<string, Partial<LinkCheckResult>>) {
  const asked: string[] = [];
  const checkLinks = async (links: PageLink[]) => {
    asked.push(...links.map((l) => l.url));
    return links.map((l) => ({ url: l.url, status: 200, ms: 1, ...answers[l.url] }) as LinkCheckResult);
  };
  return { asked, lookups: { checkLinks } };
}

describe('link/broken', () => {
  it('reports nothing without a link checker (the page audit never waits)', async () => {
    expect(only(await audit('bmdt-stale.html', { rules }), 'link/broken')).toEqual([]);
  });

  it('404 and 403 are certain, 5xx and timeouts suspected; error level on the homepage', async () => {
    const img = 'http://www.qingxi.gov.cn/images/banner2026.jpg';
    const news = 'http://www.qingxi.gov.cn/zwdt/qxyw/art_1082.html';
    const notice = 'http://www.qingxi.gov.cn/zwgk/tzgg/';
    const map = 'http://www.qingxi.gov.cn/wzdt/';
    const { lookups } = fakeChecker({
      [img]: { status: 404 },
      [news]: { status: 403 },
      [notice]: { status: 502 },
      [map]: { status: null, error: 'timeout' },
    });
    const f = only(await audit('home-complete.html', { rules, lookups }), 'link/broken');
    expect(f.map((x) => [x.key, x.certainty, x.level])).toEqual([
      [img, 'certain', 'error'],
      [news, 'certain', 'error'],
      [notice, 'suspected', 'error'],
      [map, 'suspected', 'error'],
    ]);
    expect(f[0].message).toBe(`图片失效（HTTP 404）：清溪风光（${img}）`);
    expect(f[3].message).toBe('链接疑似失效：8 秒内无响应：网站地图（http://www.qingxi.gov.cn/wzdt/）');
  });

  it('warn level off the homepage; all-200 pages are silent', async () => {
    const url = 'http://www.qingxi.gov.cn/zwgk/bmdt/202610/t20261001_3301.html';
    const f = only(await audit('bmdt-stale.html', { rules, lookups: fakeChecker({ [url]: { status: 404 } }).lookups }), 'link/broken');
    expect(f.map((x) => x.level)).toEqual(['warn']);
    expect(only(await audit('bmdt-stale.html', { rules, lookups: fakeChecker({}).lookups }), 'link/broken')).toEqual([]);
  });

  it('shows a percent-encoded URL decoded in the message and the excerpt, and keeps the URL itself as the key', async () => {
    const { auditHtml } = await import('../../../rules/run');
    const url = 'http://www.qingxi.gov.cn/%E9%99%84%E4%BB%B6/%E5%B9%B4%E6%8A%A5.pdf';
    const html = `<html><body><h1>关于公布2025年政府信息公开工作年度报告的通知</h1><div id="zoom"><p>现将年度报告予以公布，请查阅附件。</p><p><a href="${url}"></a><a href="/bad%E0%A4%A.pdf">坏链接</a></p></div></body></html>`;
    const r = await auditHtml(html, 'http://www.qingxi.gov.cn/zwgk/a.html', {}, { rules, lookups: fakeChecker({ [url]: { status: 404 }, 'http://www.qingxi.gov.cn/bad%E0%A4%A.pdf': { status: 404 } }).lookups });
    const [f, bad] = only(r.findings, 'link/broken');
    expect(f.message).toContain('http://www.qingxi.gov.cn/附件/年报.pdf');
    expect(f.excerpt).toBe('http://www.qingxi.gov.cn/附件/年报.pdf');
    expect(f.key).toBe(url);
    expect(bad.excerpt).toContain('bad%E0%A4%A.pdf'); // a malformed escape is shown as it is
  });

  it('checks same-site links once each by default; external ones on option', async () => {
    const { asked, lookups } = fakeChecker({});
    await audit('home-complete.html', { rules, lookups });
    expect(asked.length).toBe(new Set(asked).size);
    expect(asked.some((u) => u.includes('conac.cn') || u.includes('www.zj.gov.cn'))).toBe(false);
    expect(asked).toContain('http://www.qingxi.gov.cn/images/banner2026.jpg');
    const m = modelOf('home-complete.html');
    expect(linksToCheck(m, { external: true }).some((l) => l.url.includes('conac.cn'))).toBe(true);
  });

  it('knows which hosts are one site', () => {
    expect(siteDomain('www.qingxi.gov.cn')).toBe('qingxi.gov.cn');
    expect(siteDomain('xxgk.qingxi.gov.cn')).toBe('qingxi.gov.cn');
    expect(siteDomain('www.zj.gov.cn')).toBe('zj.gov.cn');
    expect(siteDomain('127.0.0.1')).toBe('127.0.0.1');
  });
});
