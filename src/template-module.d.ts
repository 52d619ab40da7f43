/** A template file compiled at build time by scripts/template-plugin.ts. */
declare module '*.md?template' {
  // An ambient module cannot import relatively, so the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const template: import('./engine/index').Template;
  export default template;
}
