/** Something in a share link or config file that could not be applied, and why. */
export type Problem = { message: string } & (
  | {
      kind: 'unknown-value';
      parameter: string;
      value: string;
      allowed: string[];
      suggestion?: string;
    }
  | { kind: 'invalid-value'; parameter: string; value: string; reason: string }
  | { kind: 'duplicate-key'; parameter: string; values: string[] }
  | { kind: 'missing'; parameter: string }
  | { kind: 'unknown-key'; key: string; suggestion?: string }
  | { kind: 'oversized'; what: string; limit: number }
  | { kind: 'bad-encoding'; text: string }
  | { kind: 'version-mismatch'; expected: string; found: string }
  | { kind: 'not-json'; line: number; column: number; detail: string }
  | { kind: 'wrong-template'; expected: string; found: string }
  | { kind: 'bad-shape'; field: string; detail: string }
);

/** Shortens hostile or huge input before it is quoted back in a message. */
export function quote(text: string, max = 60): string {
  const printable = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '\uFFFD');
  return `“${printable.length > max ? `${printable.slice(0, max)}…` : printable}”`;
}

/** The closest allowed word, if it is plausibly what was meant. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance =
      candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(input.length / 4)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(
        Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? Infinity;
}
