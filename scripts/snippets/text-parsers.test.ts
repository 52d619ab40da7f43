import { describe, expect, it } from 'vitest';
import { textProblems, xmlProblems } from './text-parsers';

describe('XML', () => {
  it('accepts a pom.xml and a .csproj, refuses what is not well-formed, with its line', () => {
    expect(
      xmlProblems('<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <a>x</a>\n</project>'),
    ).toEqual([]);
    expect(xmlProblems('<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n')).toEqual([]);
    expect(xmlProblems('<project>\n  <a>\n</project>')).toEqual([
      { line: 3, message: expect.stringMatching(/unexpected close tag/) },
    ]);
    expect(xmlProblems('<a x="1" x="2"/>')[0]?.message).toMatch(/duplicate attribute/);
  });
});

describe('plain-text build files', () => {
  it('checks a requirements.txt line by line against PEP 508', () => {
    const ok =
      '# requirements.txt\nfastapi>=0.115,<1\nuvicorn[standard]>=0.30  # uvloop\nredis>=5.0.1\nasyncpg==0.30.0\ncachetools\nuvloop; sys_platform != "win32"\n-r base.txt\n';
    expect(textProblems(ok)).toEqual([]);
    expect(textProblems('# requirements.txt\nfastapi >=\n')).toEqual([
      { line: 2, message: expect.stringMatching(/^not a requirement/) },
    ]);
  });

  it('checks a go.mod against its directives', () => {
    const ok =
      '// go.mod\nmodule example.com/api\n\ngo 1.23\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.7.1\n\tgolang.org/x/sync v0.8.0 // indirect\n)\n';
    expect(textProblems(ok)).toEqual([]);
    expect(textProblems('// go.mod\nmodule a\nrequire (\n\tgithub.com/x\n)\n')).toEqual([
      { line: 4, message: 'not a require line: github.com/x' },
    ]);
    expect(textProblems('// go.mod\ngo 1.23\n')).toEqual([
      { line: 1, message: 'a go.mod names exactly one module' },
    ]);
    expect(textProblems('// go.mod\nmodule a\nrequire (\n')[0]?.message).toBe(
      'require ( … is never closed',
    );
  });

  it('checks a PgBouncer userlist.txt: comments and quoted role and password', () => {
    expect(textProblems('; deploy/local/userlist.txt\n; local only\n"app" "app"\n')).toEqual([]);
    expect(textProblems('; userlist.txt\n"a""b" "SCRAM-SHA-256$4096:x$y:z" extra\n')).toEqual([]);
    expect(textProblems('; userlist.txt\n# not a comment here\n"app" "app"\n')).toMatchObject([
      { line: 2 },
    ]);
    expect(textProblems('; userlist.txt\napp app\n')).toMatchObject([{ line: 2 }]);
    expect(textProblems('; userlist.txt\n')).toMatchObject([{ line: 1 }]);
  });

  it('refuses any other plain text', () => {
    expect(textProblems('some output\n')[0]?.message).toMatch(/^no parser checks plain text/);
  });
});
