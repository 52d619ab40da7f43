import { MANIFEST_FILE } from './output-manifest';
import type { Blocked, OutputPlan } from './output-plan';
import type { Leftover } from './output-stage';

/** How many names a message lists before "and N more". */
const SHOWN = 6;

/** "a", "a and b", "a, b and c", or the first few and "and 12 more". */
export function listSome(items: readonly string[], shown = SHOWN): string {
  if (items.length > shown) {
    return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
  }
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** "that file", "those two files", "those 5 files". */
function thoseFiles(count: number): string {
  if (count === 1) return 'that file';
  return `those ${count === 2 ? 'two' : count} files`;
}

/** Why a folder with the user's files in it is refused without --force. */
export function refusalMessage(dir: string, plan: OutputPlan): string {
  const replaced = plan.replaceUser;
  const would =
    replaced.length === 0
      ? 'it would replace none of them'
      : `it would replace ${listSome(replaced)}`;
  const force =
    replaced.length === 0
      ? 'add --force to write there anyway (nothing of yours is touched)'
      : `add --force to replace ${thoseFiles(replaced.length)} (nothing else of yours is touched)`;
  // A manifest it did not take explains why files it lists show up as the user's.
  const manifest =
    plan.manifestProblem === undefined
      ? ''
      : `${MANIFEST_FILE} is not a manifest this command wrote (${plan.manifestProblem}), so none of the files it lists are taken for its own. `;
  return `${manifest}${dir} holds files this command did not write (${listSome(plan.foreign)}); ${would}. Choose an empty or new folder, or ${force}.`;
}

/** What another run's temporary folder holds, after its name. */
const LEFTOVER_HOLDS: Readonly<Record<Leftover['holds'], string>> = {
  moves: 'its old/ holds the files that run had moved aside, its new/ what it was writing',
  folder: 'it holds the new folder that run was building, nothing it had moved aside',
  nothing: 'it is empty',
};

/** Why a folder holding another run's temporary folder is refused, even with --force. */
export function leftoverMessage(dir: string, leftovers: readonly Leftover[]): string {
  const left = 'left by an api-perf-wizard that was interrupted (or is still running)';
  const [first, ...more] = leftovers;
  const what =
    first && more.length === 0
      ? `${first.name}/, a temporary folder ${left}; ${LEFTOVER_HOLDS[first.holds]}`
      : `${leftovers.length} temporary folders, each ${left}: ${leftovers
          .map((leftover) => `${leftover.name}/ (${LEFTOVER_HOLDS[leftover.holds]})`)
          .join('; ')}`;
  const moveBack = leftovers.some((leftover) => leftover.holds === 'moves')
    ? `move what you need from old/ back into ${dir}, then `
    : '';
  const it = more.length === 0 ? 'the folder' : 'them';
  return `${dir} holds ${what}. Nothing was written. If no other api-perf-wizard is running, ${moveBack}remove ${it} and run this again (--force does not skip this; this command never removes or reuses such a folder).`;
}

/** Why the output cannot go into a folder even with --force. */
export function blockedMessage(dir: string, blocked: readonly Blocked[]): string {
  const reasons = blocked.map(
    (item) => `${item.path} is ${item.kind} where it needs ${item.needs}`,
  );
  const them = blocked.length === 1 ? 'it' : 'them';
  return `cannot write the guide to ${dir}: ${listSome(reasons)}; move ${them} away or choose another folder (--force replaces only files)`;
}
