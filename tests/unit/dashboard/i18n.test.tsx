// @vitest-environment happy-dom
/**
 * The dashboard speaks the UI locale: Chinese by default (byte for byte what the e2e tests read),
 * English when the locale is English — labels, column heads, finding messages (from the rule's own
 * English template), rule titles and the 检查指标 table.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CountTable } from '../../../components/CountTable';
import { FindingTable } from '../../../components/FindingTable';
import { FindingDetail } from '../../../components/FindingDetail';
import { SiteSummaryView } from '../../../components/SiteSummaryView';
import { ruleById } from '../../../rules/index';
import { siteSummary } from '../../../rules/summary';
import type { StoredFinding } from '../../../utils/db';
import { locale, setLocale } from '../../../utils/i18n';
import { LEVEL_LABEL } from '../../../utils/labels';

const T0 = new Date('2025-03-01T09:30:00').getTime();

function finding(over: Partial<StoredFinding>): StoredFinding {
  return {
    ruleId: 'doc-number/format',
    level: 'error',
    certainty: 'certain',
    category: 'doc-number',
    message: '文号“合政办〔25〕3号”年份未标全称',
    messageId: 'shortYear',
    data: { text: '合政办〔25〕3号' },
    excerpt: '合政办〔25〕3号',
    url: 'https://www.hf.gov.cn/zwgk/a.html',
    key: 'doc:合政办〔25〕3号',
    fingerprint: 'fp-1',
    site: 'https://www.hf.gov.cn',
    column: '通知公告',
    pageTitle: '关于印发工作要点的通知',
    firstSeen: T0,
    lastSeen: T0,
    status: 'open',
    history: [{ at: T0, from: null, to: 'open', by: 'audit' }],
    ...over,
  };
}

const ROWS: StoredFinding[] = [
  finding({}),
  finding({
    ruleId: 'interaction/unanswered',
    level: 'warn',
    certainty: 'suspected',
    category: 'interaction',
    message: '留言“路灯不亮”提交于 2024-10-01，未回复，已超过 3 个月（151 天）',
    messageId: 'unanswered',
    data: { title: '路灯不亮', asked: '2024-10-01', state: '未回复', stateEn: 'no reply', months: 3, days: 151 },
    excerpt: '路灯不亮 留言时间：2024-10-01',
    url: 'https://www.hf.gov.cn/hdjl/1.html',
    key: 'msg:1',
    fingerprint: 'fp-2',
    column: null,
    status: 'ignored',
  }),
];

let host: HTMLElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  setLocale(null);
});

const ruleTitle = (id: string) => ruleById.get(id)?.meta.title[locale()] ?? id;
const noop = () => {};

function renderTable() {
  render(<FindingTable items={ROWS} ruleTitle={ruleTitle} selected={new Set()} onToggle={noop} onToggleAll={noop} sort="lastSeen" dir="desc" onSort={noop} onOpen={noop} />, host);
  const rows = [...host.querySelectorAll('tbody tr[data-fp]')];
  const heads = [...host.querySelectorAll('thead th:not(.sel)')].map((th) => th.textContent);
  return { rows, heads };
}

describe('FindingTable', () => {
  it('shows Chinese labels, titles and the stored message by default', () => {
    const { rows, heads } = renderTable();
    expect(heads).toContain('最近检查 ▼');
    expect(heads).toContain('问题描述');
    expect(rows[0].querySelector('.tag')!.textContent).toBe('严重');
    expect(rows[0].textContent).toContain('文号格式不规范');
    expect(rows[0].querySelector('td.msg')!.textContent).toBe('文号“合政办〔25〕3号”年份未标全称');
    expect(rows[0].querySelector('td.status')!.textContent).toBe('待整改');
    expect(rows[1].querySelector('.tag')!.textContent).toBe('一般');
    expect(rows[1].querySelector('.sus')!.textContent).toBe('疑似');
    expect(rows[1].querySelector('td.status')!.textContent).toBe('已忽略');
  });

  it('speaks English when the locale is English', () => {
    setLocale('en');
    const { rows, heads } = renderTable();
    expect(heads).toContain('Last checked ▼');
    expect(heads).toContain('Message');
    expect(rows[0].querySelector('.tag')!.textContent).toBe('Error');
    expect(rows[0].textContent).toContain('Document number format');
    expect(rows[0].querySelector('td.msg')!.textContent).toBe('Document number "合政办〔25〕3号": the year must be written in full');
    expect(rows[0].querySelector('td.status')!.textContent).toBe('Open');
    expect(rows[1].querySelector('.tag')!.textContent).toBe('Warning');
    expect(rows[1].querySelector('.sus')!.textContent).toBe('suspected');
    expect(rows[1].querySelector('td.msg')!.textContent).toBe('Message "路灯不亮" sent 2024-10-01: no reply, over 3 months (151 days)');
    expect(rows[1].querySelector('td.status')!.textContent).toBe('Ignored');
    // data-* attributes are the same in every language
    expect(rows[1].getAttribute('data-status')).toBe('ignored');
    expect(host.textContent).not.toMatch(/严重|待整改|问题描述|疑似/);
  });

  it('says there is nothing to show, in either language', () => {
    render(<FindingTable items={[]} ruleTitle={ruleTitle} selected={new Set()} onToggle={noop} onToggleAll={noop} sort="lastSeen" dir="desc" onSort={noop} onOpen={noop} />, host);
    expect(host.querySelector('td.empty')!.textContent).toBe('没有符合条件的问题');
    setLocale('en');
    render(<FindingTable items={[]} ruleTitle={ruleTitle} selected={new Set()} onToggle={noop} onToggleAll={noop} sort="level" dir="asc" onSort={noop} onOpen={noop} />, host);
    expect(host.querySelector('td.empty')!.textContent).toBe('No findings match');
  });
});

describe('FindingDetail', () => {
  const detail = () => render(<FindingDetail finding={ROWS[1]} ruleTitle={ruleTitle} onStatus={noop} onClose={noop} />, host);

  it('keeps the Chinese texts the e2e test reads', () => {
    detail();
    expect(host.querySelector('h2')!.textContent).toBe('留言超期未回复');
    expect(host.querySelector('[data-testid="detail-status"]')!.textContent).toBe('已忽略');
    expect(host.querySelector('input[aria-label="备注"]')).not.toBeNull();
    expect(host.querySelector('.history li')!.textContent).toBe('2025-03-01 09:30 复查：新发现 → 待整改');
    expect(host.textContent).toContain('一般（疑似）');
    expect(host.textContent).toContain('未识别');
  });

  it('translates the message, labels and history in English', () => {
    setLocale('en');
    detail();
    expect(host.querySelector('h2')!.textContent).toBe('Message unanswered');
    expect(host.querySelector('[data-testid="detail-status"]')!.textContent).toBe('Ignored');
    expect(host.querySelector('input[aria-label="Note"]')).not.toBeNull();
    expect(host.querySelector('.history li')!.textContent).toBe('2025-03-01 09:30 Re-check: new → Open');
    expect(host.textContent).toContain('Warning (suspected)');
    expect(host.textContent).toContain('Message "路灯不亮" sent 2024-10-01');
    expect([...host.querySelectorAll('select option')].map((o) => o.textContent)).toEqual(['Reopen (open)', 'Fixed', 'Ignored', 'False positive']);
  });
});

describe('CountTable', () => {
  const table = () => {
    const levelLabel = (k: string) => LEVEL_LABEL[locale()][k as 'error'] ?? k;
    render(<CountTable title="t" field="level" counts={{ error: 2, warn: 1, info: 3 }} label={levelLabel} max={2} />, host);
    return [...host.querySelectorAll('td')].map((td) => td.textContent);
  };

  it('labels rows and the overflow line in Chinese', () => {
    expect(table()).toEqual(['提示', '3', '严重', '2', '另有 1 项']);
  });

  it('labels rows and the overflow line in English', () => {
    setLocale('en');
    expect(table()).toEqual(['Info', '3', 'Error', '2', '1 more']);
  });
});

describe('SiteSummaryView', () => {
  const summary = () => siteSummary(ROWS.map((f) => ({ ...f, status: 'open' })))[0];
  const row = (id: string) => [...host.querySelectorAll(`tr[data-item="${id}"] td`)].map((td) => td.textContent);

  it('shows the Chinese item titles and verdicts', () => {
    render(<SiteSummaryView summary={summary()} />, host);
    expect(row('unanswered')).toEqual(['超过3个月未回应的留言', '1', '≥1', '否决风险']);
    expect(row('emptyColumns')).toEqual(['空白栏目', '0', '≥5', '通过']);
    expect(host.querySelector('th')!.textContent).toBe('检查指标（单项否决）');
    expect(host.querySelector('p.muted')!.textContent).toContain('不是正式评分');
  });

  it('shows the English item titles and verdicts', () => {
    setLocale('en');
    render(<SiteSummaryView summary={summary()} />, host);
    expect(row('unanswered')).toEqual(['Messages unanswered over 3 months', '1', '≥1', 'At risk']);
    expect(row('emptyColumns')).toEqual(['Empty columns', '0', '≥5', 'Pass']);
    expect(host.querySelector('th')!.textContent).toBe('Indicator (single veto)');
    expect(host.querySelector('p.muted')!.textContent).toContain('not an official score');
  });
});
