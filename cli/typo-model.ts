/**
 * The 疑似错别字 model for the CLI (and tests, eval, bench): rules/model/typo-model.bin read from
 * disk once per process, on first use (text/typo asks for it through `lookups.typoModel`).
 * A missing or unreadable file gives null: text/typo then does only its dictionary work.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPO_MODEL_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../rules/model/typo-model.bin');

let loading: Promise<ArrayBuffer | null> | null = null;

/** The model file's bytes (one read per process), or null when it cannot be read. */
export function loadTypoModel(file: string = TYPO_MODEL_FILE): Promise<ArrayBuffer | null> {
  if (file !== TYPO_MODEL_FILE) return read(file);
  return (loading ??= read(file));
}

async function read(file: string): Promise<ArrayBuffer | null> {
  try {
    const b = await readFile(file);
    // Our own ArrayBuffer of exactly the file (a Buffer may be a view on a shared pool).
    return b.buffer.byteLength === b.byteLength ? (b.buffer as ArrayBuffer) : (b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  } catch {
    return null;
  }
}

/** Lookups that also answer text/typo's request for the model (read from disk on first use). */
export function withTypoModel<T extends object>(lookups: T): T & { typoModel: () => Promise<ArrayBuffer | null> } {
  return Object.assign(lookups, { typoModel: () => loadTypoModel() });
}
