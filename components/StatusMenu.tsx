/** Status change with an optional note, for one finding or a selection. */
import { useState } from 'preact/hooks';
import type { FindingStatus } from '../utils/db';
import { STATUS_LABEL } from '../utils/labels';
import { locale } from '../utils/i18n';
import { t } from './strings';

const CHOICES: FindingStatus[] = ['open', 'fixed', 'ignored', 'false-positive'];

export interface StatusMenuProps {
  /** Button text, e.g. 应用于选中 (3). */
  label: string;
  disabled?: boolean;
  initial?: FindingStatus;
  onApply: (status: FindingStatus, note: string | undefined) => void | Promise<void>;
  testid?: string;
}

export function StatusMenu({ label, disabled, initial = 'ignored', onApply, testid }: StatusMenuProps) {
  const [status, setStatus] = useState<FindingStatus>(initial);
  const [note, setNote] = useState('');
  return (
    <span class="status-menu" data-testid={testid}>
      <select value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value as FindingStatus)} aria-label={t('newStatus')}>
        {CHOICES.map((s) => (
          <option key={s} value={s}>
            {s === 'open' ? t('reopen') : STATUS_LABEL[locale()][s]}
          </option>
        ))}
      </select>
      <input type="text" placeholder={t('notePlaceholder')} value={note} onInput={(e) => setNote((e.target as HTMLInputElement).value)} aria-label={t('note')} />
      <button
        disabled={disabled}
        onClick={async () => {
          await onApply(status, note.trim() || undefined);
          setNote('');
        }}
      >
        {label}
      </button>
    </span>
  );
}
