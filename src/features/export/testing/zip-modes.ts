/**
 * Each entry's Unix mode as a zip's central directory records it (`-rwxr-xr-x` is 0o100755),
 * or undefined when the entry was not made on Unix. fflate's reader does not give these, so
 * the tests read them here: the records are laid out in APPNOTE.txt, section 4.3.12.
 */
export function zipModes(zip: Uint8Array): Map<string, number | undefined> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('not a zip: no end of central directory record');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const modes = new Map<string, number | undefined>();
  for (let entry = 0; entry < count; entry += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('broken central directory');
    const madeOn = view.getUint8(at + 5);
    const nameLength = view.getUint16(at + 28, true);
    const skip = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const attrs = view.getUint32(at + 38, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    modes.set(name, madeOn === 3 ? attrs >>> 16 : undefined);
    at += 46 + nameLength + skip;
  }
  return modes;
}
