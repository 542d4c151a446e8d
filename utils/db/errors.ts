/** Store errors: a full disk becomes a StoreError with a Chinese message, never swallowed. */
import { StoreError } from './model';

function isQuota(e: unknown): boolean {
  const err = e as { name?: string; code?: number; inner?: unknown } | null;
  return !!err && (err.name === 'QuotaExceededError' || err.code === 22);
}

export function mapError(e: unknown): unknown {
  if (e instanceof StoreError) return e;
  if (isQuota(e)) {
    return new StoreError(
      'quota',
      '存储空间不足：浏览器拒绝写入更多检查结果。请先导出或备份，再清理已整改/已忽略的旧记录，或在浏览器设置中释放磁盘空间。本次写入未保存。',
      e,
    );
  }
  return e;
}

/** Marks a request promise as handled: if the transaction aborts, the error surfaces once, through tx.done. */
export function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

export function abortQuietly(tx: { abort(): void; done: Promise<void> }) {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
}

export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapError(e);
  }
}

