/** The 单项否决 items of a site beside their thresholds: a guide for the inspector, not an official score. */
import type { SiteSummary } from '../rules/summary';

export function SiteSummaryView({ summary, compact = false }: { summary: SiteSummary; compact?: boolean }) {
  return (
    <div class="site-summary" data-testid="site-summary">
      <table>
        <thead>
          <tr>
            <th>检查指标（单项否决）</th>
            <th>数量</th>
            <th>阈值</th>
            <th>结论</th>
          </tr>
        </thead>
        <tbody>
          {summary.items.map((i) => (
            <tr key={i.id} class={i.verdict === 'risk' ? 'risk' : 'pass'} data-item={i.id}>
              <td title={i.examples.join('、')}>{i.title}</td>
              <td>{i.count}</td>
              <td>≥{i.threshold}</td>
              <td>{i.verdictText}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!compact && <p class="muted">只统计已检查的页面中待整改的问题，供自查参考，不是正式评分。</p>}
    </div>
  );
}
