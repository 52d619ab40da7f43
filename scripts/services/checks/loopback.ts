/** With HOST=127.0.0.1, nothing of the service listens on another interface. */
import type { ServiceContext } from '../context';
import { isLoopback, listeners } from '../listening';
import { fail, pass, skip, type Outcome } from '../results';

export function checkLoopback(ctx: ServiceContext): Outcome {
  if (!ctx.process) return skip('not running');
  const found = listeners(ctx.process.pid);
  const list = (items: typeof found): string =>
    items.map((item) => `${item.address}:${item.port} (${item.command} ${item.pid})`).join(', ');
  if (!ctx.env.host) {
    return skip(`the run script sets no HOST; it listens on ${list(found) || 'nothing'}`);
  }
  const open = found.filter((item) => !isLoopback(item.address));
  if (open.length > 0) return fail(`HOST=127.0.0.1, yet it listens on ${list(open)}`);
  return pass(`listens on ${list(found)}`);
}
