// @vitest-environment happy-dom
/**
 * 站点设置's column classes as fields: the rows write SiteConfig.columnClasses / columnMaxAge (the
 * shape rules/columns.ts reads), bad ages are refused in Chinese, and the form and the JSON box show
 * one config (an edit in either redraws the other).
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiteSettings, type Sites } from '../../components/SiteSettings';
import { classifyColumn } from '../../rules/columns';

let root: HTMLElement;
let latest: Sites = {};
let problem: string | null = null;

function Host({ initial }: { initial: Sites }) {
  const [sites, setSites] = useState(initial);
  latest = sites;
  return <SiteSettings sites={sites} onChange={setSites} onProblem={(_h, p) => (problem = p)} />;
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  problem = null;
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = (sel: string) => root.querySelector(sel) as HTMLInputElement;
const $$ = (sel: string) => [...root.querySelectorAll(sel)] as HTMLInputElement[];
async function change(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('column classes in the site form', () => {
  it('sets a built-in class age and a site class of its own, and the engine classifies by them', async () => {
    await act(async () => render(<Host initial={{ 'www.qx.gov.cn': {} }} />, root));
    expect($('tr[data-class="news"] [data-testid="site-class-age"]').placeholder).toBe('14');
    await change($('tr[data-class="news"] [data-testid="site-class-age"]'), '5000');
    await change($('tr[data-class="news"] [data-testid="site-class-age"]'), '7');
    await act(async () => $('[data-testid="site-class-add"]').click());
    const row = () => $$('tr[data-class^="custom-"]')[0];
    await change(row().querySelector('[data-testid="site-class-name"]')!, '专题专栏');
    await change(row().querySelector('[data-testid="site-class-keywords"]')!, '专题、专栏');
    await change(row().querySelector('[data-testid="site-class-age"]')!, '90');
    const site = latest['www.qx.gov.cn'];
    expect(site).toEqual({ columnMaxAge: { news: 7, 专题专栏: 90 }, columnClasses: { 专题专栏: ['专题', '专栏'] } });
    expect(problem).toBeNull();
    expect(classifyColumn('部门动态', { site })).toMatchObject({ id: 'news', maxAgeDays: 7 });
    expect(classifyColumn('脱贫攻坚专题', { site })).toMatchObject({ id: '专题专栏', maxAgeDays: 90 });
    // The JSON box shows what the form wrote.
    expect(JSON.parse($('[data-testid="site-advanced"]').value)).toEqual(site);
  });

  it('refuses an age that is not a whole number of days, and a class without a name, in Chinese', async () => {
    await act(async () => render(<Host initial={{ 'www.qx.gov.cn': { columnMaxAge: { notice: 100 } } }} />, root));
    await change($('tr[data-class="notice"] [data-testid="site-class-age"]'), '1.5');
    expect(problem).toContain('“通知公告/政策文件类”的更新期限应为 0–3650 之间的整数天数');
    expect($('[data-testid="site-column-problems"]').textContent).toContain('整数天数');
    await change($('tr[data-class="notice"] [data-testid="site-class-age"]'), '');
    expect(problem).toBeNull();
    expect(latest['www.qx.gov.cn']).toEqual({});
    await act(async () => $('[data-testid="site-class-add"]').click());
    await change($$('tr[data-class^="custom-"] [data-testid="site-class-age"]')[0], '30');
    expect(problem).toContain('第 1 个自定义类别还没有名称');
  });

  it('follows the JSON box: classes keyed by title or by a new name show up as rows', async () => {
    await act(async () => render(<Host initial={{ 'www.qx.gov.cn': { columnMaxAge: { news: 7 } } }} />, root));
    await change($('[data-testid="site-advanced"]'), '{ "columnMaxAge": { "动态要闻类": 20, "专题": 60 }, "columnClasses": { "专题": ["专题"] } }');
    expect($('tr[data-class="news"] [data-testid="site-class-age"]').value).toBe('20');
    expect($$('[data-testid="site-class-name"]').map((i) => i.value)).toEqual(['专题']);
    // Removing the row removes the class from the config (and from the JSON box).
    await act(async () => $('[data-testid="site-class-remove"]').click());
    expect(latest['www.qx.gov.cn']).toEqual({ columnMaxAge: { news: 20 } });
    expect(JSON.parse($('[data-testid="site-advanced"]').value)).toEqual({ columnMaxAge: { news: 20 } });
  });

  it('keeps what is being typed when the card is redrawn before the field is left', async () => {
    await act(async () => render(<Host initial={{ 'www.qx.gov.cn': {} }} />, root));
    const age = $('tr[data-class="notice"] [data-testid="site-class-age"]');
    await act(async () => {
      age.value = '90';
      age.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Something else in the card changes the config meanwhile (here: another row), and the card redraws.
    await change($('tr[data-class="news"] [data-testid="site-class-keywords"]'), '简讯');
    expect(age.value).toBe('90');
    await act(async () => {
      age.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(latest['www.qx.gov.cn']).toEqual({ columnClasses: { news: ['简讯'] }, columnMaxAge: { notice: 90 } });
  });
});
