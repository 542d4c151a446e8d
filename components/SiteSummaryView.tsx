/** The 单项否决 items of a site beside their thresholds: a guide for the inspector, not an official score. */
import type { SiteSummary } from '../rules/summary';
import { locale, t } from '../utils/i18n';

export function SiteSummaryView({ summary, compact = false }: { summary: SiteSummary; compact?: boolean }) {
  const en = locale() === 'en';
  return (
    <div class="site-summary" data-testid="site-summary">
      <table>
        <thead>
          <tr>
            <th>{t('summaryHead')}</th>
            <th>{t('summaryCount')}</th>
            <th>{t('summaryThreshold')}</th>
            <th>{t('summaryVerdict')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.items.map((i) => (
            <tr key={i.id} class={i.verdict === 'risk' ? 'risk' : 'pass'} data-item={i.id}>
              {/* examples are page data (column names, titles): only the list separator is translated */}
              <td title={i.examples.join(en ? '; ' : '、')}>{en ? i.titleEn : i.title}</td>
              <td>{i.count}</td>
              <td>≥{i.threshold}</td>
              {/* i.verdictText is the Chinese verdict; the shared strings have both languages */}
              <td>{t(i.verdict === 'risk' ? 'risk' : 'pass')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!compact && <p class="muted">{t('summaryNote')}</p>}
    </div>
  );
}
