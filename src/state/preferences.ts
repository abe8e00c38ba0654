/**
 * Persisted preferences (language, theme) in localStorage, versioned and validated on read.
 * Corrupt or outdated stored data is reset, and the caller is told so it can show a notice; reading never throws.
 */
import { create } from 'zustand';
import type { Lang } from '../contract/contract.ts';
import { isLang } from '../i18n/i18n.ts';

/** Storage key; the version lives inside the value so a future shape can migrate or reset. */
export const PREFERENCES_KEY = 'mouchir.preferences';
export const PREFERENCES_VERSION = 1;

export type ThemePreference = 'system' | 'light' | 'dark';

export interface Preferences {
  lang: Lang | null;
  theme: ThemePreference;
}

export const DEFAULT_PREFERENCES: Preferences = { lang: null, theme: 'system' };

export interface LoadedPreferences {
  prefs: Preferences;
  /** `corrupt`: unreadable or invalid value found and reset; `outdated`: older version reset. */
  problem: 'corrupt' | 'outdated' | null;
}

function isTheme(v: unknown): v is ThemePreference {
  return v === 'system' || v === 'light' || v === 'dark';
}

/** Parse a stored value. Pure: unit-tested with hostile inputs. */
export function parsePreferences(raw: string | null): LoadedPreferences {
  if (raw === null) return { prefs: DEFAULT_PREFERENCES, problem: null };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { prefs: DEFAULT_PREFERENCES, problem: 'corrupt' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { prefs: DEFAULT_PREFERENCES, problem: 'corrupt' };
  }
  const record = value as Record<string, unknown>;
  if (record.version !== PREFERENCES_VERSION) {
    return { prefs: DEFAULT_PREFERENCES, problem: typeof record.version === 'number' ? 'outdated' : 'corrupt' };
  }
  const lang = record.lang === null || record.lang === undefined ? null : record.lang;
  if ((lang !== null && !isLang(lang)) || !isTheme(record.theme)) {
    return { prefs: DEFAULT_PREFERENCES, problem: 'corrupt' };
  }
  return { prefs: { lang, theme: record.theme }, problem: null };
}

/** Serialise preferences with their version. */
export function serializePreferences(prefs: Preferences): string {
  return JSON.stringify({ version: PREFERENCES_VERSION, lang: prefs.lang, theme: prefs.theme });
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some privacy modes throw on access: preferences then last for the session only.
    return null;
  }
}

/** Read preferences; a corrupt value is removed so the notice shows once. */
export function loadPreferences(): LoadedPreferences {
  const s = storage();
  let raw: string | null = null;
  try {
    raw = s?.getItem(PREFERENCES_KEY) ?? null;
  } catch {
    raw = null;
  }
  const loaded = parsePreferences(raw);
  if (loaded.problem) {
    try {
      s?.setItem(PREFERENCES_KEY, serializePreferences(loaded.prefs));
    } catch {
      /* quota or privacy mode: nothing to reset */
    }
  }
  return loaded;
}

/** Write preferences; failures (quota, privacy mode) are ignored on purpose. */
export function savePreferences(prefs: Preferences): void {
  try {
    storage()?.setItem(PREFERENCES_KEY, serializePreferences(prefs));
  } catch {
    /* not fatal: the choice lasts for the session */
  }
}

export interface PreferencesStore extends Preferences {
  /** Set when stored preferences were corrupt or outdated and reset; shown as a dismissible notice. */
  problem: LoadedPreferences['problem'];
  setTheme: (theme: ThemePreference) => void;
  setLang: (lang: Lang) => void;
  dismissProblem: () => void;
}

/** Preferences store, initialised from localStorage. */
export const usePreferences = create<PreferencesStore>()((set, get) => {
  const loaded = loadPreferences();
  return {
    ...loaded.prefs,
    problem: loaded.problem,
    setTheme: (theme) => {
      set({ theme });
      savePreferences({ lang: get().lang, theme });
    },
    setLang: (lang) => {
      if (get().lang === lang) return;
      set({ lang });
      savePreferences({ lang, theme: get().theme });
    },
    dismissProblem: () => set({ problem: null }),
  };
});
