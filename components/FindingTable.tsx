/**
 * The findings table: one page of rows (the store pages with a cursor, so 100k findings cost
 * nothing here). Page text is only ever rendered as text nodes.
 */
import type { SortField, StoredFinding } from '../utils/db';
import { LEVEL_LABEL, STATUS_LABEL } from '../utils/labels';
import { formatTime } from '../utils/export';

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

const COLS: { key: string; title: string; sort?: SortField }[] = [
  { key: 'level', title: '级别', sort: 'level' },
  { key: 'rule', title: '问题类型', sort: 'ruleId' },
  { key: 'message', title: '问题描述' },
  { key: 'excerpt', title: '原文摘录' },
  { key: 'column', title: '栏目', sort: 'column' },
  { key: 'page', title: '页面标题', sort: 'url' },
  { key: 'lastSeen', title: '最近检查', sort: 'lastSeen' },
  { key: 'status', title: '状态', sort: 'status' },
];

export function FindingTable(p: FindingTableProps) {
  const allOn = p.items.length > 0 && p.items.every((f) => p.selected.has(f.fingerprint));
  return (
    <table class="findings" data-testid="findings-table">
      <thead>
        <tr>
          <th class="sel">
            <input type="checkbox" checked={allOn} onChange={(e) => p.onToggleAll((e.target as HTMLInputElement).checked)} aria-label="全选本页" />
          </th>
          {COLS.map((c) => (
            <th key={c.key} class={c.sort ? 'sortable' : ''} onClick={() => c.sort && p.onSort(c.sort)} data-sort={c.sort}>
              {c.title}
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
              <input type="checkbox" checked={p.selected.has(f.fingerprint)} onChange={() => p.onToggle(f.fingerprint)} aria-label="选择" />
            </td>
            <td>
              <span class="tag">{LEVEL_LABEL.zh[f.level]}</span>
            </td>
            <td title={f.ruleId}>
              {p.ruleTitle(f.ruleId)}
              {f.certainty === 'suspected' && <span class="sus">疑似</span>}
            </td>
            <td class="msg">{f.message}</td>
            <td class="excerpt">{f.excerpt}</td>
            <td>{f.column ?? '—'}</td>
            <td class="page" title={f.url}>
              {f.pageTitle || f.url}
            </td>
            <td class="time">{formatTime(f.lastSeen)}</td>
            <td class="status">{STATUS_LABEL.zh[f.status]}</td>
          </tr>
        ))}
        {p.items.length === 0 && (
          <tr>
            <td colSpan={COLS.length + 1} class="muted empty">
              没有符合条件的问题
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
