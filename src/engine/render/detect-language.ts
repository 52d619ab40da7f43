import { languageFromFence, type LanguageId } from './languages';

type Signature = readonly [pattern: RegExp, weight: number];

/**
 * Line signatures per language. A line scores for a language with the weight of the
 * strongest of its signatures it matches; a block's score is the sum over its lines.
 */
const SIGNATURES: Partial<Record<LanguageId, readonly Signature[]>> = {
  python: [
    [/^\s*(?:from\s+[\w.]+\s+import\s|import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*\s*$)/, 3],
    [/^\s*(?:async\s+)?def\s+\w+\s*\(/, 3],
    [/^\s*class\s+\w+(?:\([^)]*\))?\s*:\s*$/, 3],
    [/^\s*@[\w.]+(?:\(.*\))?\s*$/, 1],
    [/^\s*(?:if|elif|for|while|with|try|except|finally|else)\b.*:\s*(?:#.*)?$/, 1],
    [/\bself\.\w+/, 1],
    [/^\s*(?:return|await|raise|yield)\b/, 0.5],
    [/\b(?:None|True|False)\b/, 0.5],
    [/^\s*#(?!!)/, 0.2],
  ],
  go: [
    [/^package\s+\w+\s*$/, 6],
    [/^import\s+(?:\(|"[\w./-]+")/, 4],
    [/^\s*func\s+(?:\([^)]*\)\s*)?\w+\s*\(/, 3],
    [/\w\s*:=\s*/, 2],
    [/\b(?:err\s*!=\s*nil|interface\{\}|chan\s+\w|go\s+func|defer\s+\w)/, 2],
    [/^\s*type\s+\w+\s+(?:struct|interface)\s*\{/, 3],
    [/^\s*"[\w./-]+"\s*$/, 0.5],
    [/^\s*\/\//, 0.2],
  ],
  javascript: [
    [/^\s*(?:const|let|var)\s+[\w{[\]},\s]+=/, 2],
    [/\brequire\(\s*['"][^'"]+['"]\s*\)/, 3],
    [/^\s*import\s+.*\s+from\s+['"][^'"]+['"];?\s*$/, 3],
    [/^\s*export\s+(?:default|const|function|async|class)\b/, 2],
    [/=>\s*[{(]?/, 1],
    [/\b(?:console\.\w+|module\.exports|process\.env|JSON\.stringify|new Promise)\b/, 2],
    [/^\s*(?:async\s+)?function\s*\w*\s*\(/, 2],
    [/===|!==/, 1],
    [/;\s*$/, 0.3],
    [/^\s*\/\//, 0.2],
  ],
  java: [
    [/^package\s+[\w.]+;\s*$/, 6],
    [/^import\s+(?:static\s+)?[\w.]+(?:\.\*)?;\s*$/, 4],
    [
      /^\s*(?:public|private|protected)\s+(?:static\s+)?(?:final\s+)?(?:class|interface|enum|record)\s+\w+/,
      3,
    ],
    [
      /^\s*(?:public|private|protected)\s+(?:static\s+)?(?:final\s+)?[\w<>[\],\s?]+\s+\w+\s*\([^)]*\)\s*(?:throws\s+[\w.,\s]+)?\{?\s*$/,
      3,
    ],
    [
      /^\s*@(?:Override|Bean|Component|Service|Configuration|RestController|GetMapping|PostMapping|Autowired|Value|Cacheable|Transactional)\b/,
      3,
    ],
    [/\b(?:System\.out|String\[\]|new\s+\w+<[^>]*>\(|Optional<|List<|Map<)/, 1],
    [/^\s*(?:private|protected)\s+(?:final\s+)?[\w<>,\s]+\s+\w+\s*(?:=.*)?;\s*$/, 2],
  ],
  csharp: [
    [/^using\s+(?:static\s+)?[\w.]+;\s*$/, 5],
    [/^\s*namespace\s+[\w.]+\s*[;{]?\s*$/, 5],
    [
      /\b(?:builder\.Services|WebApplication\.|app\.Map(?:Get|Post|Put|Delete)?\(|IServiceCollection|async\s+Task)\b/,
      3,
    ],
    [/^\s*\[(?:HttpGet|HttpPost|ApiController|Route)\b/, 3],
    [
      /^\s*(?:public|internal|private)\s+(?:sealed\s+|static\s+|partial\s+|abstract\s+)*(?:class|record|struct|interface)\s+\w+/,
      2,
    ],
    [/\b(?:string|int|bool|var)\s+\w+\s*=\s*.*;\s*$/, 0.5],
    [/\{\s*get;\s*(?:set;|init;)?\s*\}/, 3],
  ],
  rust: [
    [/^\s*use\s+[\w:]+(?:::\{[^}]*\}|::\*)?;\s*$/, 4],
    [/^\s*(?:pub(?:\([\w]+\))?\s+)?(?:async\s+)?fn\s+\w+/, 3],
    [/^\s*let\s+(?:mut\s+)?\w+(?::\s*[\w<>&]+)?\s*=/, 2],
    [/^\s*(?:impl|struct|enum|trait|mod)\b\s*[\w<]/, 2],
    [/^\s*#\[(?:derive|tokio::main|test|async_trait|cfg)/, 4],
    [/\.await\b|\.unwrap\(\)|::new\(|&str\b|Vec<|Option<|Result<|\bArc<|\?;\s*$/, 1],
  ],
  sql: [
    [
      /^\s*(?:SELECT|INSERT\s+INTO|UPDATE\s+\w+|DELETE\s+FROM|CREATE\s+(?:UNIQUE\s+|OR\s+REPLACE\s+|MATERIALIZED\s+)?(?:TABLE|INDEX|VIEW|FUNCTION|TRIGGER|EXTENSION|SCHEMA)|ALTER\s+\w+|DROP\s+\w+|WITH\s+\w+\s+AS|EXPLAIN|VACUUM|ANALYZE|REFRESH\s+MATERIALIZED|GRANT|BEGIN|COMMIT)\b/,
      3,
    ],
    [
      /^\s*(?:select|insert\s+into|create\s+(?:unique\s+)?(?:table|index)|delete\s+from|alter\s+table)\b/,
      3,
    ],
    [
      /^\s*(?:FROM|WHERE|JOIN|LEFT\s+JOIN|GROUP\s+BY|ORDER\s+BY|LIMIT|VALUES|SET|ON|AND|OR|RETURNING|PARTITION\s+BY|INCLUDE)\b/,
      1.5,
    ],
    [/^\s*--/, 0.8],
    [/;\s*$/, 0.3],
  ],
  yaml: [
    [
      /^\s*(?:-\s+)?[A-Za-z_][\w.-]*:(?:\s+(?:[^\s,;{(][^;]*?|"[^"]*"|'[^']*'|\[[^\]]*\]|\{[^}]*\}|[|>][-+]?))?\s*(?:#.*)?$/,
      1,
    ],
    [/^\s*-\s+(?:"[^"]*"|'[^']*'|[\w./:-]+)\s*$/, 0.7],
    [/^---\s*$/, 1],
    [/^\s*#(?!!)/, 0.2],
  ],
  bash: [
    [/^#!.*\b(?:ba|z|da)?sh\b/, 6],
    [
      /^\s*(?:sudo|apt-get|apt|yum|dnf|brew|npm|npx|yarn|pnpm|pip3?|docker|kubectl|helm|curl|wget|echo|export|cd|mkdir|chmod|chown|systemctl|sysctl|ulimit|git|make|cargo|dotnet|mvn|gradle|aws|gcloud|az|terraform|k6|wrk|ab|hey|psql|redis-cli|source|set|cat|ln|cp|mv|rm|tee)\s+\S/,
      2,
    ],
    [/^\s*(?:if\s+\[|then|fi|for\s+\w+\s+in|do|done|esac)\b/, 2],
    [/^(?:export\s+)?[A-Z_][A-Z0-9_]*=\S*$/, 1],
    [/\$\{?\w+\}?|\$\(/, 0.5],
    [/\s(?:&&|\|\|)\s|\s\|\s*\w/, 0.5],
    [/^\s*#(?!!)/, 0.2],
  ],
  dockerfile: [
    [/^FROM\s+[\w./-]+(?::[\w.-]+|@sha256:\w+)?(?:\s+AS\s+\w+)?\s*$/i, 2],
    [
      /^(?:RUN|COPY|ADD|CMD|ENTRYPOINT|WORKDIR|EXPOSE|USER|HEALTHCHECK|ARG|ENV|LABEL|STOPSIGNAL|VOLUME)\s+\S/,
      3,
    ],
  ],
  nginx: [
    [/^\s*(?:server|location|upstream|http|events|map|stream)\b[^;{]*\{\s*$/, 3],
    [
      /^\s*(?:listen|server_name|proxy_pass|proxy_set_header|proxy_\w+|worker_processes|worker_connections|worker_rlimit_nofile|keepalive(?:_timeout|_requests)?|gzip\w*|root|include|add_header|limit_req\w*|limit_conn\w*|sendfile|tcp_nopush|tcp_nodelay|client_max_body_size|ssl_\w+|expires|return)\s+[^;]*;\s*$/,
      2,
    ],
  ],
  toml: [
    [/^\s*\[\[?[\w.-]+\]\]?\s*$/, 2],
    [/^\s*[\w.-]+\s*=\s*(?:"[^"]*"|'[^']*'|\d[\w.:-]*|true|false|\[.*\]|\{.*\})\s*(?:#.*)?$/, 1.5],
  ],
  ini: [
    [/^\s*\[[\w .-]+\]\s*$/, 2],
    [/^\s*[\w.-]+\s*=\s*[^"'\s][^=]*$/, 0.5],
    [/^\s*;/, 0.3],
  ],
  hcl: [
    [
      /^\s*(?:resource|variable|provider|module|output|data|locals|terraform)\s*(?:"[\w-]+"\s*)*\{\s*$/,
      4,
    ],
    [/^\s*[\w-]+\s*=\s*(?:var|local|module|data)\.[\w.]+/, 2],
  ],
  html: [
    [
      /^\s*<(?:!DOCTYPE|html|head|body|div|span|p|a|ul|li|script|style|link|meta|section|main|header|footer|table)\b[^>]*>/i,
      2,
    ],
  ],
  xml: [
    [/^\s*<\?xml\b/, 6],
    [/^\s*<[\w:.-]+(?:\s+[\w:.-]+="[^"]*")*\s*\/?>.*$/, 1],
  ],
  css: [
    [/^\s*(?:@media|@import|@font-face|:root|[.#]?[\w-]+(?:[\s>+~,]+[.#]?[\w-]+)*)\s*\{\s*$/, 1.5],
    [/^\s*--?[\w-]+\s*:\s*[^;]+;\s*$/, 1],
  ],
  graphql: [
    [
      /^\s*(?:type|input|enum|union|scalar|extend\s+type)\s+\w+(?:\s+implements\s+[\w&\s]+)?\s*\{?\s*$/,
      3,
    ],
    [/^\s*(?:query|mutation|subscription|fragment)\s+\w+[^=]*\{\s*$/, 3],
    [/^\s*\w+(?:\([^)]*\))?\s*:\s*\[?\w+!?\]?!?\s*$/, 1],
  ],
  proto: [
    [/^syntax\s*=\s*"proto[23]";/, 8],
    [/^\s*(?:message|service|enum)\s+\w+\s*\{\s*$/, 2],
    [/^\s*rpc\s+\w+\s*\(/, 3],
    [/^\s*(?:repeated\s+|optional\s+)?[\w.]+\s+\w+\s*=\s*\d+\s*;/, 2],
  ],
};

const TYPESCRIPT_ONLY: readonly RegExp[] = [
  /^\s*(?:export\s+)?(?:interface|type)\s+\w+(?:<[^>]*>)?\s*(?:=|\{|extends)/,
  /\w\s*:\s*(?:string|number|boolean|unknown|any|void|never|Promise<|Record<|Array<|readonly\s)/,
  /\b(?:as\s+const|implements\s+\w|private\s+readonly|public\s+readonly|enum\s+\w+\s*\{)/,
  /^\s*import\s+type\s/,
];

const JSX =
  /(?:^|[\s({=?:])<(?:[A-Z][\w.]*|div|span|button|section|ul|li|p|h[1-6]|svg|path)(?:\s+[\w-]+=|\s*\/?>)|<\/[A-Za-z][\w.]*>|\bclassName=/;

const HINT_BONUS = (lines: number): number => 3 + lines * 0.1;
/** Enough lines to tell languages apart; more only costs time. */
const SAMPLE_LINES = 120;
/** Longer lines are cut before matching, so no pattern can backtrack over a huge line. */
const SAMPLE_LINE_LENGTH = 240;
const CACHE_SIZE = 512;
const cache = new Map<string, LanguageId>();

/**
 * The language a code block is actually written in: detected from its content, with the
 * fence label as a hint that wins when the content is ambiguous.
 */
export function detectLanguage(code: string, fence?: string): LanguageId {
  const key = `${fence ?? ''}\n${code}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const language = detect(code, fence);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, language);
  return language;
}

function detect(code: string, fence: string | undefined): LanguageId {
  const hinted = languageFromFence(fence);
  const lines = code
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, SAMPLE_LINES)
    .map((line) => line.slice(0, SAMPLE_LINE_LENGTH));
  if (lines.length === 0) return hinted ?? 'text';
  if (isJson(code)) return 'json';
  if (hinted === 'markdown' || hinted === 'text') return hinted;

  const scores = new Map<LanguageId, number>();
  for (const [language, signatures] of Object.entries(SIGNATURES) as [LanguageId, Signature[]][]) {
    let score = 0;
    for (const line of lines) {
      let best = 0;
      for (const [pattern, weight] of signatures)
        if (weight > best && pattern.test(line)) best = weight;
      score += best;
    }
    scores.set(language, score);
  }
  const script = scores.get('javascript') ?? 0;
  const typed = lines.filter((line) =>
    TYPESCRIPT_ONLY.some((pattern) => pattern.test(line)),
  ).length;
  scores.set('typescript', typed > 0 ? script + typed * 2 : script * 0.95);

  const family = (id: LanguageId): LanguageId =>
    id === 'jsx' ? 'javascript' : id === 'tsx' ? 'typescript' : id;
  let best: LanguageId | undefined;
  let bestScore = 0;
  for (const [language, score] of scores) {
    const total = score + (hinted && family(hinted) === language ? HINT_BONUS(lines.length) : 0);
    if (score > 0 && total > bestScore) {
      best = language;
      bestScore = total;
    }
  }
  const detected = best ?? hinted ?? 'text';
  if (
    (detected === 'javascript' || detected === 'typescript') &&
    lines.some((line) => JSX.test(line))
  ) {
    return detected === 'javascript' ? 'jsx' : 'tsx';
  }
  return detected;
}

function isJson(code: string): boolean {
  const trimmed = code.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}
