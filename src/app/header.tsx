/**
 * The header: brand, navigation between views (links, so each view opens in a new tab too),
 * the import entries (issue 15), "Vues enregistrées (n)" (issue 17: the saved-views panel), language switcher, theme
 * switch and "copy link".
 * Issue 16 (3): at ≤ 480 px the header is one compact bar — brand and a "Menu" disclosure holding the tools — with
 * the four views in a compact row under it (src/styles/global.css); above 480 px the button is not shown and the
 * tools are always there.
 */
import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';
import { LANGS, type Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import { updateView } from '../state/url-sync.ts';
import { serializeViewUrl, VIEWS, type ViewName } from '../state/view-state.ts';
import { selectViewState, useViewStore } from '../state/view-store.ts';
import { usePreferences, type ThemePreference } from '../state/preferences.ts';
import { ImportEntry } from '../features/import/index.ts';
import { SavedViewsEntry } from '../saved-views/ui/saved-views-entry.tsx';
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
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const toolsId = useId();
  useEffect(() => {
    if (!menuOpen) return;
    // Escape closes the menu and gives the focus back to its button (not when a dialog opened from it handled the
    // key: the import dialog stops it and closes itself).
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);
  return (
    <header className="header" data-menu-open={menuOpen ? '' : undefined}>
      <div className="header__brand">
        <span className="header__logo" aria-hidden="true">
          م
        </span>
        <span>
          <span className="header__name">{translate(appMessages, lang, 'brand')}</span>
          <span className="header__tagline">{translate(appMessages, lang, 'tagline')}</span>
        </span>
      </div>
      <button
        ref={menuButton}
        type="button"
        className="button header__menu-button"
        aria-expanded={menuOpen}
        aria-controls={toolsId}
        data-header-menu=""
        onClick={() => setMenuOpen((o) => !o)}
      >
        <span aria-hidden="true" className="header__menu-icon" />
        {translate(appMessages, lang, 'menu')}
      </button>
      <nav className="nav" aria-label={translate(appMessages, lang, 'navLabel')}>
        {VIEWS.map((v) => (
          <NavLink key={v} view={v} lang={lang} />
        ))}
      </nav>
      <div className="header__tools" id={toolsId}>
        {/* Issue 15: import the user's own figures, and "Mes données" (the dialog loads on the first click). */}
        <ImportEntry lang={lang} />
        <ImportEntry lang={lang} start="datasets" className="button--small button--quiet" />
        {/* Issue 17: save the view on screen, and list, open, reorder, export the saved views (panel on first click). */}
        <SavedViewsEntry lang={lang} />
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
