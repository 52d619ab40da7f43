/** What each language's lines look like, for detectLanguage. */

import type { LanguageId } from './languages';

/**
 * A line pattern and what a match says about a language: a positive weight is evidence for it,
 * a negative weight is evidence against it (a line the language cannot contain).
 */
export type Signature = readonly [pattern: RegExp, weight: number];

/** Tags that make a line HTML rather than any XML. */
const HTML_TAGS =
  'html|head|body|title|meta|link|script|style|div|span|p|a|img|br|hr|ul|ol|li|dl|dt|dd|nav|main|header|footer|section|article|aside|h[1-6]|table|thead|tbody|tfoot|tr|th|td|caption|colgroup|col|form|input|button|label|select|option|textarea|fieldset|legend|pre|strong|em|small|figure|figcaption|picture|video|audio|canvas|iframe|template|noscript|details|summary|dialog|blockquote';

/** A JavaScript statement, which markup does not contain outside a `<script>`. */
const SCRIPT_STATEMENT =
  /^\s*(?:(?:export\s+)?(?:default\s+)?(?:async\s+)?function\b|(?:import|export|const|let|var)\s|return\s*[(<])/;

/** `color: #fff;`, `--radius: 8px;`, `-webkit-appearance: none;` */
const CSS_DECLARATION = /^\s*(?:--[\w-]+|-?[a-z][a-z-]*)\s*:\s*[^;{}]+;\s*$/;
/** `.grid { display: grid; }` on one line. */
const CSS_ONE_LINE_RULE = /^\s*[^\s{};][^{};]*\{\s*-{0,2}[a-z][\w-]*\s*:[^{}]*;\s*\}\s*$/;

/**
 * A language scores nothing in a block with no line matching its required pattern. A CSS
 * selector line looks like an nginx block, a GraphQL selection set or `if (x) {`; only
 * declarations are CSS's own.
 */
export const REQUIRED: Partial<Record<LanguageId, RegExp>> = {
  css: new RegExp(`${CSS_DECLARATION.source}|${CSS_ONE_LINE_RULE.source}`),
};

/**
 * Line signatures per language. A line scores for a language with the weight of the
 * strongest of its signatures it matches, less that of its strongest counter-signature;
 * a block's score is the sum over its lines.
 */
export const SIGNATURES: Partial<Record<LanguageId, readonly Signature[]>> = {
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
    // A method: modifiers, a type (`Map<String, List<Long>>`, `byte[]`), a name and parameters.
    // The type is spelt out rather than `[\w<>,\s]+\s+\w+`, which backtracks cubically on a
    // long line of spaces.
    [
      /^\s*(?:public|private|protected)\s+(?:(?:static|final|abstract|synchronized)\s+)*(?:<[\w\s,?]*>\s+)?[\w.]+(?:<[^()]*>)?(?:\[\])*\s+\w+\s*\([^)]*\)\s*(?:throws\s+[\w.,\s]+)?\{?\s*$/,
      3,
    ],
    [
      /^\s*@(?:Override|Bean|Component|Service|Configuration|RestController|GetMapping|PostMapping|Autowired|Value|Cacheable|Transactional)\b/,
      3,
    ],
    [/\b(?:System\.out|String\[\]|new\s+\w+<[^>]*>\(|Optional<|List<|Map<)/, 1],
    [
      /^\s*(?:private|protected)\s+(?:(?:static|final|volatile|transient)\s+)*[\w.]+(?:<[^()=;]*>)?(?:\[\])*\s+\w+\s*(?:=.*)?;\s*$/,
      2,
    ],
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
    // Not a line ending in `;`: `color: #fff;` is a CSS declaration, not a key and a comment.
    [
      /^(?!.*;\s*$)\s*(?:-\s+)?[A-Za-z_][\w.-]*:(?:\s+(?:[^\s,;{(][^;]*?|"[^"]*"|'[^']*'|\[[^\]]*\]|\{[^}]*\}|[|>][-+]?))?\s*(?:#.*)?$/,
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
    // TOML quotes its strings: `auth_type = scram-sha-256` is INI (or HCL, or code).
    [/^\s*[\w.-]+\s*=\s*(?!["'[{+\-\d]|(?:true|false|inf|nan)\s*(?:#|$))\S/, -2],
  ],
  ini: [
    [/^\s*\[[\w .-]+\]\s*$/, 2],
    // An unquoted word after a spaced `=` is how INI files write strings; TOML cannot.
    [/^\s*[\w.-]+[ \t]+=[ \t]+(?!\d[\d.]*\s*$|(?:true|false)\s*$)[^\s"'[{(][^=(){}]*$/, 1],
    [/^\s*[\w.-]+\s*=\s*[^"'\s][^=]*$/, 0.5],
    // KEY=value with nothing a shell would expand: an environment file (api.env) as much as a
    // script, so the fence decides.
    [/^[A-Z_][A-Z0-9_]*=[^\s$`"']*$/, 1],
    [/^\s*;/, 1],
  ],
  hcl: [
    [
      /^\s*(?:resource|variable|provider|module|output|data|locals|terraform)\s*(?:"[\w-]+"\s*)*\{\s*$/,
      4,
    ],
    [/^\s*[\w-]+\s*=\s*(?:var|local|module|data)\.[\w.]+/, 2],
  ],
  html: [
    [new RegExp(`^\\s*<(?:!DOCTYPE\\s+html|(?:${HTML_TAGS})(?=[\\s/>]))`, 'i'), 2],
    [new RegExp(`^\\s*</(?:${HTML_TAGS})>`, 'i'), 1],
    // `export function Note() {` and `return (` around markup make it JSX.
    [SCRIPT_STATEMENT, -2],
  ],
  xml: [
    [/^\s*<\?xml\b/, 6],
    [/^\s*<[\w:.-]+(?:\s+[\w:.-]+="[^"]*")*\s*\/?>.*$/, 1],
    [SCRIPT_STATEMENT, -2],
  ],
  css: [
    [/^\s*@(?:media|supports|container|layer|font-face|keyframes|import|charset|page)\b/, 2],
    // A selector opening a rule: `.btn[disabled] {`, `.a:hover > b {`, `@media (…) {`.
    [/^\s*[^\s{};()=](?:[^{};()=]|\([^{};()]*\))*\{\s*$/, 1.5],
    // One selector of a list: `.btn-primary:hover,`
    [/^\s*[.#:[&][^\s{};()=,]*(?:\([^{};()]*\)[^\s{};()=,]*)?,\s*$/, 1],
    [CSS_DECLARATION, 1],
    [CSS_ONE_LINE_RULE, 2],
  ],
  graphql: [
    [
      /^\s*(?:type|input|enum|union|scalar|extend\s+type)\s+\w+(?:\s+implements\s+[\w&\s]+)?\s*\{?\s*$/,
      3,
    ],
    [/^\s*(?:query|mutation|subscription)\s*(?:\w+\s*)?(?:\([^)]*\)\s*)?\{\s*$/, 3],
    [/^\s*fragment\s+\w+\s+on\s+\w+\s*\{\s*$/, 3],
    [/^\s*\w+(?:\([^)]*\))?\s*:\s*\[?\w+!?\]?!?\s*$/, 1],
    // `...OrderSummary`, `... on Order {`
    [/^\s*\.\.\.\s*(?:on\s+)?[A-Za-z_]\w*\s*\{?\s*$/, 2],
    // A field with variable arguments: `orders(first: $first) {`
    [/^\s*\w+\s*\(\s*\w+\s*:\s*\$\w+[^)]*\)\s*\{?\s*$/, 2],
    // A selection set, `edges {`, and a bare field, `cursor`: weak alone, telling together.
    [/^\s*\w+\s*\{\s*$/, 0.5],
    [/^\s*[a-z_]\w*\s*$/, 0.3],
  ],
  proto: [
    [/^syntax\s*=\s*"proto[23]";/, 8],
    [/^\s*(?:message|service|enum)\s+\w+\s*\{\s*$/, 2],
    [/^\s*rpc\s+\w+\s*\(/, 3],
    [/^\s*(?:repeated\s+|optional\s+)?[\w.]+\s+\w+\s*=\s*\d+\s*;/, 2],
  ],
};

export const TYPESCRIPT_ONLY: readonly RegExp[] = [
  /^\s*(?:export\s+)?(?:interface|type)\s+\w+(?:<[^>]*>)?\s*(?:=|\{|extends)/,
  /\w\s*:\s*(?:string|number|boolean|unknown|any|void|never|Promise<|Record<|Array<|readonly\s)/,
  /\b(?:as\s+const|implements\s+\w|private\s+readonly|public\s+readonly|enum\s+\w+\s*\{)/,
  /^\s*import\s+type\s/,
  // A generic arrow function: `= <T>(load) =>`, `= <T extends Key>(`
  /[=(,]\s*<[A-Z]\w*(?:\s+extends\s[^>]*)?,?>\s*\(/,
];

/**
 * Markup in JavaScript, read on lines with their string contents blanked. An opening tag
 * counts when it has attributes, closes itself, or ends the line or precedes markup or `{`:
 * `<T>(` is a generic arrow function and `<User>obj` a type assertion, not JSX.
 */
export const JSX =
  /(?:^|[\s({=?:&|,>])<(?:[A-Za-z][\w.]*(?:\s+[\w-]+=|\s+\{\.\.\.|\s*\/>|>\s*(?:$|[<{]))|>)|<\/[A-Za-z][\w.]*>|<\/>|\bclassName=/;
