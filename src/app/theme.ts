/** The colour theme: the system's unless the user picked one, which is remembered. */
export type ThemeChoice = 'light' | 'dark';

const KEY = 'api-perf-wizard:theme';

export function storedTheme(): ThemeChoice | undefined {
  try {
    const value = window.localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The theme in force now: the stored choice, else the system preference. */
export function currentTheme(): ThemeChoice {
  return (
    storedTheme() ?? (window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')
  );
}

/** Applies a theme to the page and remembers it. */
export function applyTheme(theme: ThemeChoice | undefined, remember = true): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  if (!remember) return;
  try {
    if (theme) window.localStorage.setItem(KEY, theme);
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage can be disabled; the choice then lasts for this page only.
  }
}
