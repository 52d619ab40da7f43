import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createFilenameAllocator, snippetFilename } from './filenames';
import { LANGUAGES, LANGUAGE_IDS, type LanguageId } from './languages';

const SECTION = '1. Performance Analysis & Baseline';
const PLAIN_CODE = 'do_something()\n';
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The part of a file name Windows compares against its device names. */
const deviceStem = (name: string): string => name.split('.')[0]?.trim() ?? '';
const stemOf = (name: string): string => name.slice(0, name.lastIndexOf('.'));

describe('snippetFilename: naming conventions per language', () => {
  it.each([
    ['python', 'performance_analysis_baseline.py'],
    ['go', 'performance_analysis_baseline.go'],
    ['rust', 'performance_analysis_baseline.rs'],
    ['sql', 'performance_analysis_baseline.sql'],
    ['hcl', 'performance_analysis_baseline.tf'],
    ['proto', 'performance_analysis_baseline.proto'],
    ['javascript', 'performance-analysis-baseline.js'],
    ['typescript', 'performance-analysis-baseline.ts'],
    ['jsx', 'performance-analysis-baseline.jsx'],
    ['tsx', 'performance-analysis-baseline.tsx'],
    ['yaml', 'performance-analysis-baseline.yaml'],
    ['json', 'performance-analysis-baseline.json'],
    ['bash', 'performance-analysis-baseline.sh'],
    ['nginx', 'performance-analysis-baseline.conf'],
    ['toml', 'performance-analysis-baseline.toml'],
    ['ini', 'performance-analysis-baseline.ini'],
    ['css', 'performance-analysis-baseline.css'],
    ['html', 'performance-analysis-baseline.html'],
    ['xml', 'performance-analysis-baseline.xml'],
    ['graphql', 'performance-analysis-baseline.graphql'],
    ['markdown', 'performance-analysis-baseline.md'],
    ['text', 'performance-analysis-baseline.txt'],
    ['java', 'PerformanceAnalysisBaseline.java'],
    ['csharp', 'PerformanceAnalysisBaseline.cs'],
  ] as const)('names %s after the section: %s', (language, expected) => {
    expect(snippetFilename(PLAIN_CODE, language, SECTION)).toBe(expected);
  });

  it('declares the naming style each language is named with', () => {
    const styles = Object.fromEntries(LANGUAGE_IDS.map((id) => [id, LANGUAGES[id].style]));
    expect(styles).toMatchObject({
      python: 'snake',
      go: 'snake',
      rust: 'snake',
      sql: 'snake',
      javascript: 'kebab',
      typescript: 'kebab',
      yaml: 'kebab',
      json: 'kebab',
      bash: 'kebab',
      java: 'pascal',
      csharp: 'pascal',
    });
  });

  it('lists each language’s own download extension among the extensions it accepts', () => {
    for (const id of LANGUAGE_IDS) {
      const { extension, extensions } = LANGUAGES[id];
      expect(extensions[0], id).toBe(extension);
      expect(extension, id).not.toMatch(/^\.|[/\\\s]/);
    }
  });

  it('names a Java file after its public class', () => {
    const service = [
      'package com.example.orders;',
      '',
      'import java.util.Optional;',
      '',
      '/** Looks orders up, cache first. */',
      'public final class OrderService {',
      '    private static class CacheEntry {}',
      '    public Optional<Order> findById(long id) { return Optional.empty(); }',
      '}',
    ].join('\n');
    expect(snippetFilename(service, 'java', SECTION)).toBe('OrderService.java');
    expect(
      snippetFilename('@RestController\npublic class OrderController {\n}\n', 'java', SECTION),
    ).toBe('OrderController.java');
    expect(
      snippetFilename('public interface OrderRepository {\n  Order find(long id);\n}', 'java', 'x'),
    ).toBe('OrderRepository.java');
    expect(snippetFilename('public record OrderDto(long id, String status) {}', 'java', 'x')).toBe(
      'OrderDto.java',
    );
  });

  it('keeps a name from a very long class name within 255 bytes', () => {
    const name = snippetFilename(`public class ${'Order'.repeat(60)} {\n}\n`, 'java', SECTION);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
    expect(name.endsWith('.java')).toBe(true);
  });

  it('names a Java file after the section when no class is public', () => {
    const helper =
      'class CacheKeys {\n    static String order(long id) { return "order:" + id; }\n}\n';
    expect(snippetFilename(helper, 'java', '2. Caching Strategies')).toBe('CachingStrategies.java');
    expect(snippetFilename('// public class Nope\nint x = 1;\n', 'java', 'Cache Keys')).toBe(
      'CacheKeys.java',
    );
  });

  it('names a C# file after its class or record', () => {
    const controller = [
      'using Microsoft.AspNetCore.Mvc;',
      '',
      'namespace Shop.Api;',
      '',
      '[ApiController]',
      'public sealed class OrdersController : ControllerBase',
      '{',
      '}',
    ].join('\n');
    expect(snippetFilename(controller, 'csharp', SECTION)).toBe('OrdersController.cs');
    expect(snippetFilename('internal static class CacheKeys\n{\n}\n', 'csharp', SECTION)).toBe(
      'CacheKeys.cs',
    );
    expect(snippetFilename('public record OrderDto(Guid Id, decimal Total);', 'csharp', 'x')).toBe(
      'OrderDto.cs',
    );
    expect(
      snippetFilename('var app = WebApplication.Create(args);\napp.Run();\n', 'csharp', SECTION),
    ).toBe('PerformanceAnalysisBaseline.cs');
  });

  it('names every Dockerfile Dockerfile', () => {
    const dockerfile = 'FROM node:20-alpine\nWORKDIR /app\nCMD ["node", "server.js"]\n';
    expect(snippetFilename(dockerfile, 'dockerfile', SECTION)).toBe('Dockerfile');
    expect(snippetFilename(dockerfile, 'dockerfile', '')).toBe('Dockerfile');
    expect(snippetFilename('# Dockerfile\nFROM nginx:1.27\n', 'dockerfile', 'Proxy')).toBe(
      'Dockerfile',
    );
  });
});

