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
  /** A choice in a config file that is null, an array or an object instead of text. */
  | { kind: 'wrong-type'; parameter: string; found: string }
  /** `at` is where each copy is, for a config file. */
  | { kind: 'duplicate-key'; parameter: string; values: string[]; at?: Position[] }
  | { kind: 'missing'; parameter: string }
  | { kind: 'unknown-key'; key: string; suggestion?: string }
  /**
   * `key`: the setting whose value is too long, when its name could be read. `cut`: the text
   * past the limit was never looked at, so it may hold any setting. `unread`: the keys of the
   * pairs past the limit on pairs (those that decode), each once.
   */
  | {
      kind: 'oversized';
      what: string;
      limit: number;
      key?: string;
      cut?: true;
      unread?: string[];
    }
  /** `key`: the setting whose value is badly encoded, when its name could be read. */
  | { kind: 'bad-encoding'; text: string; key?: string }
  | { kind: 'version-mismatch'; expected: string; found: string }
  | { kind: 'not-json'; line: number; column: number; detail: string }
  | { kind: 'too-deep'; line: number; column: number; limit: number }
  | { kind: 'wrong-template'; expected: string; found: string }
  | { kind: 'bad-shape'; field: string; detail: string }
  /** A top-level field of a config file given more than once. */
  | { kind: 'duplicate-field'; field: string; at: Position[] }
  /** The problems left out of a long list, counted by kind: always the last of the list. */
  | { kind: 'more'; count: number; kinds: { kind: Problem['kind']; count: number }[] }
);

/** A place in a file, both counted from 1. */
export interface Position {
  line: number;
  column: number;
}

/** Shortens hostile or huge input before it is quoted back in a message. */
export function quote(text: string, max = 60): string {
  // 2 × max + 2 code units hold more than max code points: only that much of a huge text is read.
  const head = text.slice(0, 2 * max + 2);
  const printable = head.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '\uFFFD');
  // Cut by code points: a cut between the halves of an emoji would leave a lone surrogate.
  const chars = Array.from(printable);
  const cut = chars.length > max || head.length < text.length;
  return `“${cut ? `${chars.slice(0, max).join('')}…` : printable}”`;
}

/** At most three values, each shortened, so a hostile input is never echoed at length. */
export function listed(values: readonly string[]): string {
  const shown = values.slice(0, 3).map((value) => quote(value, 16));
  return values.length > 3 ? `${shown.join(', ')}, …` : shown.join(', ');
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

/** Optimal string alignment distance: a swap of two neighbouring letters counts as one edit. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return Infinity;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}
