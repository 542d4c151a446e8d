/** The in-page panel: a pill with the counts that opens into the list of open findings. */
import { useState } from 'preact/hooks';
import type { Level } from '../../rules/types';
import { locale, t } from '../../utils/i18n';
import { LEVEL_LABEL } from '../../utils/labels';
import { groupFindings } from '../../utils/group';
import type { AuditSummary, OverlayFinding } from '../../utils/messages';

const ORDER: Level[] = ['error', 'warn', 'info'];

export function Panel(props: { summary: AuditSummary; onPick: (f: OverlayFinding) => void; onClose: () => void }) {
  const [open, setOpen] = useState(false);
  // Which place of each group the next click goes to.
  const [turns] = useState(() => new Map<string, number>());
  const loc = locale();
  const { counts, findings } = props.summary;
  const total = counts.error + counts.warn + counts.info;
  const failed = props.summary.failedRules ?? [];
  const unread = props.summary.unreadFrames ?? [];
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
  return (
    <div class="gl-root" data-testid="govlint-panel">
      <button class="gl-pill" onClick={() => setOpen(!open)} title={t('panelTitle')}>
        <span class="gl-brand">GovLint</span>
        {total === 0 && !failed.length ? (
          <span class="gl-ok">{unread.length ? t('panelOkPartial', { n: unread.length }) : t('panelOk')}</span>
        ) : (
          ORDER.filter((l) => counts[l] > 0).map((l) => (
            <span class={`gl-count gl-${l}`} key={l}>
              {LEVEL_LABEL[loc][l]} {counts[l]}
            </span>
          ))
        )}
      </button>
      {open && (
        <div class="gl-list">
          <div class="gl-head">
            {t('panelCount', { n: total })}
            <button class="gl-close" onClick={props.onClose} title={t('panelClose')}>
              ×
            </button>
          </div>
          {failed.length > 0 && (
            <div class="gl-failed" data-testid="govlint-failed">
              {t('panelFailed', { rules: failed.join('、') })}
            </div>
          )}
          {unread.length > 0 && (
            <div class="gl-failed" data-testid="govlint-unread-frames">
              {t('panelUnread', { n: unread.length, urls: unread.join('、') })}
            </div>
          )}
          <ul>
            {groupFindings(sorted).map((g) => {
              const f = g.items[0];
              // A group is one row; each click goes on to its next place in the page.
              const pick = () => {
                const n = turns.get(g.key) ?? 0;
                turns.set(g.key, n + 1);
                props.onPick(g.items[n % g.items.length]);
              };
              return (
                <li key={g.key} class={`gl-item gl-${f.level}`} onClick={pick} data-count={g.items.length}>
                  <span class={`gl-tag gl-${f.level}`}>{LEVEL_LABEL[loc][f.level]}</span>
                  {f.suspected && <span class="gl-sus">{t('suspected')}</span>}
                  <span class="gl-msg">{loc === 'en' ? (f.messageEn ?? f.message) : f.message}</span>
                  {g.items.length > 1 && <span class="gl-count-n">{t('groupCount', { n: g.items.length })}</span>}
                  {f.frame && <div class="gl-frame">{t('inFrame', { url: f.frame })}</div>}
                  {f.suggestion && (
                    <div class="gl-sug">
                      {t('suggestion')}
                      {f.suggestion}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
