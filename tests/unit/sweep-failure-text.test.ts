import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../utils/i18n';
import { t } from '../../entrypoints/sweep/strings';
import { fetchPage } from '../../utils/sweep/fetch-page';

afterEach(() => setLocale(null));

describe('why a swept URL could not be checked, in the UI language', () => {
  it('Chinese keeps the runner message; English says the reason and the status', async () => {
    const r = await fetchPage('http://www.qingxi.gov.cn/x.html', { fetch: async () => new Response('oops', { status: 503 }) } as never);
    expect(r.ok).toBe(false);
    const e = r as unknown as { reason: 'http'; message: string; status?: number };
    const text = () => t(`fail_${e.reason}`, { message: e.message, status: e.status ?? '' });
    expect(text()).toBe('服务器返回 HTTP 503');
    setLocale('en');
    expect(text()).toBe('The server answered HTTP 503');
  });
});
