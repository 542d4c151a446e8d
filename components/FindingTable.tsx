/**
 * The findings table: one page of rows (the store pages with a cursor, so 100k findings cost
 * nothing here). Page text is only ever rendered as text nodes.
 */
import type { SortField, StoredFinding } from '../utils/db';
import { LEVEL_LABEL, STATUS_LABEL } from '../utils/labels';
import { formatTime } from '../utils/export';
import { locale } from '../utils/i18n';
import { findingMessage } from '../rules/messages';
import { t, type DashboardKey } from './strings';

export interface FindingTableProps {
  items: StoredFinding[];
  ruleTitle: (id: string) => string;
  selected: Set<string>;
  onToggle: (fp: string) => void;
  onToggleAll: (on: boolean) => void;
  sort: SortField;
  dir: 'asc' | 'desc';
  onSort: (f: SortField) => void;
  onOpen: (f: StoredFinding) => void;
  activeFp?: string | null;
}

/** Column heads are string keys, looked up at render time (the locale is set before the page renders). */
const COLS: { key: string; title: DashboardKey; sort?: SortField }[] = [
  { key: 'level', title: 'colLevel', sort: 'level' },
  { key: 'rule', title: 'colRule', sort: 'ruleId' },
  { key: 'message', title: 'colMessage' },
  { key: 'excerpt', title: 'colExcerpt' },
  { key: 'column', title: 'colColumn', sort: 'column' },
  { key: 'page', title: 'colPage', sort: 'url' },
  { key: 'lastSeen', title: 'colLastSeen', sort: 'lastSeen' },
  { key: 'status', title: 'colStatus', sort: 'status' },
];

export function FindingTable(p: FindingTableProps) {
  const loc = locale();
  const allOn = p.items.length > 0 && p.items.every((f) => p.selected.has(f.fingerprint));
  return (
    <table class="findings" data-testid="findings-table">
      <thead>
        <tr>
          <th class="sel">
            <input type="checkbox" checked={allOn} onChange={(e) => p.onToggleAll((e.target as HTMLInputElement).checked)} aria-label={t('selectAll')} />
          </th>
          {COLS.map((c) => (
            <th key={c.key} class={c.sort ? 'sortable' : ''} onClick={() => c.sort && p.onSort(c.sort)} data-sort={c.sort}>
              {t(c.title)}
              {c.sort === p.sort ? (p.dir === 'desc' ? ' ▼' : ' ▲') : ''}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {p.items.map((f) => (
          <tr
            key={f.fingerprint}
            data-fp={f.fingerprint}
            data-rule={f.ruleId}
            data-status={f.status}
            class={`lv-${f.level} st-${f.status}${p.activeFp === f.fingerprint ? ' active' : ''}`}
            onClick={() => p.onOpen(f)}
          >
            <td class="sel" onClick={(e) => e.stopPropagation()}>
              <input type="checkbox" checked={p.selected.has(f.fingerprint)} onChange={() => p.onToggle(f.fingerprint)} aria-label={t('select')} />
            </td>
            <td>
              <span class="tag">{LEVEL_LABEL[loc][f.level]}</span>
            </td>
            <td title={f.ruleId}>
              {p.ruleTitle(f.ruleId)}
              {f.certainty === 'suspected' && <span class="sus">{t('suspected')}</span>}
            </td>
            <td class="msg">{findingMessage(f, loc)}</td>
            <td class="excerpt">{f.excerpt}</td>
            <td>{f.column ?? '—'}</td>
            <td class="page" title={f.url}>
              {f.pageTitle || f.url}
            </td>
            <td class="time">{formatTime(f.lastSeen)}</td>
            <td class="status">{STATUS_LABEL[loc][f.status]}</td>
          </tr>
        ))}
        {p.items.length === 0 && (
          <tr>
            <td colSpan={COLS.length + 1} class="muted empty">
              {t('noRows')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