describe('snippetFilename: names from section titles', () => {
  it.each([
    ['1. Performance Analysis & Baseline', 'performance-analysis-baseline.js'],
    ['10. Rate Limiting', 'rate-limiting.js'],
    ['2.3 Cache Warm-up', 'cache-warm-up.js'],
    ['4) Load Testing', 'load-testing.js'],
    ['  3.  Connection Pooling  ', 'connection-pooling.js'],
    ['Step 2: Configure Redis', 'step-2-configure-redis.js'],
    ['Node.js / Express Tuning', 'node-js-express-tuning.js'],
  ])('strips numbering and punctuation: %j → %s', (section, expected) => {
    expect(snippetFilename(PLAIN_CODE, 'javascript', section)).toBe(expected);
  });

  it('keeps snake- and Pascal-case names from starting with a digit', () => {
    expect(snippetFilename(PLAIN_CODE, 'python', '99th Percentile Latency')).toBe(
      'snippet_99th_percentile_latency.py',
    );
    expect(snippetFilename(PLAIN_CODE, 'go', '5xx Error Budget')).toBe(
      'snippet_5xx_error_budget.go',
    );
    expect(snippetFilename(PLAIN_CODE, 'java', '99th Percentile')).toBe(
      'Snippet99thPercentile.java',
    );
  });

  it.each([
    ['python', 'Stratégie de mise en cache', 'strategie_de_mise_en_cache.py'],
    ['javascript', 'Überwachung & Alarmierung', 'uberwachung-alarmierung.js'],
    ['go', 'Configuración del Caché', 'configuracion_del_cache.go'],
    ['java', 'Façade Réseau', 'FacadeReseau.java'],
    ['yaml', 'Ｆｕｌｌｗｉｄｔｈ Ｃａｃｈｅ', 'fullwidth-cache.yaml'],
  ] as const)('folds accents in %s: %j → %s', (language, section, expected) => {
    expect(snippetFilename(PLAIN_CODE, language, section)).toBe(expected);
  });

  it.each([
    ['javascript', 'Cache-Größe anpassen', 'cache-grosse-anpassen.js'],
    ['python', 'Łączenie połączeń', 'laczenie_polaczen.py'],
    ['go', 'Første måling', 'forste_maling.go'],
  ] as const)(
    'transliterates letters that have no decomposition in %s: %j → %s',
    (language, section, expected) => {
      expect(snippetFilename(PLAIN_CODE, language, section)).toBe(expected);
    },
  );

  it.each(['', '   ', '🚀🔥', '— · —', 'Кэширование', '性能优化', '\u0000\u0007'])(
    'never returns an empty name, even for %j',
    (section) => {
      for (const language of ['python', 'javascript', 'java'] as const) {
        const name = snippetFilename(PLAIN_CODE, language, section);
        expect(stemOf(name).length, language).toBeGreaterThan(0);
        expect(name.endsWith(`.${LANGUAGES[language].extension}`)).toBe(true);
      }
    },
  );

  it('drops control characters and separators from titles', () => {
    expect(snippetFilename(PLAIN_CODE, 'javascript', 'Caching\u0000\n\tStrategy')).toBe(
      'caching-strategy.js',
    );
    expect(snippetFilename(PLAIN_CODE, 'python', '../../etc/passwd')).toBe('etc_passwd.py');
    expect(snippetFilename(PLAIN_CODE, 'yaml', 'C:\\Windows\\System32')).toBe(
      'c-windows-system32.yaml',
    );
  });

  it('cuts long titles at a word boundary, keeping the stem within 60 characters', () => {
    const section =
      'Comprehensive End-to-End Performance Monitoring, Alerting and Capacity Planning for High-Throughput Multi-Region APIs';
    const words = section
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    for (const [language, separator] of [
      ['javascript', '-'],
      ['python', '_'],
    ] as const) {
      const stem = stemOf(snippetFilename(PLAIN_CODE, language, section));
      expect(stem.length, language).toBeLessThanOrEqual(60);
      expect(stem.length, language).toBeGreaterThan(40);
      const kept = stem.split(separator);
      expect(kept, language).toEqual(words.slice(0, kept.length));
    }
    const pascal = stemOf(snippetFilename(PLAIN_CODE, 'java', section));
    expect(pascal.length).toBeLessThanOrEqual(60);
    expect(pascal.startsWith('ComprehensiveEndToEndPerformance')).toBe(true);
  });

  it('cuts a single overlong word to 60 characters', () => {
    const stem = stemOf(snippetFilename(PLAIN_CODE, 'javascript', 'x'.repeat(200)));
    expect(stem).toBe('x'.repeat(60));
  });
});

