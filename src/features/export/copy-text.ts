/** Writes text to the clipboard; false when the browser refuses (no permission, no API). */
export async function copyText(text: string): Promise<boolean> {
  try {
    // navigator.clipboard is undefined outside secure contexts: the TypeError lands here too.
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
