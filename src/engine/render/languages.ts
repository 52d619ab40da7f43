/** The languages the engine recognises in code blocks, with their file conventions. */

export const LANGUAGE_IDS = [
  'javascript',
  'typescript',
  'jsx',
  'tsx',
  'python',
  'go',
  'java',
  'csharp',
  'rust',
  'sql',
  'yaml',
  'json',
  'bash',
  'dockerfile',
  'nginx',
  'toml',
  'ini',
  'hcl',
  'html',
  'xml',
  'css',
  'graphql',
  'proto',
  'markdown',
  'text',
] as const;

export type LanguageId = (typeof LANGUAGE_IDS)[number];

/** How a language's files are conventionally named. */
export type NameStyle = 'kebab' | 'snake' | 'pascal';

export interface LanguageInfo {
  /** Human name, e.g. "C#". */
  label: string;
  /** Extension of a downloaded snippet, without the dot. */
  extension: string;
  /** Other extensions a file of this language may carry. */
  extensions: readonly string[];
  style: NameStyle;
  /** Fence labels that mean this language. */
  aliases: readonly string[];
}

const info = (
  label: string,
  extension: string,
  style: NameStyle,
  aliases: readonly string[] = [],
  extensions: readonly string[] = [],
): LanguageInfo => ({ label, extension, style, aliases, extensions: [extension, ...extensions] });

export const LANGUAGES: Readonly<Record<LanguageId, LanguageInfo>> = {
  javascript: info(
    'JavaScript',
    'js',
    'kebab',
    ['js', 'node', 'nodejs', 'mjs', 'cjs', 'k6'],
    ['mjs', 'cjs'],
  ),
  typescript: info('TypeScript', 'ts', 'kebab', ['ts', 'mts', 'cts'], ['mts', 'cts']),
  jsx: info('JSX', 'jsx', 'kebab', ['react']),
  tsx: info('TSX', 'tsx', 'kebab'),
  python: info('Python', 'py', 'snake', ['py', 'python3', 'py3']),
  go: info('Go', 'go', 'snake', ['golang']),
  java: info('Java', 'java', 'pascal'),
  csharp: info('C#', 'cs', 'pascal', ['cs', 'c#', 'dotnet', 'c-sharp']),
  rust: info('Rust', 'rs', 'snake', ['rs']),
  sql: info('SQL', 'sql', 'snake', ['postgres', 'postgresql', 'psql', 'pgsql', 'mysql', 'plpgsql']),
  yaml: info('YAML', 'yaml', 'kebab', ['yml'], ['yml']),
  json: info('JSON', 'json', 'kebab', ['jsonc', 'json5']),
  bash: info(
    'Shell',
    'sh',
    'kebab',
    ['sh', 'shell', 'shellscript', 'zsh', 'console', 'terminal'],
    ['bash'],
  ),
  dockerfile: info('Dockerfile', 'Dockerfile', 'kebab', ['docker', 'containerfile']),
  nginx: info('nginx', 'conf', 'kebab', ['nginxconf']),
  toml: info('TOML', 'toml', 'kebab'),
  ini: info(
    'INI',
    'ini',
    'kebab',
    ['cfg', 'conf', 'properties', 'dosini', 'systemd'],
    [
      'cfg',
      'conf',
      'properties',
      // systemd units are INI files: api.service downloads under its own name.
      'service',
      'socket',
      'timer',
      // KEY=value environment files (api.env), which systemd, Compose and kubectl all read.
      'env',
    ],
  ),
  hcl: info('HCL', 'tf', 'snake', ['terraform', 'tf'], ['hcl']),
  html: info('HTML', 'html', 'kebab', ['htm']),
  xml: info('XML', 'xml', 'kebab', ['svg'], ['csproj', 'fsproj', 'props', 'targets', 'config']),
  css: info('CSS', 'css', 'kebab', ['scss', 'less']),
  graphql: info('GraphQL', 'graphql', 'kebab', ['gql'], ['gql']),
  proto: info('Protocol Buffers', 'proto', 'snake', ['protobuf']),
  markdown: info('Markdown', 'md', 'kebab', ['md']),
  text: info('Plain text', 'txt', 'kebab', ['txt', 'plaintext', 'plain', 'none', 'output']),
};

const BY_ALIAS = new Map<string, LanguageId>(
  LANGUAGE_IDS.flatMap((id) => [
    [id, id] as const,
    ...LANGUAGES[id].aliases.map((alias) => [alias, id] as const),
  ]),
);

/** The language a fence label names (`js`, `yml`, `golang` …), if the engine knows it. */
export function languageFromFence(label: string | undefined): LanguageId | undefined {
  const word = label?.trim().split(/[\s{]/)[0]?.toLowerCase();
  return word ? BY_ALIAS.get(word) : undefined;
}
