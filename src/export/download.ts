/**
 * The one side effect of exporting: hand a Blob to the user, as a download or on the clipboard.
 * Everything before this is computed by pure serialisers.
 */

/** Offer `blob` as a file download named `fileName`; the object URL is revoked afterwards. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start reading the URL only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Whether this browser can put an image on the clipboard (Async Clipboard API with ClipboardItem). */
export function canCopyImage(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.clipboard?.write === 'function' &&
    typeof globalThis.ClipboardItem === 'function'
  );
}

/** Outcome of a copy, for a message the user can act on. */
export type CopyResult = 'copied' | 'unsupported' | 'denied';

/**
 * Copy a PNG to the clipboard. Takes a promise so Safari keeps the user gesture while the PNG is
 * still being rendered (it requires `ClipboardItem` to be created synchronously in the gesture).
 */
export async function copyPngToClipboard(png: Blob | Promise<Blob>): Promise<CopyResult> {
  if (!canCopyImage()) return 'unsupported';
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
    return 'copied';
  } catch {
    return 'denied';
  }
}
