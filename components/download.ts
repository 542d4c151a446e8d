/**
 * Saves bytes or text as a file from an extension page: a blob URL clicked through an
 * `<a download>` (no permission needed; Chromium's download manager takes it from there).
 */
export function saveFile(data: Uint8Array | string, filename: string, mime: string): void {
  const blob = new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download manager time to read the blob before it is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
} as const;
