import { describe, expect, it } from 'vitest';
import { rewritePgbouncerIni } from './pgbouncer-ini';

const INI = `; pgbouncer/pgbouncer.ini
[databases]
app = host=db.internal port=5432 dbname=app

[pgbouncer]
listen_addr = 0.0.0.0
listen_port = 6432
auth_type = scram-sha-256
auth_file = /etc/pgbouncer/userlist.txt
pool_mode = transaction
default_pool_size = 20
max_prepared_statements = 200
ignore_startup_parameters = extra_float_digits
`;

const TARGET = {
  listenPort: 40001,
  authFile: '/tmp/x/userlist.txt',
  logFile: '/tmp/x/pgbouncer.log',
  pidFile: '/tmp/x/pgbouncer.pid',
  socketDir: '/tmp/x',
  postgresPort: 40002,
};

describe('rewritePgbouncerIni', () => {
  it('rewrites where it listens, its files and [databases], and keeps every other setting', () => {
    const { text, changes } = rewritePgbouncerIni(INI, TARGET);
    const lines = text.split('\n');
    expect(lines).toContain('app = host=127.0.0.1 port=40002 dbname=app');
    expect(lines).toContain('listen_addr = 127.0.0.1');
    expect(lines).toContain('listen_port = 40001');
    expect(lines).toContain('auth_file = /tmp/x/userlist.txt');
    for (const kept of [
      'auth_type = scram-sha-256',
      'pool_mode = transaction',
      'default_pool_size = 20',
      'max_prepared_statements = 200',
      'ignore_startup_parameters = extra_float_digits',
    ]) {
      expect(lines).toContain(kept);
    }
    expect(changes).toContain('added logfile = /tmp/x/pgbouncer.log');
  });

  it('comments out, and reports, settings this PgBouncer does not know', () => {
    const { text, dropped } = rewritePgbouncerIni(INI, {
      ...TARGET,
      drop: new Set(['max_prepared_statements']),
    });
    expect(dropped).toEqual(['max_prepared_statements = 200']);
    expect(text).not.toMatch(/^max_prepared_statements/m);
  });
});
