/**
 * The guide's pgbouncer.ini made to run in a temporary folder: only where it listens, where
 * its auth file, log, pid file and socket are, and where [databases] points are rewritten.
 * Every pool and parameter setting stays as the guide wrote it.
 */

export interface IniTarget {
  listenPort: number;
  authFile: string;
  logFile: string;
  pidFile: string;
  socketDir: string;
  /** The throwaway PostgreSQL's port ([databases] entries point at 127.0.0.1 there). */
  postgresPort: number;
  /** Keys this PgBouncer does not know: commented out and reported, never silently. */
  drop?: ReadonlySet<string>;
}

export interface RewrittenIni {
  text: string;
  /** `key: old -> new` for every rewritten setting. */
  changes: string[];
  /** Keys commented out because this PgBouncer cannot read them. */
  dropped: string[];
}

/** auth_type values that work with a plain userlist file. */
const FILE_AUTH = new Set(['scram-sha-256', 'md5', 'plain', 'trust']);

const SETTING = /^(\s*)([A-Za-z_][\w.]*)(\s*=\s*)(.*?)\s*$/;

function pointAt(connection: string, port: number): string {
  let text = connection;
  text = /\bhost\s*=\s*\S+/.test(text)
    ? text.replace(/\bhost\s*=\s*\S+/, 'host=127.0.0.1')
    : `host=127.0.0.1 ${text}`;
  text = /\bport\s*=\s*\S+/.test(text)
    ? text.replace(/\bport\s*=\s*\S+/, `port=${port}`)
    : `${text} port=${port}`;
  return text.trim();
}

export function rewritePgbouncerIni(source: string, target: IniTarget): RewrittenIni {
  const forced: Record<string, string> = {
    listen_addr: '127.0.0.1',
    listen_port: String(target.listenPort),
    auth_file: target.authFile,
    logfile: target.logFile,
    pidfile: target.pidFile,
    unix_socket_dir: target.socketDir,
  };
  const changes: string[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  let section = '';
  const lines = source.split('\n').map((line) => {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      return line;
    }
    const setting = SETTING.exec(line);
    if (!setting || /^\s*[;#]/.test(line)) return line;
    const [, indent, key, equals, value] = setting as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (section === 'databases') {
      const pointed = pointAt(value, target.postgresPort);
      if (pointed !== value) changes.push(`[databases] ${key}: ${value} -> ${pointed}`);
      return `${indent}${key}${equals}${pointed}`;
    }
    if (section !== 'pgbouncer') return line;
    const name = key.toLowerCase();
    seen.add(name);
    if (target.drop?.has(name)) {
      dropped.push(`${key} = ${value}`);
      return `; dropped by the services harness (unknown to this PgBouncer): ${line.trim()}`;
    }
    let replacement = forced[name];
    if (name === 'auth_type' && !FILE_AUTH.has(value.toLowerCase())) replacement = 'scram-sha-256';
    if (name === 'auth_hba_file' || name === 'auth_query' || name === 'auth_user') {
      // These need a pg_hba file or a lookup role the guide's setup does not give a fresh cluster.
      dropped.push(`${key} = ${value}`);
      return `; dropped by the services harness (needs the guide's own auth setup): ${line.trim()}`;
    }
    if (replacement === undefined || replacement === value) return line;
    changes.push(`${key}: ${value} -> ${replacement}`);
    return `${indent}${key}${equals}${replacement}`;
  });
  const missing = Object.entries(forced).filter(([key]) => !seen.has(key));
  if (missing.length > 0) {
    const at = lines.findIndex((line) => /^\s*\[pgbouncer\]\s*$/i.test(line));
    const added = missing.map(([key, value]) => `${key} = ${value}`);
    if (at >= 0) lines.splice(at + 1, 0, ...added);
    else lines.push('[pgbouncer]', ...added);
    for (const line of added) changes.push(`added ${line}`);
  }
  return { text: lines.join('\n'), changes, dropped };
}
