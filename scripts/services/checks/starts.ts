/** The run script's exec line starts and listens on its PORT (or, without one, on some port). */
import { readFileSync } from 'node:fs';
import { logTail, type ServiceContext } from '../context';
import { listeners } from '../listening';
import { start } from '../processes';
import { fail, pass, type Outcome } from '../results';
import { portOpen, waitFor } from '../wait';

/** How long a service may take to listen after its exec line starts. */
export const START_MS = 45_000;

export async function checkStarts(
  ctx: ServiceContext,
  scriptFile: string,
  env: NodeJS.ProcessEnv,
): Promise<Outcome> {
  const service = start(ctx.plan.name, 'bash', [scriptFile], ctx.log, { cwd: ctx.projectDir, env });
  ctx.process = service;
  const wanted = ctx.env.port;
  const port = await waitFor(
    async () => {
      if (service.exit) return null;
      if (wanted !== undefined) return (await portOpen(wanted)) ? wanted : undefined;
      return listeners(service.pid)[0]?.port;
    },
    START_MS,
    100,
  );
  const tail = (): string => logTail(readFileSync(ctx.log, 'utf8'));
  if (port === null || service.exit) {
    return fail(`exited ${service.exit?.code ?? service.exit?.signal} before listening: ${tail()}`);
  }
  if (port === undefined) {
    const other = listeners(service.pid)
      .map((item) => `${item.address}:${item.port}`)
      .join(', ');
    const where = other ? ` (it listens on ${other})` : '';
    return fail(
      `nothing answered on PORT=${wanted} within ${START_MS / 1000} s${where}: ${tail()}`,
    );
  }
  ctx.port = port;
  return pass(`${ctx.plan.run.exec} → listening on 127.0.0.1:${port}`);
}

/** The process is still running after every other check. */
export function checkStaysUp(ctx: ServiceContext): Outcome {
  const service = ctx.process!;
  if (!service.exit) return pass(`pid ${service.pid} up through every check`);
  const how = service.exit.code ?? service.exit.signal;
  return fail(`exited ${how} during the checks: ${logTail(readFileSync(ctx.log, 'utf8'))}`);
}
