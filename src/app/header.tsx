/**
 * The header: brand, navigation between views (links, so each view opens in a new tab too),
 * the import entries (issue 15), language switcher, theme switch and "copy link".
 */
import type { MouseEvent } from 'react';
import { LANGS, type Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { updateView } from '../state/url-sync.ts';
import { serializeViewUrl, VIEWS, type ViewName } from '../state/view-state.ts';
import { selectViewState, useViewStore } from '../state/view-store.ts';
import { usePreferences, type ThemePreference } from '../state/preferences.ts';
import { ImportEntry } from '../features/import/index.ts';
import { CopyLink } from './copy-link.tsx';
import { appMessages } from './messages.ts';

/** Language names, each in its own language (so people find theirs whatever the current one). */
const LANG_NAMES: Record<Lang, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

function NavLink({ view, lang }: { view: ViewName; lang: Lang }) {
  const current = useViewStore((s) => s.view);
  const href = useViewStore((s) => serializeViewUrl({ ...selectViewState(s), view }) || '?');
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    updateView({ view });
  };
  return (
    <a href={href} className="nav__link" aria-current={current === view ? 'page' : undefined} onClick={onClick}>
      {translate(appMessages, lang, view)}
    </a>
  );
}

/** The app header. */
export function Header({ lang }: { lang: Lang }) {
  const theme = usePreferences((s) => s.theme);
  const setTheme = usePreferences((s) => s.setTheme);
  return (
    <header className="header">
      <div className="header__brand">
        <span className="header__logo" aria-hidden="true">
          م
        </span>
        <span>
          <span className="header__name">{translate(appMessages, lang, 'brand')}</span>
          <span className="header__tagline">{translate(appMessages, lang, 'tagline')}</span>
        </span>
      </div>
      <nav className="nav" aria-label={translate(appMessages, lang, 'navLabel')}>
        {VIEWS.map((v) => (
          <NavLink key={v} view={v} lang={lang} />
        ))}
      </nav>
      <div className="header__tools">
        {/* Issue 15: import the user's own figures, and "Mes données" (the dialog loads on the first click). */}
        <ImportEntry lang={lang} />
        <ImportEntry lang={lang} start="datasets" className="button--small button--quiet" />
        <label className="field field--inline">
          <span>{translate(appMessages, lang, 'language')}</span>
          <select value={lang} onChange={(e) => updateView({ lang: e.currentTarget.value as Lang })}>
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {LANG_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--inline">
          <span>{translate(appMessages, lang, 'theme')}</span>
          <select value={theme} onChange={(e) => setTheme(e.currentTarget.value as ThemePreference)}>
            <option value="system">{translate(appMessages, lang, 'themeSystem')}</option>
            <option value="light">{translate(appMessages, lang, 'themeLight')}</option>
            <option value="dark">{translate(appMessages, lang, 'themeDark')}</option>
          </select>
        </label>
        <CopyLink lang={lang} />
      </div>
    </header>
  );
}
