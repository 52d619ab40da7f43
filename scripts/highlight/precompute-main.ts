/**
 * Runs precomputeAssets() in its own Node process for scripts/highlight-plugin.ts: the build
 * keeps bundling meanwhile (a second core), and shiki loads its grammars with plain import().
 * Prints the report as JSON on stdout.
 */
import { precomputeAssets } from './precomputed-assets';

const report = await precomputeAssets(process.argv[2]);
process.stdout.write(
  JSON.stringify(report && { ...report, assets: Object.fromEntries(report.assets) }),
);
