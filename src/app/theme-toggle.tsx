import { useState } from 'react';
import { Button } from '../components/ui/button';
import { applyTheme, currentTheme, type ThemeChoice } from './theme';

/** Switches between light and dark; the choice is remembered for the next visit. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<ThemeChoice>(currentTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <Button
      variant="quiet"
      aria-label={`Switch to ${next} theme`}
      title={`Switch to ${next} theme`}
      onClick={() => {
        applyTheme(next);
        setTheme(next);
      }}
      icon={theme === 'dark' ? <SunIcon /> : <MoonIcon />}
    >
      {next === 'dark' ? 'Dark' : 'Light'}
    </Button>
  );
}

function SunIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </svg>
  );
}

function MoonIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
    </svg>
  );
}
