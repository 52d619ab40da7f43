import { z } from 'zod';

/** One line of a sizing worksheet: a value, its unit, and the formula it came from. */
export interface WorksheetRow {
  /** The name the template reads it by: `{{@sizing.<key>}}`. */
  key: string;
  /** What it is, in words. */
  label: string;
  /** The value as a reader sees it, with thousands separators and its unit. */
  shown: string;
  /** How it was derived ("why 40?"), naming the other rows it uses. */
  formula: string;
}

/** What a template reads as `{{@sizing.*}}`: plain values by name, and the worksheet rows. */
export interface Sizing {
  values: Readonly<Record<string, number | string | boolean>>;
  worksheet: readonly WorksheetRow[];
}

/**
 * Exact figures a user may know; each replaces the default the six answers would give.
 * Validated with zod: anything outside these ranges is refused with a message.
 */
export const exactInputsSchema = z
  .object({
    peakRps: z.number().int().min(1).max(10_000_000),
    p95Ms: z.number().int().min(5).max(60_000),
    dbVcpu: z.number().int().min(1).max(256),
    dbRamGb: z.number().int().min(1).max(4096),
    instanceVcpu: z.number().int().min(1).max(256),
  })
  .partial()
  .strict();

export type ExactInputs = z.infer<typeof exactInputsSchema>;

/** A sizing model: the names it gives, and the pure function that sizes a set of choices. */
export interface SizingModel {
  /** The `@sizing` names a template may read, for checking templates when they load. */
  names: ReadonlySet<string>;
  size(choices: Readonly<Record<string, string>>, exact?: ExactInputs): Sizing;
}
