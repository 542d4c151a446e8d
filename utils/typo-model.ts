/**
 * The 疑似错别字 model in the extension: rules/model/typo-model.bin ships in the package as
 * model/typo-model.bin (wxt.config.ts copies it with the `build:publicAssets` hook, so the
 * repository holds one copy) and is fetched from the extension's own origin on the first audit
 * that runs text/typo, then kept for the worker's life.
 *
 * Where it runs: in the background service worker, like the rest of the engine. The file is
 * laid out to be used straight from the ArrayBuffer (rules/text/lm-model.ts: typed-array views,
 * no table building), so a worker that MV3 stopped after ~30 s idle is ready again in one fetch of
 * a packaged file (tens of ms) — cheaper than keeping an offscreen document alive to hold it.
 * A failed fetch gives null (text/typo then does only its dictionary work) and is retried on the
 * next audit.
 */
import { browser } from 'wxt/browser';

export const TYPO_MODEL_PATH = '/model/typo-model.bin';

let loading: Promise<ArrayBuffer | null> | null = null;

export function loadTypoModel(): Promise<ArrayBuffer | null> {
  loading ??= fetchModel().then((buf) => {
    if (!buf) loading = null; // try again next time
    return buf;
  });
  return loading;
}

async function fetchModel(): Promise<ArrayBuffer | null> {
  try {
    // getURL's type lists the packaged paths WXT knows; the model is added by a build hook.
    const url = browser.runtime.getURL(TYPO_MODEL_PATH as Parameters<typeof browser.runtime.getURL>[0]);
    const res = await fetch(url);
    return res.ok ? await res.arrayBuffer() : null;
  } catch {
    return null;
  }
}
