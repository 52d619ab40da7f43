import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { guideFiles, renderGuide } from '../../engine/index';
import { loadFixture } from '../../engine/testing/fixtures';
import { buildZip } from './build-zip';

describe('buildZip', () => {
  it('holds exactly the guide files, byte for byte, and the share link', () => {
    const template = loadFixture('seed.md');
    const guide = renderGuide(template, {
      api_architecture: 'rest',
      backend_technology: 'python',
      expected_load: 'medium',
      data_complexity: 'complex-queries',
      performance_targets: 'sub-500ms',
      infrastructure: 'cloud-native',
    });
    const files = guideFiles(template, guide);
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
