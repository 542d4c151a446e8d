/** The in-page panel: a pill with the counts that opens into the list of open findings. */
import { useState } from 'preact/hooks';
import type { Level } from '../../rules/types';
import { LEVEL_LABEL } from '../../utils/labels';
import type { AuditSummary, OverlayFinding } from '../../utils/messages';

const ORDER: Level[] = ['error', 'warn', 'info'];

export function Panel(props: { summary: AuditSummary; onPick: (f: OverlayFinding) => void; onClose: () => void }) {
  const [open, setOpen] = useState(false);
  const { counts, findings } = props.summary;
  const total = counts.error + counts.warn + counts.info;
  const sorted = [...findings].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
  return (
    <div class="gl-root" data-testid="govlint-panel">
      <button class="gl-pill" onClick={() => setOpen(!open)} title="GovLint 政务网站自查助手">
        <span class="gl-brand">GovLint</span>
        {total === 0 ? (
          <span class="gl-ok">未发现问题</span>
        ) : (
          ORDER.filter((l) => counts[l] > 0).map((l) => (
            <span class={`gl-count gl-${l}`} key={l}>
              {LEVEL_LABEL.zh[l]} {counts[l]}
            </span>
          ))
        )}
      </button>
      {open && (
        <div class="gl-list">
          <div class="gl-head">
            本页问题 {total} 个
            <button class="gl-close" onClick={props.onClose} title="关闭标注">
              ×
            </button>
          </div>
          <ul>
            {sorted.map((f) => (
              <li key={f.fingerprint} class={`gl-item gl-${f.level}`} onClick={() => props.onPick(f)}>
                <span class={`gl-tag gl-${f.level}`}>{LEVEL_LABEL.zh[f.level]}</span>
                {f.suspected && <span class="gl-sus">疑似</span>}
                <span class="gl-msg">{f.message}</span>
                {f.suggestion && <div class="gl-sug">建议：{f.suggestion}</div>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
