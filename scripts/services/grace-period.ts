/**
 * The shutdown grace period the guide states for a service: Kubernetes'
 * terminationGracePeriodSeconds, Compose's stop_grace_period, systemd's TimeoutStopSec,
 * whichever of them the project has (the shortest when it has several).
 */

export interface GracePeriod {
  seconds: number;
  /** Where it comes from: `compose.yaml stop_grace_period`, or the default. */
  source: string;
}

/** What Kubernetes and most orchestrators give when nothing is stated. */
const DEFAULT_SECONDS = 30;

/** `30s`, `1m30s`, `90`, `2min` → seconds. */
export function durationSeconds(text: string): number | undefined {
  const trimmed = text.trim().replace(/^["']|["']$/g, '');
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed);
  let total = 0;
  let matched = false;
  for (const match of trimmed.matchAll(/(\d+(?:\.\d+)?)\s*(ms|min|h|m|s)/g)) {
    matched = true;
    const value = Number(match[1]);
    const unit = match[2];
    total +=
      unit === 'ms'
        ? value / 1000
        : unit === 'h'
          ? value * 3600
          : unit === 's'
            ? value
            : value * 60;
  }
  return matched ? total : undefined;
}

const SOURCES: { name: string; pattern: RegExp; files: RegExp }[] = [
  {
    name: 'terminationGracePeriodSeconds',
    pattern: /^\s*terminationGracePeriodSeconds:\s*(\S+)/m,
    files: /\.ya?ml$/,
  },
  { name: 'stop_grace_period', pattern: /^\s*stop_grace_period:\s*(\S+)/m, files: /\.ya?ml$/ },
  {
    name: 'TimeoutStopSec',
    pattern: /^\s*TimeoutStopSec\s*=\s*(\S+)/m,
    files: /\.service$|\.conf$/,
  },
];

export function gracePeriod(project: ReadonlyMap<string, string>): GracePeriod {
  let best: GracePeriod | undefined;
  for (const [path, content] of project) {
    for (const source of SOURCES) {
      if (!source.files.test(path)) continue;
      const text = source.pattern.exec(content)?.[1];
      const seconds = text === undefined ? undefined : durationSeconds(text);
      if (seconds !== undefined && (!best || seconds < best.seconds)) {
        best = { seconds, source: `${path} ${source.name}` };
      }
    }
  }
  return best ?? { seconds: DEFAULT_SECONDS, source: 'no grace period stated: the usual 30 s' };
}
