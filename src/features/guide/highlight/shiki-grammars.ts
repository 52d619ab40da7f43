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
  javascript: { name: 'javascript', load: () => import('@shikijs/langs/javascript') },
  typescript: { name: 'typescript', load: () => import('@shikijs/langs/typescript') },
  jsx: { name: 'jsx', load: () => import('@shikijs/langs/jsx') },
  tsx: { name: 'tsx', load: () => import('@shikijs/langs/tsx') },
  python: { name: 'python', load: () => import('@shikijs/langs/python') },
  go: { name: 'go', load: () => import('@shikijs/langs/go') },
  java: { name: 'java', load: () => import('@shikijs/langs/java') },
  csharp: { name: 'csharp', load: () => import('@shikijs/langs/csharp') },
  rust: { name: 'rust', load: () => import('@shikijs/langs/rust') },
  sql: { name: 'sql', load: () => import('@shikijs/langs/sql') },
  yaml: { name: 'yaml', load: () => import('@shikijs/langs/yaml') },
  json: { name: 'json', load: () => import('@shikijs/langs/json') },
  bash: { name: 'shellscript', load: () => import('@shikijs/langs/shellscript') },
  dockerfile: { name: 'docker', load: () => import('@shikijs/langs/docker') },
  nginx: { name: 'nginx', load: () => import('@shikijs/langs/nginx') },
  toml: { name: 'toml', load: () => import('@shikijs/langs/toml') },
  ini: { name: 'ini', load: () => import('@shikijs/langs/ini') },
  hcl: { name: 'hcl', load: () => import('@shikijs/langs/hcl') },
  html: { name: 'html', load: () => import('@shikijs/langs/html') },
  xml: { name: 'xml', load: () => import('@shikijs/langs/xml') },
  css: { name: 'css', load: () => import('@shikijs/langs/css') },
  graphql: { name: 'graphql', load: () => import('@shikijs/langs/graphql') },
  proto: { name: 'proto', load: () => import('@shikijs/langs/proto') },
  markdown: { name: 'markdown', load: () => import('@shikijs/langs/markdown') },
};
