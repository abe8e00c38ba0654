/**
 * The one wording of each data status, in the three languages (issue 12: the same status read "Données
 * illustratives" on the explorer's badge and "Illustratif — ne pas citer" on the overview's). Every place that
 * names a status takes it from here: the UI kit's badge (explorer, sources panel, KPI cards, compare, projects);
 * it sits in i18n, below the UI kit, so the pure exporters can use it too. Pure.
 */
import type { DataStatus, Lang } from '../contract/contract.ts';
import { defineMessages, translate } from './i18n.ts';

/** Status words, and the longer form for a tooltip. */
export const statusMessages = defineMessages({
  official: { fr: 'Officiel', ar: 'رسمي', en: 'Official' },
  estimate: { fr: 'Estimation', ar: 'تقدير', en: 'Estimate' },
  // "Do not quote" is part of the name: an illustrative figure copied without it reads as a fact.
  illustrative: { fr: 'Illustratif — ne pas citer', ar: 'توضيحي — لا يُستشهد به', en: 'Illustrative — do not quote' },
  // The user's own figures (issue 15): never mistaken for published ones.
  imported: { fr: 'Données importées', ar: 'بيانات مستوردة', en: 'Imported data' },
  statusLabel: { fr: 'Statut des données : {status}', ar: 'وضع البيانات: {status}', en: 'Data status: {status}' },
});

/** The status in words ("Officiel", "Estimation", "Illustratif — ne pas citer"). */
export function statusText(status: DataStatus, lang: Lang): string {
  return translate(statusMessages, lang, status);
}

/** "Statut des données : Estimation", for a badge's title. */
export function statusTitle(status: DataStatus, lang: Lang): string {
  return translate(statusMessages, lang, 'statusLabel', { status: statusText(status, lang) });
}
