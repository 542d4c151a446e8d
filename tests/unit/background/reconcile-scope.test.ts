/**
 * Only a rule that ran to the end may close its findings: a re-check in which a rule threw (a
 * config that validates but breaks it) or was switched off leaves that rule's open findings open.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { auditSnapshot } from '../../../utils/audit-service';
import { openStore } from '../../../utils/db';
import type { Config } from '../../../rules/types';
import { detailPage } from '../rules/helpers';

const A = 'http://www.cnx.gov.cn/zwgk/a.html';
const html = detailPage({
  fields: [['索引号', '01526376-X-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']],
  body: ['新建政务服务中心于201711月投入运行，各部门要按排好工作。'],
});

async function openTypos(config: Config) {
  const store = await openStore({ factory: new IDBFactory() });
  const first = await auditSnapshot(store, { today: '2026-11-22' }, A, html, 1000);
  const typo = first.summary.findings.find((f) => f.ruleId === 'text/typo');
  expect(typo, 'the page has a typo finding to begin with').toBeTruthy();
  const second = await auditSnapshot(store, { today: '2026-11-22', ...config }, A, html, 2000);
  const stored = (await store.findingsForUrl(A)).filter((f) => f.ruleId === 'text/typo');
  const date = (await store.findingsForUrl(A)).find((f) => f.ruleId === 'date/malformed-text')!;
  store.close();
  return { second, stored, date };
}

describe('reconcile after a rule failed or was switched off', () => {
  it('keeps the open findings of a rule that threw, and says it failed', async () => {
    // Validates at the top level, breaks the text rules' dictionary building.
    const { second, stored, date } = await openTypos({ dictionaries: { whitelist: 5 as unknown as string[] } });
    expect(second.diagnostics.map((d) => d.ruleId)).toContain('text/typo');
    expect(second.summary.failedRules).toContain('text/typo'); // the panel says so
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((f) => f.status === 'open')).toBe(true);
    expect(date.status).toBe('open'); // still seen by its own rule, which ran
  });

  it('keeps the open findings of a rule switched off', async () => {
    const { stored } = await openTypos({ rules: { 'text/typo': 'off' } });
    expect(stored.every((f) => f.status === 'open')).toBe(true);
  });

  it('still closes what a rule that ran no longer sees', async () => {
    const store = await openStore({ factory: new IDBFactory() });
    await auditSnapshot(store, { today: '2026-11-22' }, A, html, 1000);
    await auditSnapshot(store, { today: '2026-11-22' }, A, html.replace('按排', '安排'), 2000);
    const typo = (await store.findingsForUrl(A)).find((f) => f.ruleId === 'text/typo')!;
    expect(typo.status).toBe('fixed');
    // The re-check trail still calls these page audits (the SPA test counts them).
    expect((await store.audits(A)).map((a) => a.scope)).toEqual(['page', 'page']);
    store.close();
  });
});
