/**
 * A generated text summary of a chart, for screen readers and for everyone (issue 6):
 * "Casablanca-Settat : de 18,8 % en 2014 à 20,1 % en 2024, le plus élevé des 2 territoires." Pure.
 */
import type { Lang, Unit } from '../contract/contract.ts';
import type { ChartModel } from './chart-types.ts';
import { defineMessages, definePlurals, plural, translate } from '../i18n/i18n.ts';
import { firstAndLast } from './delta.ts';
import { formatPeriod } from '../i18n/format.ts';
import { formatMeasured, pointValueText } from './value-format.ts';

const messages = defineMessages({
  fromTo: {
    fr: '{name} : de {a} à {b}',
    ar: '{name}: من {a} إلى {b}',
    en: '{name}: from {a} to {b}',
  },
  single: { fr: '{name} : {a}', ar: '{name}: {a}', en: '{name}: {a}' },
  /** A value and its period: "18,8 % en 2014". */
  valueIn: { fr: '{value} en {period}', ar: '{value} سنة {period}', en: '{value} in {period}' },
  /** A value of an undated point, with the source's words: "42,2 % (avant la réforme de 2022)". */
  valueLabelled: { fr: '{value} ({label})', ar: '{value} ({label})', en: '{value} ({label})' },

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
});

/** Summary sentences that count something (`plural`, src/i18n/i18n.ts). */
export const summaryPlurals = definePlurals({
  highest: {
    fr: { one: ', seul territoire affiché', other: ', le plus élevé des {n} territoires' },
    ar: {
      zero: '، دون مجال ترابي آخر',
      one: '، وهو المجال الترابي الوحيد المعروض',
      two: '، وهو الأعلى بين المجالين الترابيين',
      few: '، وهو الأعلى بين {n} مجالات ترابية',
      many: '، وهو الأعلى بين {n} مجالا ترابيا',
      other: '، وهو الأعلى بين {n} مجال ترابي',
    },
    en: { one: ', the only territory shown', other: ', the highest of the {n} territories' },
  },
  gaps: {
    fr: {
      one: '{n} valeur manquante, affichée comme une interruption.',
      other: '{n} valeurs manquantes, affichées comme des interruptions.',
    },
    ar: {
      zero: 'لا قيمة مفقودة.',
      one: 'قيمة واحدة مفقودة، معروضة كانقطاع.',
      two: 'قيمتان مفقودتان، معروضتان كانقطاعين.',
      few: '{n} قيم مفقودة، معروضة كانقطاعات.',
      many: '{n} قيمة مفقودة، معروضة كانقطاعات.',
      other: '{n} قيمة مفقودة، معروضة كانقطاعات.',
    },
    en: { one: '{n} missing value, shown as a gap.', other: '{n} missing values, shown as gaps.' },
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
  const at = (p: (typeof top)['first']) =>
    p.periodLabel
      ? translate(messages, lang, 'valueLabelled', { value: pointValueText(p, fmt, lang), label: p.periodLabel })
      : translate(messages, lang, 'valueIn', {
          value: pointValueText(p, fmt, lang),
          period: formatPeriod(p.period, lang),
        });
  const vars = { name: top.s.label, a: at(top.first), b: at(top.last) };
  let text = translate(messages, lang, top.first === top.last ? 'single' : 'fromTo', vars);
  if (ends.length > 1) {
    text += plural(summaryPlurals.highest, lang, ends.length);
  }
  text += '.';
  const bottom = sorted.at(-1);
  if (bottom && ends.length > 2) {
    text +=
      ' ' + translate(messages, lang, 'lowest', { name: bottom.s.label, b: pointValueText(bottom.last, fmt, lang) });
  }
  const gaps = model.series.reduce((n, s) => n + s.points.filter((p) => p.value === null).length, 0);
  if (gaps > 0) text += ' ' + plural(summaryPlurals.gaps, lang, gaps);
  return text;
}
