import { describe, expect, it } from 'vitest';
import { interactionRules } from '../../../rules/interaction';
import { audit, auditHtmlAt, listPage, only } from './helpers';

const rules = interactionRules;
const URL_ = 'http://www.qingxi.gov.cn/hdjl/zxts/index.html';

describe('interaction/unanswered', () => {
  it('reports the 2026-07-01 message marked 未回复 and not the recent or answered ones', async () => {
    const f = only(await audit('hudong-list.html', { rules }), 'interaction/unanswered');
    expect(f.map((x) => [x.data?.title, x.data?.asked, x.level])).toEqual([['关于城关镇府前路路灯长期不亮的问题', '2026-07-01', 'error']]);
    expect(f[0].message).toBe('留言“关于城关镇府前路路灯长期不亮的问题”提交于 2026-07-01，状态为“未回复”，已超过 3 个月（144 天）');
  });

  it('reports a detail page of 2026-07-01 with no reply (办理中)', async () => {
    const f = only(await audit('hudong-detail-unanswered.html', { rules }), 'interaction/unanswered');
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ asked: '2026-07-01' });
  });

  it('stays silent on an answered detail page', async () => {
    expect(only(await audit('hudong-detail-replied.html', { rules }), 'interaction/unanswered')).toEqual([]);
  });

  it('3 months is counted in calendar months (option months)', async () => {
    const page = (asked: string) => listPage(`<div class="ly"><h1>关于路灯维修的咨询</h1><p>留言时间：${asked}</p><p>办理状态：未回复</p></div>`);
    expect(only(await auditHtmlAt(page('2026-08-22'), URL_, { rules }), 'interaction/unanswered')).toEqual([]);
    expect(only(await auditHtmlAt(page('2026-08-21'), URL_, { rules }), 'interaction/unanswered')).toHaveLength(1);
    const config = { rules: { 'interaction/unanswered': ['error', { months: 1 }] as ['error', { months: number }] } };
    expect(only(await auditHtmlAt(page('2026-10-15'), URL_, { rules, config }), 'interaction/unanswered')).toHaveLength(1);
  });
});

describe('interaction/slow-reply', () => {
  it('reports a reply after 9 working days (5 allowed) and not one after 1 or 2', async () => {
    const f = only(await audit('hudong-list.html', { rules }), 'interaction/slow-reply');
    expect(f.map((x) => [x.data?.title, x.data?.workdays, x.data?.limit])).toEqual([['咨询2026年城乡居民医保缴费时间', 9, 5]]);
    expect(f[0].level).toBe('warn');
  });

  it('holidays from the options are not working days', async () => {
    const page = listPage('<div class="ly"><h1>关于国庆期间景区开放的咨询</h1><p>留言时间：2026-09-30</p><p>回复时间：2026-10-09</p></div>');
    expect(only(await auditHtmlAt(page, URL_, { rules }), 'interaction/slow-reply')).toHaveLength(1);
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    const config = { rules: { 'interaction/slow-reply': ['warn', { holidays }] as ['warn', { holidays: string[] }] } };
    expect(only(await auditHtmlAt(page, URL_, { rules, config }), 'interaction/slow-reply')).toEqual([]);
  });

  it('stays silent on an answered detail page within 2 working days', async () => {
    expect(only(await audit('hudong-detail-replied.html', { rules }), 'interaction/slow-reply')).toEqual([]);
  });
});