describe('snippetFilename: a file named on the first line', () => {
  it.each([
    ['yaml', '# .github/workflows/ci-cd.yml\nname: CI/CD Pipeline\n', 'ci-cd.yml'],
    ['yaml', '# docker-compose.yml\nservices:\n  api:\n    build: .\n', 'docker-compose.yml'],
    ['typescript', '// src/server.ts\nimport express from "express";\n', 'server.ts'],
    ['tsx', '// filename: src/components/MetricsPanel.tsx\nexport {};\n', 'MetricsPanel.tsx'],
    ['python', '# app/cache.py\nimport redis\n', 'cache.py'],
    ['sql', '-- migrations/0042_add_orders_index.sql\nSELECT 1;\n', '0042_add_orders_index.sql'],
    ['html', '<!-- public/index.html -->\n<!DOCTYPE html>\n', 'index.html'],
    ['css', '/* src/styles/dashboard.css */\n.grid { display: grid; }\n', 'dashboard.css'],
    ['bash', '# scripts/deploy.sh\nset -euo pipefail\n', 'deploy.sh'],
    ['toml', '# file: config/settings.toml\n[server]\nport = 8080\n', 'settings.toml'],
    ['javascript', '  // loadtest/checkout.mjs\nimport http from "k6/http";\n', 'checkout.mjs'],
    ['ini', '# /etc/systemd/system/api.service\n[Unit]\n', 'api.service'],
    ['nginx', '# /etc/nginx/conf.d/api-proxy.conf\nupstream api {}\n', 'api-proxy.conf'],
  ] as const)('honours a fitting name in %s: %s', (language, code, expected) => {
    expect(snippetFilename(code, language, SECTION)).toBe(expected);
  });

  it.each([
    ['javascript', '// src/server.ts\nconst express = require("express");\n'],
    ['bash', '# app/main.py\npython -m app.main\n'],
    ['python', '# requirements.txt\nimport redis\n'],
    ['yaml', '# Comprehensive caching strategy\ncache:\n  ttl: 60\n'],
    ['yaml', '# cache\nttl: 60\n'],
    ['python', 'import redis\n# app/cache.py\n'],
  ] as const)('ignores a name that does not fit in %s: %j', (language, code) => {
    const sectionName = snippetFilename(PLAIN_CODE, language, SECTION);
    expect(snippetFilename(code, language, SECTION)).toBe(sectionName);
  });

  it('never keeps a leading dot, a directory or a parent reference', () => {
    expect(snippetFilename('# .gitlab-ci.yml\nstages: [build]\n', 'yaml', SECTION)).toBe(
      'gitlab-ci.yml',
    );
    expect(snippetFilename('// ../../etc/cron.d/job.js\nrun();\n', 'javascript', SECTION)).toBe(
      'job.js',
    );
    const backslashed = snippetFilename('// src\\server.ts\nexport {};\n', 'typescript', SECTION);
    expect(backslashed).not.toMatch(/[\\/]/);
  });

  it('never keeps a double dot from a mistyped first-line name', () => {
    expect(snippetFilename('# config/app..yml\nport: 8080\n', 'yaml', SECTION)).not.toContain('..');
    expect(snippetFilename('-- schema..sql\nSELECT 1;\n', 'sql', SECTION)).not.toContain('..');
  });

  it.each([
    ['python', '# con.py\nimport os\n'],
    ['python', '# lib/aux.py\nimport os\n'],
    ['yaml', '# NUL.yaml\nkey: value\n'],
    ['yaml', '# deploy/com1.yml\nkey: value\n'],
    ['bash', '# lpt1.sh\necho hi\n'],
    ['javascript', '// con.config.js\nexport default {};\n'],
  ] as const)('never takes a reserved device name from %s: %j', (language, code) => {
    const name = snippetFilename(code, language, SECTION);
    expect(WINDOWS_RESERVED.test(deviceStem(name)), name).toBe(false);
  });
});

