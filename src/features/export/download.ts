import { safeFileName } from '../../engine/index';

/**
 * How long a Blob URL outlives the click that starts its download. Revoking it in the same
 * task can cancel the download in some browsers; a few seconds later it is safe, and nothing
 * is left behind however many files are downloaded.
 */
const REVOKE_AFTER_MS = 1500;

/** Saves `content` as a file named `filename`, made safe for any disk whatever it holds. */
export function downloadFile(
  filename: string,
  content: string | Uint8Array<ArrayBuffer>,
  type = 'text/plain;charset=utf-8',
) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(filename);
  // Attached for the click: Firefox ignores clicks on detached links.
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
