/**
 * The page's title: the view's heading and the brand ("Explorateur d’indicateurs · Mouchir"). The prerendered shell
 * of each view carries it in its `<title>` (src/prerender/shell.tsx) and the app keeps it in step when the reader
 * changes view or language, so a tab, a bookmark and the history name the view shown (issue 16, item 1).
 */
import { useEffect } from 'react';
import type { Lang } from '../contract/contract.ts';
import { translate } from '../i18n/i18n.ts';
import type { ViewName } from '../state/view-state.ts';
import { overviewHeadMessages } from '../features/overview/head-messages.ts';
import { explorerHeadMessages } from '../features/explorer/head-messages.ts';
import { compareHeadMessages } from '../features/compare/head-messages.ts';
import { projectsHeadMessages } from '../features/projects/head-messages.ts';
import { appMessages } from './messages.ts';

/** The title of `view` in `lang`. Pure. */
export function documentTitle(view: ViewName, lang: Lang): string {
  const heading =
    view === 'overview'
      ? translate(overviewHeadMessages, lang, 'title')
      : view === 'explorer'
        ? translate(explorerHeadMessages, lang, 'title')
        : view === 'compare'
          ? translate(compareHeadMessages, lang, 'title')
          : translate(projectsHeadMessages, lang, 'title');
  return `${heading} · ${translate(appMessages, lang, 'brand')}`;
}

/** Keep `document.title` in step with the view and language shown. */
export function useDocumentTitle(view: ViewName, lang: Lang): void {
  useEffect(() => {
    const title = documentTitle(view, lang);
    if (document.title !== title) document.title = title;
  }, [view, lang]);
}
