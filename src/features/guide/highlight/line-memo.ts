import type { StateStack } from 'shiki/textmate';

/** A tokenized line: what came out for this text from this grammar state. */
export interface MemoLine<Result> {
  before: StateStack;
  result: Result;
  after: StateStack;
}

/**
 * Tokenizing a line is a pure function of (grammar, state before it, text): the same line in
 * the same state gives the same tokens and the same state after. The guide's variants share
 * most of their lines, so each grammar remembers lines it has seen, up to a bound.
 */
export class LineMemo<Result> {
  private readonly lines = new Map<string, MemoLine<Result>[]>();
  private size = 0;

  constructor(private readonly limit: number) {}

  get(text: string, before: StateStack): MemoLine<Result> | undefined {
    return this.lines
      .get(text)
      ?.find((line) => line.before === before || line.before.equals(before));
  }

  set(text: string, line: MemoLine<Result>): void {
    if (this.size >= this.limit) {
      this.lines.clear();
      this.size = 0;
    }
    const known = this.lines.get(text);
    if (known) known.push(line);
    else this.lines.set(text, [line]);
    this.size += 1;
  }
}
