/** One finding in full: where it is, what it says, its history, and its status. */
import type { FindingStatus, StoredFinding } from '../utils/db';
import type { Shot } from '../utils/evidence';
import { formatTime } from '../utils/export';
import { LEVEL_LABEL, STATUS_LABEL } from '../utils/labels';
import { StatusMenu } from './StatusMenu';
import { locale } from '../utils/i18n';
import { findingMessage } from '../rules/messages';
import { t } from './strings';

/** The page's URL as a link, only when it is a web page (never a javascript:/data: href from page data). */
export function findingLink(f: Pick<StoredFinding, 'url'>): string | null {
  return /^https?:\/\//i.test(f.url) ? f.url : null;
}

export interface FindingDetailProps {
  finding: StoredFinding;
  ruleTitle: (id: string) => string;
  onStatus: (status: FindingStatus, note: string | undefined) => void | Promise<void>;
  onClose: () => void;
  /** Takes the editor to the finding in its page (found again from its selector and text), when given. */
  onLocate?: () => void;
  /** The screenshot taken of it (截图 in the popup), when there is one. */
  shot?: Shot | null;
}

export function FindingDetail({ finding: f, ruleTitle, onStatus, onClose, onLocate, shot }: FindingDetailProps) {
  const href = findingLink(f);
  const loc = locale();
  return (
    <aside class="detail" data-testid="finding-detail" data-fp={f.fingerprint}>
      <header>
        <h2>{ruleTitle(f.ruleId)}</h2>
        <button class="secondary" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <dl>
        <dt>{t('colMessage')}</dt>
        <dd>{findingMessage(f, loc)}</dd>
        <dt>{t('colLevel')}</dt>
        <dd>
          {LEVEL_LABEL[loc][f.level]}
          {f.certainty === 'suspected' ? t('suspectedParen') : ''} · <code>{f.ruleId}</code>
        </dd>
        <dt>{t('colStatus')}</dt>
        <dd data-testid="detail-status">
          {STATUS_LABEL[loc][f.status]}
          {f.fixedAt ? t('paren', { text: formatTime(f.fixedAt) }) : ''}
          {f.note ? ` — ${f.note}` : ''}
        </dd>
        <dt>{t('colPage')}</dt>
        <dd>{f.pageTitle || '—'}</dd>
        <dt>{t('colColumn')}</dt>
        <dd>{f.column ?? t('columnUnknown')}</dd>
        <dt>{t('pageUrl')}</dt>
        <dd class="url">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {f.url}
            </a>
          ) : (
            f.url
          )}
          {href && onLocate && f.status === 'open' && (
            <button class="secondary locate" onClick={onLocate} data-testid="detail-locate">
              {t('locateInPage')}
            </button>
          )}
        </dd>
        {f.field && (
          <>
            <dt>{t('field')}</dt>
            <dd>{f.field}</dd>
          </>
        )}
        <dt>{t('colExcerpt')}</dt>
        <dd class="excerpt">{f.excerpt || '—'}</dd>
        <dt>{t('suggestion')}</dt>
        <dd class="suggestion">{f.suggestion || '—'}</dd>
        <dt>{t('firstSeen')}</dt>
        <dd>{formatTime(f.firstSeen)}</dd>
        <dt>{t('colLastSeen')}</dt>
        <dd>{formatTime(f.lastSeen)}</dd>
      </dl>
      {shot && (
        <>
          <h3>{t('shot', { time: formatTime(shot.at) })}</h3>
          {/* Our own JPEG data URL from the evidence store, never a URL taken from the page. */}
          <a href={shot.dataUrl} target="_blank" rel="noopener">
            <img class="shot" src={shot.dataUrl} width={shot.width} height={shot.height} alt={t('shotAlt')} data-testid="detail-shot" />
          </a>
        </>
      )}
      <h3>{t('history')}</h3>
      <ol class="history">
        {f.history.map((h, i) => (
          <li key={i}>
            {t('historyLine', { time: formatTime(h.at), by: t(h.by === 'audit' ? 'byAudit' : 'byUser'), from: h.from ? STATUS_LABEL[loc][h.from] : t('newFinding'), to: STATUS_LABEL[loc][h.to] })}
            {h.note ? t('paren', { text: h.note }) : ''}
          </li>
        ))}
      </ol>
      <StatusMenu label={t('changeStatus')} initial={f.status === 'open' ? 'ignored' : 'open'} onApply={onStatus} testid="detail-status-menu" />
    </aside>
  );
}
