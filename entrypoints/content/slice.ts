/**
 * Work on the inspected page's main thread in slices: the page's own input, scrolling and scripts
 * get a turn every SLICE_MS, so GovLint never holds the thread for a long task (issue 10: none over
 * 50 ms). Long work is written as a generator that yields when `due()` says its slice is used up;
 * a driver runs it either in slices (runSliced) or in one go (runWhole) — one implementation, two
 * ways to run it.
 */

/** A slice's budget: well under the 50 ms of a long task, with room for the step that overruns it. */
export const SLICE_MS = 12;

/** A generator of work that yields (nothing) whenever it may pause. */
export type Work<T> = Generator<void, T, void>;

/** Whether the current slice is used up; `() => false` runs the work in one go. */
export type Due = () => boolean;

export const never: Due = () => false;

/** A clock for one slice at a time: due once SLICE_MS have passed since the slice began. */
export function sliceClock(budgetMs = SLICE_MS): { due: Due; restart(): void } {
  let start = performance.now();
  return {
    due: () => performance.now() - start >= budgetMs,
    restart: () => {
      start = performance.now();
    },
  };
}

type Scheduler = { yield?: () => Promise<void> };

/**
 * Gives the page a turn: scheduler.yield() where it exists (Chrome 129+, keeps our priority), else
 * a MessageChannel message (a new task without setTimeout's 4 ms clamp). Not requestIdleCallback:
 * a busy page would starve it.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof s?.yield === 'function') return s.yield.call(s);
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Runs work to its end in the current task (no pauses). */
export function runWhole<T>(work: Work<T>): T {
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/**
 * Runs work in slices, giving the page a turn at each pause. `stale()` is asked after every pause:
 * when it says the page changed meanwhile, the work is dropped and null returned (the caller starts
 * over). `slices` counts the slices the work took (the tests check that slicing happened).
 */
export async function runSliced<T>(work: (due: Due) => Work<T>, stale: () => boolean, stats?: { slices: number }): Promise<T | null> {
  const clock = sliceClock();
  const gen = work(clock.due);
  if (stats) stats.slices = 1;
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    await yieldToPage();
    if (stale()) {
      gen.return(null as T);
      return null;
    }
    if (stats) stats.slices++;
    clock.restart();
  }
}
