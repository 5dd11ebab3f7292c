import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { chooseTheme, storedTheme, THEMES, type ThemeChoice } from '../lib/theme';

/** This PC's theme, in the bar: it applies at once and stays for whoever signs in here next. */
export function ThemePicker() {
  const [theme, setTheme] = useState(storedTheme);
  const { t } = useT('common');
  return (
    <select
      className="theme-picker"
      aria-label={t('theme.label')}
      value={theme}
      onChange={(e) => {
        const choice = e.target.value as ThemeChoice;
        setTheme(choice);
        chooseTheme(choice);
      }}
    >
      {THEMES.map((choice) => (
        <option key={choice} value={choice}>
          {t(`theme.${choice}`)}
        </option>
      ))}
    </select>
  );
}
