import { describe, expect, it } from 'vitest';
import { encodeConfigFile } from '../../engine/index';
import { loadFixture } from '../../engine/testing/fixtures';
import { readConfigFile } from './read-config-file';

const template = loadFixture('seed.md');
const choices = {
  api_architecture: 'graphql',
  backend_technology: 'rust',
  expected_load: 'extreme',
  data_complexity: 'analytics',
  performance_targets: 'throughput-focused',
  infrastructure: 'serverless',
};

describe('readConfigFile', () => {
  it('reads a downloaded config back to the same choices', async () => {
    const file = new File([encodeConfigFile(template, choices)], 'config.json');
    const { fileName, decoded } = await readConfigFile(template, file);
    expect(fileName).toBe('config.json');
    expect(decoded).toMatchObject({ fatal: false, problems: [], complete: choices });
  });

  it('accepts a byte-order mark', async () => {
    const file = new File([`\uFEFF${encodeConfigFile(template, choices)}`], 'bom.json');
    expect((await readConfigFile(template, file)).decoded.complete).toEqual(choices);
  });

  it('rejects a file over 64 KB by its size, before reading it', async () => {
    const file = new File(['x'.repeat(64 * 1024 + 1)], 'big.json');
    file.arrayBuffer = () => Promise.reject(new Error('must not be read'));
    const { decoded } = await readConfigFile(template, file);
    expect(decoded.fatal).toBe(true);
    expect(decoded.problems).toMatchObject([{ kind: 'oversized', limit: 64 * 1024 }]);
  });

  it.each([
    ['binary data', new Uint8Array([0x7b, 0x00, 0x7d])],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
  ])('rejects a file that is not text: %s', async (_, bytes) => {
    const { decoded } = await readConfigFile(template, new File([bytes], 'x.json'));
    expect(decoded).toMatchObject({ fatal: true, given: {}, problems: [{ kind: 'bad-encoding' }] });
  });

  it('passes broken JSON to the engine, which locates the error', async () => {
    const file = new File(['{\n  "template": "x"\n  "version": "1"\n}'], 'broken.json');
    const { decoded } = await readConfigFile(template, file);
    expect(decoded.problems).toMatchObject([{ kind: 'not-json', line: 3, column: 3 }]);
  });
});
