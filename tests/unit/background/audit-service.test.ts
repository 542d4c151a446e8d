/** The background's audit path on a real (fake-indexeddb) store: snapshot → findings → reconcile. */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { auditSnapshot, badgeText } from '../../../utils/audit-service';
import { openStore } from '../../../utils/db';
import { detailPage } from '../rules/helpers';

const fields = (index: string): [string, string][] => [['索引号', index], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']];
const config = { today: '2026-11-22' };
const A = 'http://www.cnx.gov.cn/zwgk/a.html';
const B = 'http://www.cnx.gov.cn/zwgk/b.html#top';

describe('auditSnapshot', () => {
  it('stores findings, counts them for the badge, and marks fixed what a re-audit no longer sees', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const first = await auditSnapshot(store, config, A, detailPage({ fields: fields('01526376-5-/2018-1204001') }), 1000);
    expect(first.summary.counts.error).toBe(1);
    expect(badgeText(first.summary)).toBe(String(first.summary.counts.error + first.summary.counts.warn));
    const f = (await store.findingsForUrl(A)).find((x) => x.ruleId === 'index-number/check-digit')!;
    expect(f.status).toBe('open');

    await auditSnapshot(store, config, A, detailPage({ fields: fields('01526376-X-/2018-1204001') }), 2000);
    const after = (await store.findingsForUrl(A)).find((x) => x.fingerprint === f.fingerprint)!;
    expect(after.status).toBe('fixed');
    expect(after.fixedAt).toBe(2000);
    store.close();
  });

  it('answers the duplicate rule from the store, across pages (URL hash ignored)', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await auditSnapshot(store, config, A, detailPage({ fields: fields('01526376-X-/2018-1204001') }));
    const second = await auditSnapshot(store, config, B, detailPage({ fields: fields('01526376-X-/2018-1204001') }));
    expect(second.summary.url).toBe('http://www.cnx.gov.cn/zwgk/b.html');
    const dup = second.summary.findings.find((x) => x.ruleId === 'index-number/duplicate');
    expect(dup?.message).toContain(A);
    store.close();
  });

  it('gives the overlay the exact text to highlight', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const html = detailPage({ fields: fields('01526376-X-/2018-1204001'), body: ['新建政务服务中心于201711月投入运行，中心共进驻22个部门。'] });
    const out = await auditSnapshot(store, config, A, html);
    const f = out.summary.findings.find((x) => x.ruleId === 'date/malformed-text')!;
    expect(f.matched).toBe('201711月');
    expect(f.selector).toBe('#zoom > p:nth-of-type(1)');
    store.close();
  });

  it('compares index-number shapes with the store in one shape function (no false "differs" after ten pages)', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    const page = (i: number) => `http://www.cnx.gov.cn/zwgk/p${i}.html`;
    const shapeFindings = async (url: string, index: string) =>
      (await auditSnapshot(store, config, url, detailPage({ fields: fields(index) }))).summary.findings.filter((x) => x.ruleId === 'index-number/format');
    for (let i = 10; i < 22; i++) await shapeFindings(page(i), `01526376-X-/2018-12040${i}`);
    // The same structure as the site's other twelve: silent. A different one: reported, naming the site's shape.
    expect(await shapeFindings(page(30), '01526376-X-/2018-1204099')).toEqual([]);
    const odd = await shapeFindings(page(31), '01526376-X/2018-99');
    expect(odd.map((x) => x.message)).toEqual(['索引号“01526376-X/2018-99”的结构（8位-1位/4位-2位）与本站多数索引号（8位-1位-/4位-7位，13 条）不同']);
    store.close();
  });
});
