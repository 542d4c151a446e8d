/**
 * A small line chart of a site's 待整改 and 已整改 findings over time (utils/status-trend.ts):
 * inline SVG, no chart library. The latest figures stand in the legend, and the SVG's <title> and
 * aria-label say the figures for those who do not see the lines.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Store } from '../utils/db';
import { loadStatusTrend, type StatusTrend } from '../utils/status-trend';
import { t } from './strings';

const W = 600;
const H = 160;
const PAD = { left: 34, right: 10, top: 10, bottom: 22 };
const COLORS = { open: '#d93025', fixed: '#188038' };

/** Loads the trend of `site` (again when `version` changes: after a status change or a restore). */
export function SiteStatusChart({ store, site, version }: { store: Store; site: string; version: number }) {
  const [trend, setTrend] = useState<StatusTrend | null>(null);
  useEffect(() => {
    let stale = false;
    loadStatusTrend(store, site).then((tr) => !stale && setTrend(tr), () => !stale && setTrend(null));
    return () => {
      stale = true;
    };
  }, [store, site, version]);
  return trend ? <StatusChart trend={trend} /> : null;
}

export function StatusChart({ trend }: { trend: StatusTrend }) {
  const pts = trend.points;
  if (!pts.length) return null;
  const last = pts[pts.length - 1];
  const max = Math.max(1, ...pts.map((p) => Math.max(p.open, p.fixed)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (pts.length === 1 ? plotW : (i * plotW) / (pts.length - 1));
  const y = (n: number) => PAD.top + plotH - (n * plotH) / max;
  const line = (k: 'open' | 'fixed') => pts.map((p, i) => `${x(i).toFixed(1)},${y(p[k]).toFixed(1)}`).join(' ');
  const summary = t(pts.length === 1 ? 'chartSummaryOne' : 'chartSummary', { from: pts[0].date, to: last.date, open: last.open, fixed: last.fixed, openFrom: pts[0].open, fixedFrom: pts[0].fixed, max });
  const labelled = pts.length === 1 ? [0] : [...new Set([0, Math.floor((pts.length - 1) / 2), pts.length - 1])];
  return (
    <figure class="status-chart" data-testid="status-chart" data-open={last.open} data-fixed={last.fixed}>
      <figcaption>
        {t(trend.unit === 'week' ? 'chartHeadWeek' : 'chartHeadDay')}
        {(['open', 'fixed'] as const).map((k) => (
          <span key={k} class="legend" data-testid={`chart-legend-${k}`}>
            <svg width="14" height="4" aria-hidden="true">
              <rect width="14" height="4" fill={COLORS[k]} />
            </svg>{' '}
            {t(k === 'open' ? 'chartOpen' : 'chartFixed', { n: last[k] })}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary} style="max-width:100%;height:auto">
        <title>{summary}</title>
        {/* the scale: 0 and the highest count */}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#999" />
        <line x1={PAD.left} x2={W - PAD.right} y1={y(max)} y2={y(max)} stroke="#ddd" stroke-dasharray="3 3" />
        <text x={PAD.left - 4} y={y(0) + 4} text-anchor="end" font-size="11" fill="#555">
          0
        </text>
        <text x={PAD.left - 4} y={y(max) + 4} text-anchor="end" font-size="11" fill="#555">
          {max}
        </text>
        {labelled.map((i) => (
          <text key={i} x={x(i)} y={H - 6} text-anchor={i === 0 && pts.length > 1 ? 'start' : i === pts.length - 1 ? 'end' : 'middle'} font-size="11" fill="#555">
            {pts[i].date.slice(5)}
          </text>
        ))}
        {(['open', 'fixed'] as const).map((k) => (
          <g key={k} class={k}>
            <polyline points={line(k)} fill="none" stroke={COLORS[k]} stroke-width="2" />
            {/* dots where there are few points: a single day is a dot, not an invisible line */}
            {pts.length <= 31 && pts.map((p, i) => <circle key={i} cx={x(i)} cy={y(p[k])} r="3" fill={COLORS[k]} />)}
          </g>
        ))}
      </svg>
    </figure>
  );
}
