import { exactInputsSchema, type ExactInputs, type Template } from '../engine/index';

const KEYS = Object.keys(exactInputsSchema.shape) as (keyof ExactInputs)[];

/**
 * The exact figures given with `--sizing NAME=VALUE` (peakRps=40000, p95Ms=200, dbVcpu=16,
 * dbRamGb=64, instanceVcpu=4), validated, or one message per thing wrong with them.
 */
export function readSizing(
  template: Template,
  pairs: readonly string[],
): { exact: ExactInputs } | { errors: string[] } {
  if (pairs.length === 0) return { exact: {} };
  if (!template.meta.sizing) {
    return {
      errors: [
        `--sizing: this template names no sizing model, so it has no figures to replace (remove --sizing)`,
      ],
    };
  }
  const errors: string[] = [];
  const given: Record<string, number> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const name = at < 0 ? pair : pair.slice(0, at);
    const text = at < 0 ? '' : pair.slice(at + 1);
    if (!KEYS.includes(name as keyof ExactInputs)) {
      errors.push(
        `--sizing ${JSON.stringify(pair).slice(0, 60)}: give NAME=NUMBER with NAME one of ${KEYS.join(', ')}`,
      );
    } else if (!/^\d+$/.test(text)) {
      errors.push(`--sizing ${name}: ${JSON.stringify(text).slice(0, 30)} is not a whole number`);
    } else if (name in given) {
      errors.push(`--sizing ${name} is given twice; keep one`);
    } else {
      given[name] = Number(text);
    }
  }
  if (errors.length > 0) return { errors };
  const parsed = exactInputsSchema.safeParse(given);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map(
        (issue) => `--sizing ${issue.path.join('.')}: ${issue.message.toLowerCase()}`,
      ),
    };
  }
  return { exact: parsed.data };
}
