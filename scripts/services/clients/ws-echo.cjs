// Connects to a WebSocket server, sends one text message, waits for one message back and prints
// the outcome as JSON. Run by the services harness with the harness's own `ws` package.
//   node ws-echo.cjs ws://127.0.0.1:PORT/path?room=x MESSAGE TIMEOUT_MS
'use strict';
const { createRequire } = require('node:module');
const path = require('node:path');

const load = createRequire(path.join(__dirname, '..', 'node', 'package.json'));
const { WebSocket } = load('ws');
const [url, message, timeout] = process.argv.slice(2);

const started = Date.now();
const finish = (result) => {
  process.stdout.write(`${JSON.stringify({ ...result, ms: Date.now() - started })}\n`);
  process.exit(0);
};
setTimeout(
  () => finish({ ok: false, why: `no message back within ${timeout} ms` }),
  Number(timeout),
);
const socket = new WebSocket(url);
socket.on('open', () => socket.send(message));
socket.on('message', (data) => {
  socket.close(1000);
  finish({ ok: true, received: String(data).slice(0, 200) });
});
socket.on('unexpected-response', (req, res) =>
  finish({ ok: false, why: `HTTP ${res.statusCode}` }),
);
socket.on('close', (code, reason) =>
  finish({ ok: false, why: `closed ${code} ${String(reason)}` }),
);
socket.on('error', (error) => finish({ ok: false, why: error.message }));
