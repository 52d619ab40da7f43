/** Free TCP ports on 127.0.0.1, never handed out twice in one run. */
import { createServer } from 'node:net';

const given = new Set<number>();

function askKernel(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** A port nothing listens on now, distinct from every port given before in this run. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await askKernel();
    if (!given.has(port)) {
      given.add(port);
      return port;
    }
  }
  throw new Error('no free port found in 50 attempts');
}
