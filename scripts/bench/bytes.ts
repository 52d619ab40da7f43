import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One file a screen loaded, with its size raw, gzip (level 9) and brotli (quality 11). */
export interface LoadedFile {
  path: string;
  group: string;
  raw: number;
  gzip: number;
  brotli: number;
}

/**
 * What the chunk is, from its file name: the app's own code, React, the guide screen, the
 * highlighter's shiki core, a grammar, a theme, the compiled template …
 */
export function groupOf(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  if (name === 'index.html' || name === '') return 'html';
  if (name.endsWith('.css')) return `css (${name.replace(/-[\w-]{8}\.css$/, '')})`;
  if (/^index-/.test(name)) return 'app (entry: app shell, wizard, engine share)';
  if (/^react-/.test(name)) return 'react + react-dom';
  if (/^guide-screen-/.test(name)) return 'guide screen (guide UI, export actions)';
  if (/^guide\.worker-/.test(name))
    return 'guide worker (engine render, marked, compiled template)';
  if (/^render-here-/.test(name)) return 'engine render in the page (no-worker fallback)';
  if (/^plain-text-/.test(name)) return 'engine (shared by guide screen and fallback)';
  // scripts/template-plugin.ts: the template body specialised for the guide's choices.
  if (/^api-performance-optimization-/.test(name)) return 'template body for these choices';
  if (/^rolldown-runtime-/.test(name)) return 'bundler runtime';
  if (/^hl\//.test(path.replace(/^\/?assets\//, ''))) return 'precomputed highlight tokens';
  if (/^highlight\.worker-/.test(name)) return 'shiki core + JS regex engine (worker)';
  if (/^github-(light|dark)-/.test(name)) return `theme ${name.replace(/-[\w-]{8}\.js$/, '')}`;
  if (name.endsWith('.svg')) return 'icon';
  return `grammar ${name.replace(/-[\w-]{8}\.js$/, '')}`;
}

export async function measureFiles(dist: string, paths: readonly string[]): Promise<LoadedFile[]> {
  const files: LoadedFile[] = [];
  for (const path of [...new Set(paths)]) {
    const bytes = await readFile(join(dist, path === '/' ? 'index.html' : path));
    files.push({
      path,
      group: groupOf(path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        .length,
    });
  }
  return files.sort((a, b) => b.gzip - a.gzip);
}

export function total(
  files: readonly LoadedFile[],
  filter: (file: LoadedFile) => boolean = () => true,
) {
  const chosen = files.filter(filter);
  return {
    raw: chosen.reduce((sum, file) => sum + file.raw, 0),
    gzip: chosen.reduce((sum, file) => sum + file.gzip, 0),
    brotli: chosen.reduce((sum, file) => sum + file.brotli, 0),
  };
}

export const isScript = (file: LoadedFile) => file.path.endsWith('.js');
