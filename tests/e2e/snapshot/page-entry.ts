/**
 * Bundled by snapshot-slices.test.ts and added to a fixture page: today's snapshot (the content
 * script's, in slices or in one go) next to the one taken before slicing (legacy-visible.ts).
 */
import { frameDocuments, lastSnapshotStats, snapshotHtml, snapshotHtmlNow } from '../../../entrypoints/content/visible';
import { legacyFrameDocuments, legacySnapshotHtml } from './legacy-visible';

const api = {
  sliced: () => snapshotHtml(),
  whole: () => snapshotHtmlNow(),
  legacy: () => legacySnapshotHtml(),
  stats: () => ({ ...lastSnapshotStats }),
  frames: () => frameDocuments().map((d) => d.URL),
  legacyFrames: () => legacyFrameDocuments().map((d) => d.URL),
};
(window as unknown as { __snap: typeof api }).__snap = api;
