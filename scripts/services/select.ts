/**
 * Which services a run starts. In CI a covering set: for every architecture × infrastructure
 * of Node.js and of Python, one configuration whose services all run, chosen so that the set
 * stays small (services shared between configurations run once) and, among equals, covers as
 * many different versions of the service files as it can. With SERVICES_ALL=1, every distinct
 * Node.js and Python service of every configuration.
 */
import { createHash } from 'node:crypto';
import type { Enumeration, ServicePlan } from './enumerate';

export const COVERED_BACKENDS = ['nodejs', 'python'];

export interface Selection {
  services: ServicePlan[];
  /** Groups (`backend architecture infrastructure`) with no runnable service at all. */
  uncovered: string[];
}

const runnable = (plan: ServicePlan | undefined): plan is ServicePlan =>
  plan !== undefined && plan.runtime !== 'other';

function variants(plan: ServicePlan): string[] {
  return plan.files.files.map(
    (file) =>
      `${file}#${createHash('sha1')
        .update(plan.project.get(file) ?? '')
        .digest('hex')}`,
  );
}

export function coveringSet(enumeration: Enumeration): Selection {
  const byKey = new Map(enumeration.services.map((plan) => [plan.key, plan]));
  const groups = new Map<string, Enumeration['byConfiguration']>();
  for (const configuration of enumeration.byConfiguration) {
    if (!COVERED_BACKENDS.includes(configuration.choices.backend_technology ?? '')) continue;
    const list = groups.get(configuration.group) ?? [];
    list.push(configuration);
    groups.set(configuration.group, list);
  }
  const selected = new Set<string>();
  const seenVariants = new Set<string>();
  const uncovered: string[] = [];
  for (const [group, configurations] of groups) {
    let best: { keys: string[]; added: number; fresh: number } | undefined;
    for (const configuration of configurations) {
      const keys = configuration.keys.filter((key) => runnable(byKey.get(key)));
      if (keys.length === 0) continue;
      const added = keys.filter((key) => !selected.has(key));
      const fresh = new Set(
        added.flatMap((key) => variants(byKey.get(key)!)).filter((v) => !seenVariants.has(v)),
      ).size;
      if (
        !best ||
        added.length < best.added ||
        (added.length === best.added && fresh > best.fresh)
      ) {
        best = { keys, added: added.length, fresh };
      }
    }
    if (!best) {
      uncovered.push(group);
      continue;
    }
    for (const key of best.keys) {
      selected.add(key);
      for (const variant of variants(byKey.get(key)!)) seenVariants.add(variant);
    }
  }
  return {
    services: enumeration.services.filter((plan) => selected.has(plan.key)),
    uncovered,
  };
}

export function everyService(enumeration: Enumeration): Selection {
  const covered = new Set(
    enumeration.services.filter(runnable).flatMap((plan) => [...plan.groups]),
  );
  const uncovered = [
    ...new Set(
      enumeration.byConfiguration
        .filter((configuration) =>
          COVERED_BACKENDS.includes(configuration.choices.backend_technology ?? ''),
        )
        .map((configuration) => configuration.group),
    ),
  ].filter((group) => !covered.has(group));
  return { services: enumeration.services.filter(runnable), uncovered };
}

/** `SERVICES_FILTER="python graphql, nodejs rest #2"`: any comma-separated pattern whose words all occur. */
export function matchesFilter(name: string, filter: string | undefined): boolean {
  if (!filter?.trim()) return true;
  const words = name.toLowerCase().split(/\s+/);
  return filter
    .split(',')
    .map((pattern) => pattern.trim().toLowerCase().split(/\s+/).filter(Boolean))
    .filter((pattern) => pattern.length > 0)
    .some((pattern) => pattern.every((word) => words.includes(word)));
}
