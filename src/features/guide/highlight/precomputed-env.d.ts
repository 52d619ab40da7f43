/** Set to 'true' by scripts/highlight-plugin.ts when the build wrote precomputed tokens. */
interface ImportMetaEnv {
  readonly VITE_PRECOMPUTED_HIGHLIGHTS?: string;
}
