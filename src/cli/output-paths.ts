/**
 * The folders `paths` lie in (`a` and `a/b` for `a/b/c.txt`), each once, every folder after its
 * parent: the order to make them in. Reversed, the order to remove them in.
 */
export function foldersOf(paths: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let end = 1; end < parts.length; end += 1) folders.add(parts.slice(0, end).join('/'));
  }
  return [...folders];
}

/** True when `path` lies somewhere inside one of `folders`. */
export function isInside(path: string, folders: Iterable<string>): boolean {
  for (const folder of folders) if (path.startsWith(`${folder}/`)) return true;
  return false;
}
