import { afterEach, describe, expect, it } from 'vitest';
import { findingMessage } from '../../../rules/messages';
import { setLocale, t } from '../../../utils/i18n';
import { initLocale, uiLocaleItem } from '../../../utils/locale';

afterEach(() => setLocale(null));

describe('UI strings', () => {
  it('speak Chinese by default and English when asked', () => {
    expect(t('reaudit')).toBe('重新检查');
    expect(t('auditFailed', { error: '超时' })).toBe('检查失败：超时');
    setLocale('en');
    expect(t('auditFailed', { error: 'timeout' })).toBe('Check failed: timeout');
  });
  it('translates stored findings from their rule templates', () => {
    const f = { ruleId: 'index-number/check-digit', messageId: 'org', data: { code: '01526376-5', expected: 'X' }, message: '索引号中的组织机构代码“01526376-5”校验位错误，应为“X”' };
    expect(findingMessage(f, 'zh')).toBe(f.message);
    expect(findingMessage(f, 'en')).toContain('Organisation code "01526376-5"');
    expect(findingMessage({ ...f, ruleId: 'no/such-rule' }, 'en')).toBe(f.message);
  });
});

describe('the UI language setting', () => {
  it('is Chinese until the user picks English', async () => {
    await initLocale();
    expect(t('settings')).toBe('设置');
    await uiLocaleItem.setValue('en');
    await initLocale();
    expect(t('settings')).toBe('Settings');
    await uiLocaleItem.setValue('zh');
  });
});
