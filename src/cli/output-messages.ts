import type { Blocked, OutputPlan } from './output-plan';

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
  return `${dir} holds files this command did not write (${listSome(plan.foreign)}); ${would}. Choose an empty or new folder, or ${force}.`;
}

/** Why the output cannot go into a folder even with --force. */
export function blockedMessage(dir: string, blocked: readonly Blocked[]): string {
  const reasons = blocked.map(
    (item) => `${item.path} is ${item.kind} where it needs ${item.needs}`,
  );
  const them = blocked.length === 1 ? 'it' : 'them';
  return `cannot write the guide to ${dir}: ${listSome(reasons)}; move ${them} away or choose another folder (--force replaces only files)`;
}
