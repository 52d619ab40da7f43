import type { ThemeRegistrationResolved } from 'shiki/core';
import { Theme } from 'shiki/textmate';

type ScopePath = Parameters<Theme['match']>[0];

/**
 * A theme's text colour for a token, from the token's scopes (outermost first), exactly as
 * vscode-textmate resolves it when it tokenizes for one theme: each scope, pushed in turn,
 * takes the best matching rule's foreground if that rule sets one. Resolving colours from
 * scopes lets one tokenization serve both themes, where shiki tokenizes once per theme.
 */
export function scopeColours(theme: ThemeRegistrationResolved): (scopes: string[]) => string {
  const textmate = Theme.createFromRawTheme(theme);
  const colourMap = textmate.getColorMap();
  const fallback = textmate.getDefaults().foregroundId;
  return (scopes) => {
    let path: ScopePath = null;
    let foreground = fallback;
    for (const scopeName of scopes) {
      // Theme.match reads only `scopeName` and `parent`: vscode-textmate's ScopeStack shape.
      path = { parent: path, scopeName } as unknown as ScopePath;
      const style = textmate.match(path);
      if (style && style.foregroundId !== 0) foreground = style.foregroundId;
    }
    return colourMap[foreground]?.toLowerCase() ?? '';
  };
}
