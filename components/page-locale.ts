/** An extension page's <html lang> and title follow the UI locale (known before the page's modules load). */
import { useEffect } from 'preact/hooks';
import { locale } from '../utils/i18n';

export function usePageLocale(title: () => string): void {
  const loc = locale();
  useEffect(() => {
    document.documentElement.lang = loc === 'en' ? 'en' : 'zh-CN';
    document.title = title();
  }, [loc]);
}
