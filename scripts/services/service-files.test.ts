import { describe, expect, it } from 'vitest';
import { findRoutes, healthRoute } from './routes';
import { execEntries, serviceFiles } from './service-files';

const NODE = new Map([
  ['src/server.js', "const { app } = require('./app');\nconst os = require('node:os');\n"],
  [
    'src/app.js',
    "const express = require('express');\nconst { pool } = require('./db-pool');\napp.get('/health', h);\napp.get('/api/users/:id', u);\n",
  ],
  ['src/db-pool.js', "const { Pool } = require('pg');\n"],
  ['src/unused.js', "require('lodash');\n"],
  [
    'src/graphql/server.ts',
    "import { createYoga } from 'graphql-yoga';\nimport type { Pool } from 'pg';\nimport { loaders } from './loaders.js';\nreadFileSync(new URL('./schema.graphql', import.meta.url));\n",
  ],
  ['src/graphql/loaders.ts', "import DataLoader from 'dataloader';\n"],
  ['src/graphql/schema.graphql', 'type Query { ok: Boolean }\n'],
]);

const PYTHON = new Map([
  [
    'app/main.py',
    'from fastapi import FastAPI\nfrom app.cache import TwoLevelCache\nfrom .metrics import LATENCY\n@app.get("/health")\n@app.get("/api/users/{user_id}")\n',
  ],
  ['app/cache.py', 'import json\n'],
  ['app/metrics.py', 'import prometheus_client\n'],
  ['app/unused.py', ''],
  ['gunicorn.conf.py', 'bind = "0.0.0.0:8080"\n'],
]);

describe('serviceFiles', () => {
  it('follows require, import (.js naming .ts) and files named in strings, and lists the packages', () => {
    const main = serviceFiles(NODE, execEntries(NODE, 'node src/server.js'));
    expect(main.files).toEqual(['src/app.js', 'src/db-pool.js', 'src/server.js']);
    expect([...main.packages.keys()]).toEqual(['express', 'pg']);
    const graphql = serviceFiles(NODE, execEntries(NODE, 'npx tsx src/graphql/server.ts'));
    expect(graphql.files).toEqual([
      'src/graphql/loaders.ts',
      'src/graphql/schema.graphql',
      'src/graphql/server.ts',
    ]);
    // A type-only import is not a run-time dependency.
    expect([...graphql.packages.keys()]).toEqual(['graphql-yoga', 'dataloader']);
  });

  it('reads a Python entry from module:attr and follows absolute and relative imports', () => {
    const entries = execEntries(PYTHON, '.venv/bin/gunicorn -c gunicorn.conf.py app.main:app');
    expect(entries).toEqual(['gunicorn.conf.py', 'app/main.py']);
    expect(serviceFiles(PYTHON, entries).files).toEqual([
      'app/cache.py',
      'app/main.py',
      'app/metrics.py',
      'gunicorn.conf.py',
    ]);
  });
});

describe('findRoutes', () => {
  it('finds Express and FastAPI GET routes and fills in their parameters', () => {
    const node = findRoutes(NODE, ['src/app.js']);
    expect(node.map((route) => route.path)).toEqual(['/health', '/api/users/1']);
    expect(healthRoute(node)?.pattern).toBe('/health');
    const python = findRoutes(PYTHON, ['app/main.py']);
    expect(python.map((route) => [route.pattern, route.parameterised])).toEqual([
      ['/health', false],
      ['/api/users/{user_id}', true],
    ]);
  });

  it('finds node:http branches on req.url', () => {
    const files = new Map([
      ['s.ts', "if (req.url === '/livez') {} else if (req.url === '/health') {}"],
    ]);
    expect(findRoutes(files, ['s.ts']).map((route) => route.path)).toEqual(['/livez', '/health']);
  });
});
