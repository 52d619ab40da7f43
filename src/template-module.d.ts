/** A template file compiled at build time by scripts/template-plugin.ts. */
declare module '*.md?template' {
  const template: import('./engine/index').Template;
  export default template;
}
