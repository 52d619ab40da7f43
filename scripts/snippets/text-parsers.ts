import { SaxesParser } from 'saxes';
import type { SyntaxProblem } from './parsers';

// XML by a strict well-formedness parser, and the plain-text files a guide ships —
// requirements.txt, go.mod and PgBouncer's userlist.txt — by their own line grammars. Any
// other plain-text block has no parser, and the snippet check says so.

/** Well-formedness problems in an XML document (pom.xml, a .csproj), as saxes reports them. */
export function xmlProblems(code: string): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on('error', (error) => {
    problems.push({ line: parser.line, message: error.message.split('\n')[0] ?? 'not XML' });
  });
  parser.write(code).close();
  return problems.slice(0, 1);
}

/** The file a plain-text block names in its first line (`# requirements.txt`, `// go.mod`). */
function namedFile(code: string): string | undefined {
  const first = code.split('\n').find((line) => line.trim() !== '') ?? '';
  return /^\s*(?:#|\/\/|;)\s*((?:[\w.-]+\/)*[\w.-]+)\s*$/.exec(first)?.[1]?.split('/').at(-1);
}

/** A plain-text block: checked when it is a requirements.txt or a go.mod, refused otherwise. */
export function textProblems(code: string): SyntaxProblem[] {
  const name = namedFile(code);
  if (name && /^requirements.*\.txt$/.test(name)) return linesProblems(code, requirementLine);
  if (name === 'go.mod') return goModProblems(code);
  if (name === 'userlist.txt') return userlistProblems(code);
  return [
    {
      line: 1,
      message:
        'no parser checks plain text: only a requirements.txt, a go.mod or a userlist.txt (named in its first line) is checked',
    },
  ];
}

// PEP 508 names, extras, version specifiers (PEP 440 operators) and environment markers.
const NAME = String.raw`[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?`;
const VERSION = String.raw`[A-Za-z0-9*+!._-]+`;
const SPECIFIER = String.raw`(?:===|==|!=|~=|>=|<=|>|<)\s*${VERSION}`;
const REQUIREMENT = new RegExp(
  String.raw`^${NAME}(?:\s*\[\s*${NAME}(?:\s*,\s*${NAME})*\s*\])?\s*(?:\(?\s*${SPECIFIER}(?:\s*,\s*${SPECIFIER})*\s*\)?)?\s*(?:;\s*[\w\s'".<>=!~()-]+)?$`,
);
/** pip's own lines: another requirements file, a constraints file, an index. */
const PIP_OPTION = /^(?:-r|--requirement|-c|--constraint|--index-url|--extra-index-url)\s+\S+$/;

function requirementLine(line: string): string | undefined {
  if (REQUIREMENT.test(line) || PIP_OPTION.test(line)) return undefined;
  return `not a requirement (PEP 508: name[extras] specifiers ; markers): ${line}`;
}

const MODULE_PATH = String.raw`[\w.~/-]+`;
const MOD_VERSION = String.raw`v\d+\.\d+\.\d+(?:-[\w.-]+)?(?:\+incompatible)?`;
const GO_MOD_LINES: Readonly<Record<string, RegExp>> = {
  module: new RegExp(String.raw`^module\s+${MODULE_PATH}$`),
  go: /^go\s+\d+\.\d+(?:\.\d+)?$/,
  toolchain: /^toolchain\s+go\d+\.\d+(?:\.\d+)?$/,
  require: new RegExp(String.raw`^${MODULE_PATH}\s+${MOD_VERSION}$`),
  exclude: new RegExp(String.raw`^${MODULE_PATH}\s+${MOD_VERSION}$`),
  replace: new RegExp(
    String.raw`^${MODULE_PATH}(?:\s+${MOD_VERSION})?\s+=>\s+${MODULE_PATH}(?:\s+${MOD_VERSION})?$`,
  ),
  retract: new RegExp(
    String.raw`^(?:${MOD_VERSION}|\[\s*${MOD_VERSION}\s*,\s*${MOD_VERSION}\s*\])$`,
  ),
  godebug: /^[\w.]+=[\w.]+$/,
};

/** go.mod's grammar: directives on a line, or in `directive ( … )` blocks. */
function goModProblems(code: string): SyntaxProblem[] {
  let block: string | undefined;
  let modules = 0;
  const lines = code.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (line === '') continue;
    const problem = (message: string) => [{ line: index + 1, message }];
    if (block !== undefined) {
      if (line === ')') block = undefined;
      else if (!GO_MOD_LINES[block]?.test(line)) return problem(`not a ${block} line: ${line}`);
      continue;
    }
    const [directive = '', ...rest] = line.split(/\s+/);
    const grammar = GO_MOD_LINES[directive];
    if (!grammar) return problem(`unknown go.mod directive: ${directive}`);
    if (rest.join(' ') === '(') {
      if (directive === 'module' || directive === 'go' || directive === 'toolchain') {
        return problem(`${directive} takes no block`);
      }
      block = directive;
      continue;
    }
    const single = directive === 'module' || directive === 'go' || directive === 'toolchain';
    if (!grammar.test(single ? line : rest.join(' ')))
      return problem(`malformed ${directive}: ${line}`);
    if (directive === 'module') modules += 1;
  }
  if (block !== undefined) return [{ line: lines.length, message: `${block} ( … is never closed` }];
  return modules === 1 ? [] : [{ line: 1, message: 'a go.mod names exactly one module' }];
}

function linesProblems(code: string, check: (line: string) => string | undefined): SyntaxProblem[] {
  for (const [index, raw] of code.split('\n').entries()) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    const message = check(line);
    if (message) return [{ line: index + 1, message }];
  }
  return [];
}

/**
 * PgBouncer's auth_file: `;` comment lines, and lines of two or more double-quoted fields (a
 * quote inside a field is doubled), the role and its password or secret; the rest of a line
 * is ignored by PgBouncer, but a line that starts otherwise ends its reading of the file.
 */
function userlistProblems(code: string): SyntaxProblem[] {
  let entries = 0;
  for (const [index, raw] of code.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';')) continue;
    if (!/^"(?:[^"]|"")+"\s+"(?:[^"]|"")*"(?:\s.*)?$/.test(line)) {
      return [{ line: index + 1, message: `not a userlist line ("role" "password"): ${line}` }];
    }
    entries += 1;
  }
  return entries > 0 ? [] : [{ line: 1, message: 'a userlist.txt names at least one role' }];
}
