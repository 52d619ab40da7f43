// Loads the guide's .proto, calls the first unary method of its first service and prints the
// outcome as JSON. The request sets every string field to "1" and every number to 1 (an id the
// harness's database may hold), nothing else. Run by the services harness with its own packages.
//   node grpc-call.cjs PROTO_FILE INCLUDE_DIR 127.0.0.1:PORT TIMEOUT_MS
'use strict';
const { createRequire } = require('node:module');
const path = require('node:path');

const load = createRequire(path.join(__dirname, '..', 'node', 'package.json'));
const grpc = load('@grpc/grpc-js');
const protoLoader = load('@grpc/proto-loader');
const [protoFile, includeDir, address, timeout] = process.argv.slice(2);

const finish = (result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
};
const definition = protoLoader.loadSync(protoFile, {
  includeDirs: [includeDir],
  keepCase: false,
  defaults: true,
});
const service = Object.entries(definition).find(([, value]) =>
  Object.values(value).some((method) => method && method.requestStream === false),
);
if (!service) finish({ ok: false, why: 'the proto defines no service with a unary method' });
const [serviceName, methods] = service;
const [methodName, method] = Object.entries(methods).find(
  ([, value]) => value.requestStream === false && value.responseStream === false,
);
const Client = grpc.makeGenericClientConstructor({ [methodName]: method }, serviceName);
const client = new Client(address, grpc.credentials.createInsecure());
const started = Date.now();
const request = {};
for (const field of method.requestType.type.field ?? []) {
  if (field.label === 'LABEL_REPEATED') continue;
  if (field.type === 'TYPE_STRING') request[field.name] = '1';
  else if (/^TYPE_(U?INT|SINT|FIXED|SFIXED)(32|64)$/.test(field.type)) request[field.name] = 1;
}
client[methodName](request, { deadline: Date.now() + Number(timeout) }, (error, reply) => {
  const code = error ? error.code : 0;
  finish({
    method: `${serviceName}/${methodName}`,
    request,
    code,
    status: Object.keys(grpc.status).find((name) => grpc.status[name] === code),
    message: error ? error.details : JSON.stringify(reply).slice(0, 200),
    ms: Date.now() - started,
  });
});
