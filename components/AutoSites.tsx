/**
 * 其他网站: the sites beyond *.gov.cn that GovLint audits on its own. Adding one asks the browser for
 * that host's permission in the same click; removing one gives it back (utils/auto-sites.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { addSite, autoSitesItem, removeSite, syncContentScript } from '../utils/auto-sites';
import { t } from '../utils/i18n';

export function AutoSites() {
  const [sites, setSites] = useState<string[] | null>(null);
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void syncContentScript().then(setSites, () => autoSitesItem.getValue().then(setSites));
  }, []);
  if (!sites) return null;
  const add = async () => {
    const p = await addSite(input);
    setProblem(p);
    if (!p) setInput('');
    setSites(await autoSitesItem.getValue());
  };
  return (
    <section data-testid="auto-sites">
      <h2>{t('optAutoSites')}</h2>
      <p class="hint">{t('optAutoSitesHint')}</p>
      <ul>
        {sites.length === 0 && <li class="hint">{t('optAutoSitesNone')}</li>}
        {sites.map((s) => (
          <li key={s}>
            <code>{s}</code>{' '}
            <button type="button" onClick={async () => setSites((await removeSite(s), await autoSitesItem.getValue()))}>
              {t('optAutoSitesRemove')}
            </button>
          </li>
        ))}
      </ul>
      <input value={input} placeholder="preview.example.com" onInput={(e) => setInput((e.target as HTMLInputElement).value)} data-testid="auto-site-input" />{' '}
      <button type="button" onClick={add} data-testid="auto-site-add">
        {t('optAutoSitesAdd')}
      </button>
      {problem && <p class="error">{problem}</p>}
    </section>
  );
}
