/** A small count table (by site, column, rule, level or status); a row click filters on it. */
import { t } from './strings';

export interface CountTableProps {
  title: string;
  field: string;
  counts: Record<string, number> | null;
  label?: (key: string) => string;
  /** Value currently filtered on, highlighted. */
  active?: string | null;
  onPick?: (key: string) => void;
  /** Row order: by count (default) or as given by `order`. */
  order?: string[];
  max?: number;
}

export function CountTable({ title, field, counts, label = (k) => k, active, onPick, order, max = 50 }: CountTableProps) {
  const entries = counts ? Object.entries(counts).filter(([, n]) => n > 0) : [];
  if (order) entries.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  else entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return (
    <section class="count-table" data-count-field={field}>
      <h3>
        {title} <span class="muted">{counts ? total : '…'}</span>
      </h3>
      <table>
        <tbody>
          {entries.slice(0, max).map(([k, n]) => (
            <tr key={k} data-key={k} class={active === k ? 'active' : ''} onClick={() => onPick?.(k)}>
              <td class="k" title={label(k)}>
                {label(k)}
              </td>
              <td class="n">{n}</td>
            </tr>
          ))}
          {entries.length > max && (
            <tr>
              <td class="muted" colSpan={2}>
                {t('moreRows', { n: entries.length - max })}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
