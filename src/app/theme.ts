/**
 * Theme: follows `prefers-color-scheme` unless the user picked light or dark (remembered).
 * Applied as `data-theme` on <html>; the CSS variables in src/styles/global.css do the rest.
 */
import { useEffect } from 'react';
import { usePreferences, type ThemePreference } from '../state/preferences.ts';

/** The theme to apply for a preference and the system's scheme. Pure. */
export function resolveTheme(pref: ThemePreference, systemDark: boolean): 'light' | 'dark' {
  if (pref === 'system') return systemDark ? 'dark' : 'light';
  return pref;
}

/** Keep `data-theme` on <html> in step with the preference and the system. */
export function useThemeEffect(): void {
  const pref = usePreferences((s) => s.theme);
  useEffect(() => {
    const media = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    const apply = () => {
      document.documentElement.dataset.theme = resolveTheme(pref, media?.matches ?? false);
    };
    apply();
    media?.addEventListener('change', apply);
    return () => media?.removeEventListener('change', apply);
  }, [pref]);
}
