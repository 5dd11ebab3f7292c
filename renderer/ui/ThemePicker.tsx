import { useState } from 'react';
import { chooseTheme, storedTheme, THEMES, type ThemeChoice } from '../lib/theme';

const THEME_NAMES: Record<ThemeChoice, string> = { system: 'System theme', light: 'Light', dark: 'Dark', contrast: 'High contrast' };

/** This PC's theme, in the bar: it applies at once and stays for whoever signs in here next. */
export function ThemePicker() {
  const [theme, setTheme] = useState(storedTheme);
  return (
    <select
      className="theme-picker"
      aria-label="Theme"
      value={theme}
      onChange={(e) => {
        const choice = e.target.value as ThemeChoice;
        setTheme(choice);
        chooseTheme(choice);
      }}
    >
      {THEMES.map((t) => (
        <option key={t} value={t}>
          {THEME_NAMES[t]}
        </option>
      ))}
    </select>
  );
}
