import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { guideFiles, loadTemplate, projectLayout, renderGuide } from '../../engine/index';
import { loadFixture } from '../../engine/testing/fixtures';
import { buildProjectZip, buildZip } from './build-zip';
import { zipModes } from './testing/zip-modes';

const seed = loadFixture('seed.md');
const seedGuide = renderGuide(seed, {
  api_architecture: 'rest',
  backend_technology: 'python',
  expected_load: 'medium',
  data_complexity: 'complex-queries',
  performance_targets: 'sub-500ms',
  infrastructure: 'cloud-native',
});

describe('buildZip', () => {
  it('holds exactly the guide files, byte for byte, and the share link', () => {
    const files = guideFiles(seed, seedGuide);
    const url = 'https://example.test/?api_architecture=rest';
    const unzipped = unzipSync(buildZip(files, url));

    expect(Object.keys(unzipped).sort()).toEqual(
      [...files.map((file) => file.path), 'share-link.txt'].sort(),
    );
    for (const file of files)
      expect(strFromU8(unzipped[file.path] ?? new Uint8Array())).toBe(file.content);
    expect(strFromU8(unzipped['share-link.txt'] ?? new Uint8Array())).toBe(`${url}\n`);
  });
});

describe('buildProjectZip', () => {
  it('holds exactly the project layout, byte for byte, scripts executable', () => {
    const template = loadTemplate(`---
name: zip_test
title: Zip test
description: A project with a script
category: testing
difficulty: easy
author: tests
version: 1.0.0
arguments:
  - name: backend
    description: Backend (nodejs, python)
    required: true
---
# Zip

## Run

\`\`\`bash
# scripts/run-local.sh
set -euo pipefail
exec node src/server.js
\`\`\`

\`\`\`javascript
// src/server.js
console.log('up');
\`\`\`
`);
    const guide = renderGuide(template, { backend: 'nodejs' });
    const files = projectLayout(template, guide);
    const zip = buildProjectZip(template, guide);
    const unzipped = unzipSync(zip);

    expect(Object.keys(unzipped)).toEqual(files.map((file) => file.path));
    for (const file of files) {
      expect(strFromU8(unzipped[file.path] ?? new Uint8Array()), file.path).toBe(file.content);
    }
    expect(Object.fromEntries(zipModes(zip))).toEqual({
      'README.md': 0o100644,
      'guide.md': 0o100644,
      'config.json': 0o100644,
      'scripts/run-local.sh': 0o100755,
      'src/server.js': 0o100644,
    });
  });

  it('lays out the same files as projectLayout for a real guide', () => {
    const unzipped = unzipSync(buildProjectZip(seed, seedGuide));
    const files = projectLayout(seed, seedGuide);
    expect(Object.keys(unzipped)).toEqual(files.map((file) => file.path));
  });
});
