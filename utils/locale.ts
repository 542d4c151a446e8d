/**
 * The UI language the user chose (界面语言), Chinese by default. Apart from the settings so that
 * the content script reads it without the config schema (and with it the whole rule engine).
 */
import { storage } from 'wxt/utils/storage';
import { setLocale, type Locale } from './i18n';

export const uiLocaleItem = storage.defineItem<Locale>('local:uiLocale', { fallback: 'zh' });

/** Call before a page renders: later `t()` calls speak the chosen language. */
export async function initLocale(): Promise<void> {
  try {
    const l = await uiLocaleItem.getValue();
    setLocale(l === 'en' ? 'en' : 'zh');
  } catch {
    setLocale('zh');
  }
}
