/** What a template is and asks, compiled at build time by scripts/template-plugin.ts. */
declare module '*.md?template' {
  // An ambient module cannot import relatively, so the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const info: import('./engine/index').TemplateInfo;
  export default info;
}

/** A template's compiled body, compiled at build time by scripts/template-plugin.ts. */
declare module '*.md?program' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const program: import('./engine/index').TemplateNode[];
  export default program;
}

/**
 * Loads the compiled body a guide with these choices can show (scripts/template-plugin.ts):
 * a program specialised on the parameters that branch most, or the whole one.
 */
declare module '*.md?programs' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  type TemplateNode = import('./engine/index').TemplateNode;
  const loadProgram: (choices: Readonly<Record<string, string>>) => Promise<TemplateNode[]>;
  export default loadProgram;
}
