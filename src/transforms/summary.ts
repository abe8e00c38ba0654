/**
 * A generated text summary of a chart, for screen readers and for everyone (issue 6):
 * "Casablanca-Settat : de 18,8 % en 2014 à 20,1 % en 2024, le plus élevé des 2 territoires." Pure.
 */
import type { Lang, Unit } from '../contract/contract.ts';
import type { ChartModel } from './chart-types.ts';
import { defineMessages, translate } from '../i18n/i18n.ts';
import { formatPeriod } from '../i18n/format.ts';
import { firstAndLast } from './delta.ts';
import { formatMeasured } from './value-format.ts';

const messages = defineMessages({
  fromTo: {
    fr: '{name} : de {a} en {p1} à {b} en {p2}',
    ar: '{name}: من {a} سنة {p1} إلى {b} سنة {p2}',
    en: '{name}: from {a} in {p1} to {b} in {p2}',
  },
  single: { fr: '{name} : {a} en {p1}', ar: '{name}: {a} سنة {p1}', en: '{name}: {a} in {p1}' },
  highest: {
    fr: ', le plus élevé des {n} territoires',
    ar: '، وهو الأعلى بين {n} مجالات ترابية',
    en: ', the highest of the {n} territories',
  },
  lowest: {
    fr: '{name} est le plus bas ({b}).',
    ar: '{name} هو الأدنى ({b}).',
    en: '{name} is the lowest ({b}).',
  },
  noData: {
    fr: 'Aucune donnée pour cette sélection.',
    ar: 'لا توجد بيانات لهذا الاختيار.',
    en: 'No data for this selection.',
  },
  gaps: {
    fr: '{n} valeur(s) manquante(s), affichée(s) comme des interruptions.',
    ar: '{n} قيمة (قيم) مفقودة، معروضة كانقطاعات.',
    en: '{n} missing value(s), shown as gaps.',
  },
});

/** Text summary of a chart model. */
export function summarizeChart(model: ChartModel, unitCode: Unit['code']): string {
  const lang: Lang = model.lang;
  const fmt = (v: number | null) => formatMeasured(v, unitCode, model.measure, lang);
  const ends = model.series
    .map((s) => ({ s, ...firstAndLast(s.points) }))
    .filter((e): e is typeof e & { first: NonNullable<typeof e.first>; last: NonNullable<typeof e.last> } =>
      Boolean(e.first && e.last),
    );
  if (ends.length === 0) return translate(messages, lang, 'noData');
  const sorted = [...ends].sort((a, b) => (b.last.value ?? 0) - (a.last.value ?? 0));
  const top = sorted[0] as (typeof sorted)[number];
  const vars = {
    name: top.s.label,
    a: fmt(top.first.value),
    p1: formatPeriod(top.first.period, lang),
    b: fmt(top.last.value),
    p2: formatPeriod(top.last.period, lang),
  };
  let text = translate(messages, lang, top.first === top.last ? 'single' : 'fromTo', vars);
  if (ends.length > 1) {
    text += translate(messages, lang, 'highest', { n: ends.length });
  }
  text += '.';
  const bottom = sorted.at(-1);
  if (bottom && ends.length > 2) {
    text += ' ' + translate(messages, lang, 'lowest', { name: bottom.s.label, b: fmt(bottom.last.value) });
  }
  const gaps = model.series.reduce((n, s) => n + s.points.filter((p) => p.value === null).length, 0);
  if (gaps > 0) text += ' ' + translate(messages, lang, 'gaps', { n: gaps });
  return text;
}
