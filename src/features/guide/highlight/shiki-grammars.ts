import type { LanguageRegistration } from 'shiki/core';
import type { LanguageId } from '../../../engine/index';

type GrammarModule = { default: LanguageRegistration[] };

/** A shiki grammar for one of the engine's languages: its name in shiki and how to load it. */
export interface Grammar {
  name: string;
  load: () => Promise<GrammarModule>;
}

/**
 * The grammars the guide can need, each its own chunk, loaded the first time a block of that
 * language is highlighted. Literal import() calls, so the bundler sees every one of them.
 * Plain text has no grammar.
 */
export const GRAMMARS: Readonly<Record<Exclude<LanguageId, 'text'>, Grammar>> = {
  javascript: { name: 'javascript', load: () => import('@shikijs/langs-precompiled/javascript') },
  typescript: { name: 'typescript', load: () => import('@shikijs/langs-precompiled/typescript') },
  jsx: { name: 'jsx', load: () => import('@shikijs/langs-precompiled/jsx') },
  tsx: { name: 'tsx', load: () => import('@shikijs/langs-precompiled/tsx') },
  python: { name: 'python', load: () => import('@shikijs/langs-precompiled/python') },
  go: { name: 'go', load: () => import('@shikijs/langs-precompiled/go') },
  java: { name: 'java', load: () => import('@shikijs/langs-precompiled/java') },
  csharp: { name: 'csharp', load: () => import('@shikijs/langs-precompiled/csharp') },
  rust: { name: 'rust', load: () => import('@shikijs/langs-precompiled/rust') },
  sql: { name: 'sql', load: () => import('@shikijs/langs-precompiled/sql') },
  yaml: { name: 'yaml', load: () => import('@shikijs/langs-precompiled/yaml') },
  json: { name: 'json', load: () => import('@shikijs/langs-precompiled/json') },
  bash: { name: 'shellscript', load: () => import('@shikijs/langs-precompiled/shellscript') },
  dockerfile: { name: 'docker', load: () => import('@shikijs/langs-precompiled/docker') },
  nginx: { name: 'nginx', load: () => import('@shikijs/langs-precompiled/nginx') },
  toml: { name: 'toml', load: () => import('@shikijs/langs-precompiled/toml') },
  ini: { name: 'ini', load: () => import('@shikijs/langs-precompiled/ini') },
  hcl: { name: 'hcl', load: () => import('@shikijs/langs-precompiled/hcl') },
  html: { name: 'html', load: () => import('@shikijs/langs-precompiled/html') },
  xml: { name: 'xml', load: () => import('@shikijs/langs-precompiled/xml') },
  css: { name: 'css', load: () => import('@shikijs/langs-precompiled/css') },
  graphql: { name: 'graphql', load: () => import('@shikijs/langs-precompiled/graphql') },
  proto: { name: 'proto', load: () => import('@shikijs/langs-precompiled/proto') },
  markdown: { name: 'markdown', load: () => import('@shikijs/langs-precompiled/markdown') },
};
