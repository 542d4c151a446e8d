/** One finding in full: where it is, what it says, its history, and its status. */
import type { FindingStatus, StoredFinding } from '../utils/db';
import { formatTime } from '../utils/export';
import { LEVEL_LABEL, STATUS_LABEL } from '../utils/labels';
import { StatusMenu } from './StatusMenu';

/** The page URL with a text fragment so the browser scrolls to and marks the excerpt. */
export function findingLink(f: Pick<StoredFinding, 'url' | 'excerpt'>): string | null {
  if (!/^https?:\/\//i.test(f.url)) return null; // never a javascript:/data: href from page data
  const text = f.excerpt.replace(/…$/, '').trim().slice(0, 40);
  return text ? `${f.url}#:~:text=${encodeURIComponent(text)}` : f.url;
}

export interface FindingDetailProps {
  finding: StoredFinding;
  ruleTitle: (id: string) => string;
  onStatus: (status: FindingStatus, note: string | undefined) => void | Promise<void>;
  onClose: () => void;
}

export function FindingDetail({ finding: f, ruleTitle, onStatus, onClose }: FindingDetailProps) {
  const href = findingLink(f);
  return (
    <aside class="detail" data-testid="finding-detail" data-fp={f.fingerprint}>
      <header>
        <h2>{ruleTitle(f.ruleId)}</h2>
        <button class="secondary" onClick={onClose} aria-label="关闭">
          ×
        </button>
      </header>
      <dl>
        <dt>问题描述</dt>
        <dd>{f.message}</dd>
        <dt>级别</dt>
        <dd>
          {LEVEL_LABEL.zh[f.level]}
          {f.certainty === 'suspected' ? '（疑似）' : ''} · <code>{f.ruleId}</code>
        </dd>
        <dt>状态</dt>
        <dd data-testid="detail-status">
          {STATUS_LABEL.zh[f.status]}
          {f.fixedAt ? `（${formatTime(f.fixedAt)}）` : ''}
          {f.note ? ` — ${f.note}` : ''}
        </dd>
        <dt>页面标题</dt>
        <dd>{f.pageTitle || '—'}</dd>
        <dt>栏目</dt>
        <dd>{f.column ?? '未识别'}</dd>
        <dt>页面地址</dt>
        <dd class="url">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {f.url}
            </a>
          ) : (
            f.url
          )}
        </dd>
        {f.field && (
          <>
            <dt>字段</dt>
            <dd>{f.field}</dd>
          </>
        )}
        <dt>原文摘录</dt>
        <dd class="excerpt">{f.excerpt || '—'}</dd>
        <dt>修改建议</dt>
        <dd class="suggestion">{f.suggestion || '—'}</dd>
        <dt>发现时间</dt>
        <dd>{formatTime(f.firstSeen)}</dd>
        <dt>最近检查</dt>
        <dd>{formatTime(f.lastSeen)}</dd>
      </dl>
      <h3>状态历史</h3>
      <ol class="history">
        {f.history.map((h, i) => (
          <li key={i}>
            {formatTime(h.at)} {h.by === 'audit' ? '复查' : '人工'}：{h.from ? STATUS_LABEL.zh[h.from] : '新发现'} → {STATUS_LABEL.zh[h.to]}
            {h.note ? `（${h.note}）` : ''}
          </li>
        ))}
      </ol>
      <StatusMenu label="更改状态" initial={f.status === 'open' ? 'ignored' : 'open'} onApply={onStatus} testid="detail-status-menu" />
    </aside>
  );
}
