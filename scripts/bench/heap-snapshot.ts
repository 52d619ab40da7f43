import type { CDPSession } from 'playwright';

/** A heap snapshot's self sizes, split into what the page's data is and what it is not. */
export interface HeapParts {
  /** Everything the snapshot holds. */
  total: number;
  /** Machine code V8 compiled (it grows as functions get optimized, then stays). */
  code: number;
  /** What DevTools keeps because the bench watches the page (network resource data). */
  devtools: number;
}

/**
 * Takes a heap snapshot through the DevTools protocol and sums its nodes' self sizes. The
 * plain heap figure mixes the app's data with V8's compiled code, which grows for a while as
 * code paths warm up; this split tells the two apart.
 */
export async function heapParts(cdp: CDPSession): Promise<HeapParts> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const parts: HeapParts = { total: 0, code: 0, devtools: 0 };
  for (let index = 0; index < snapshot.nodes.length; index += fields.length) {
    const size = snapshot.nodes[index + sizeAt!]!;
    const type = types[snapshot.nodes[index + typeAt!]!];
    parts.total += size;
    if (type === 'code') parts.code += size;
    else if (snapshot.strings[snapshot.nodes[index + nameAt!]!]?.includes('NetworkResourcesData'))
      parts.devtools += size;
  }
  return parts;
}
