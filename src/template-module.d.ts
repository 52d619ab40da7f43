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