describe('snippetFilename: reserved device names from section titles', () => {
  it.each([
    ['javascript', 'CON', /^[a-z0-9-]+\.js$/],
    ['python', 'con', /^[a-z][a-z0-9_]*\.py$/],
    ['go', 'Aux', /^[a-z][a-z0-9_]*\.go$/],
    ['sql', 'NUL', /^[a-z][a-z0-9_]*\.sql$/],
    ['java', 'Com1', /^[A-Z][A-Za-z0-9]*\.java$/],
    ['yaml', 'LPT1', /^[a-z0-9-]+\.yaml$/],
    ['csharp', 'prn', /^[A-Z][A-Za-z0-9]*\.cs$/],
  ] as const)('avoids %s %j in the language’s own style', (language, section, style) => {
    const name = snippetFilename(PLAIN_CODE, language, section);
    expect(WINDOWS_RESERVED.test(deviceStem(name)), name).toBe(false);
    expect(name).toMatch(style);
  });
});

describe('createFilenameAllocator', () => {
  it('numbers duplicates in each naming style, before the extension', () => {
    const allocate = createFilenameAllocator();
    expect(allocate('cache.py', 'python')).toBe('cache.py');
    expect(allocate('cache.py', 'python')).toBe('cache_2.py');
    expect(allocate('cache.py', 'python')).toBe('cache_3.py');
    expect(allocate('ci-cd.yml', 'yaml')).toBe('ci-cd.yml');
    expect(allocate('ci-cd.yml', 'yaml')).toBe('ci-cd-2.yml');
    expect(allocate('OrderService.java', 'java')).toBe('OrderService.java');
    expect(allocate('OrderService.java', 'java')).toBe('OrderService2.java');
    expect(allocate('Dockerfile', 'dockerfile')).toBe('Dockerfile');
    expect(allocate('Dockerfile', 'dockerfile')).not.toBe('Dockerfile');
  });

  it('treats names that differ only in case as the same file', () => {
    const allocate = createFilenameAllocator();
    expect(allocate('Cache.py', 'python')).toBe('Cache.py');
    expect(allocate('cache.py', 'python')).toBe('cache_2.py');
    expect(allocate('CACHE_2.PY', 'python')).toBe('CACHE_2_2.PY');
    expect(allocate('orderservice.java', 'java')).toBe('orderservice.java');
    expect(allocate('OrderService.java', 'java')).toBe('OrderService2.java');
  });

  it('steps over a numbered name that is already taken', () => {
    const allocate = createFilenameAllocator();
    expect(allocate('cache_2.py', 'python')).toBe('cache_2.py');
    expect(allocate('cache.py', 'python')).toBe('cache.py');
    expect(allocate('cache.py', 'python')).toBe('cache_3.py');
  });

  it('keeps each allocator to itself', () => {
    const first = createFilenameAllocator();
    const second = createFilenameAllocator();
    expect(first('server.ts', 'typescript')).toBe('server.ts');
    expect(second('server.ts', 'typescript')).toBe('server.ts');
    expect(first('server.ts', 'typescript')).toBe('server-2.ts');
  });

  it('never numbers a name into a reserved device name', () => {
    const allocate = createFilenameAllocator();
    const names = ['Com.java', 'Com.java', 'Lpt.cs', 'Lpt.cs'].map((name) =>
      allocate(name, name.endsWith('.java') ? 'java' : 'csharp'),
    );
    for (const name of names) expect(WINDOWS_RESERVED.test(deviceStem(name)), name).toBe(false);
  });

  it('gives the guide’s blocks distinct names when sections repeat', () => {
    const allocate = createFilenameAllocator();
    const names = ['Caching', 'Caching', 'caching', 'Caching!'].map((section) =>
      allocate(snippetFilename(PLAIN_CODE, 'python', section), 'python'),
    );
    expect(names).toEqual(['caching.py', 'caching_2.py', 'caching_3.py', 'caching_4.py']);
  });
});

describe('file names: properties', () => {
  const UNSAFE = /[/\\:*?"<>|\p{Cc}]/u;
  const encoder = new TextEncoder();

  const fullUnicode = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
  );
  const words = fc.constantFrom(
    'Caching',
    'Performance',
    'API',
    'Load',
    'Testing',
    'Überwachung',
    'Größe',
    '1.',
    '2.3',
    '&',
    '—',
    '🚀',
    'con',
    'Com',
    'lpt',
    'nul',
    'aux',
    'prn',
    'com1',
    'LPT9',
    '.',
    '..',
    ' ',
  );
  const title = fc.oneof(
    fullUnicode,
    fc.array(words, { maxLength: 12 }).map((parts) => parts.join(' ')),
  );
  const language = fc.constantFrom(...LANGUAGE_IDS);
  const pathPart = fc.string({
    unit: fc.constantFrom(...'abcXYZ019_-. /\\:*?"<>|\u0000\t'.split('')),
    maxLength: 30,
  });
  const namingLine = fc
    .tuple(
      fc.constantFrom('#', '//', '--', ';', '<!--', '/*'),
      fc.constantFrom('', 'file: ', 'path: ', 'filename:'),
      pathPart,
      language,
    )
    .map(
      ([comment, prefix, path, lang]) =>
        `${comment} ${prefix}${path}.${LANGUAGES[lang].extensions[0] ?? 'txt'}`,
    );
  const typeDeclaration = fc
    .tuple(
      fc.constantFrom('public class', 'public final class', 'public sealed record', 'class'),
      // Not shrunk: walking a 300-character name down one letter at a time takes seconds.
      fc.noShrink(
        fc.string({
          unit: fc.constantFrom(...'ABCxyz019_'.split('')),
          minLength: 1,
          maxLength: 300,
          size: 'max',
        }),
      ),
    )
    .map(([keyword, name]) => `${keyword} ${name.replace(/^[^A-Z]*/, 'A')} {`);
  const firstLine = fc.oneof(fullUnicode, namingLine, typeDeclaration);
  const block = fc.record({
    code: fc.tuple(firstLine, fullUnicode).map(([first, rest]) => `${first}\n${rest}`),
    language,
    title,
  });

  // A plain Error keeps shrinking fast; an expect() failure builds a diff at every step.
  const assertSafe = (name: string): void => {
    const problems = problemsOf(name);
    if (problems.length > 0) throw new Error(`${JSON.stringify(name)}: ${problems.join(', ')}`);
  };

  const problemsOf = (name: string): string[] => {
    const problems: string[] = [];
    if (name === '') problems.push('empty');
    if (encoder.encode(name).length > 255) problems.push('longer than 255 bytes');
    if (UNSAFE.test(name)) problems.push('unsafe character');
    if (name.startsWith('.')) problems.push('leading dot');
    if (/[. ]$/.test(name)) problems.push('trailing dot or space');
    if (name.includes('..')) problems.push('contains ..');
    if (WINDOWS_RESERVED.test(deviceStem(name))) problems.push('reserved device name');
    return problems;
  };

  it('produces a safe, portable name for any title and first line', () => {
    fc.assert(
      fc.property(block, ({ code, language, title }) => {
        assertSafe(snippetFilename(code, language, title));
      }),
      { numRuns: 2000 },
    );
  });

  it('allocates names that stay safe and are unique case-insensitively', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 40 }), (blocks) => {
        const allocate = createFilenameAllocator();
        const names = blocks.map(({ code, language, title }) =>
          allocate(snippetFilename(code, language, title), language),
        );
        names.forEach(assertSafe);
        if (new Set(names.map((name) => name.toLowerCase())).size !== names.length) {
          throw new Error(`duplicate names: ${JSON.stringify(names)}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every language’s extension on names derived from the title', () => {
    fc.assert(
      fc.property(language, title, (lang: LanguageId, section) => {
        const name = snippetFilename(PLAIN_CODE, lang, section);
        if (lang === 'dockerfile') expect(name).toBe('Dockerfile');
        else expect(name.endsWith(`.${LANGUAGES[lang].extension}`)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('snippetFilename: a section titled after its file', () => {
  it('names a JSON block, which cannot carry a comment, after its section title', () => {
    expect(snippetFilename('{"a": 1}\n', 'json', 'appsettings.Production.json: pool sizes')).toBe(
      'appsettings.Production.json',
    );
    expect(snippetFilename('{"a": 1}\n', 'json', 'grpc-service-config.json')).toBe(
      'grpc-service-config.json',
    );
  });

  it('ignores a title that does not name a file of the block’s language', () => {
    expect(snippetFilename('{"a": 1}\n', 'json', 'Program.cs: metrics and health')).toBe(
      'program-cs-metrics-and-health.json',
    );
    expect(snippetFilename('{"a": 1}\n', 'json', 'Node.js settings')).toBe('node-js-settings.json');
  });
});

describe('build files named in their first line', () => {
  it.each([
    ['// go.mod\nmodule example.com/api\n', 'text', 'go.mod'],
    ['<!-- Api.csproj -->\n<Project Sdk="Microsoft.NET.Sdk"/>\n', 'xml', 'Api.csproj'],
    ['<!-- pom.xml -->\n<project/>\n', 'xml', 'pom.xml'],
    ['# requirements.txt\nfastapi>=0.115\n', 'text', 'requirements.txt'],
  ] as const)('%s', (code, language, name) => {
    expect(snippetFilename(code, language, 'Build')).toBe(name);
  });
});
