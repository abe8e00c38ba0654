/**
 * A user dataset as the rest of the app sees it (issue 15): a contract `Indicator` (category and status
 * `imported`, id `user-<id>`) and contract `Observation`s, with small counts suppressed. Pure and light (no
 * IndexedDB): the query layer calls it on what the store read; tests call it directly.
 */
import type { Indicator, LocalizedText, Observation, ObservationsQuery } from '../contract/contract.ts';
import { compareMonthSpans, periodMonths, rangeMonths, spanOverlaps } from '../contract/period.ts';
import { userIndicatorId } from './ids.ts';
import { fullText, type DatasetMeta, type DatasetObservation } from './types.ts';

/** The method text of an imported indicator: where and when it came from, in the three languages. */
export function importMethod(meta: Pick<DatasetMeta, 'fileName' | 'importedAt' | 'smallCountThreshold' | 'kind'>) {
  const date = meta.importedAt.slice(0, 10);
  const t = meta.kind === 'count' ? meta.smallCountThreshold : undefined;
  const method: LocalizedText = {
    fr: `Données importées depuis le fichier « ${meta.fileName} » le ${date}, conservées dans ce navigateur ; non vérifiées par Mouchir.`,
    ar: `بيانات مستوردة من الملف «${meta.fileName}» بتاريخ ${date}، محفوظة في هذا المتصفح؛ لم يتحقق منها «مؤشر».`,
    en: `Data imported from the file “${meta.fileName}” on ${date}, kept in this browser; not checked by Mouchir.`,
  };
  if (t !== undefined) {
    method.fr += ` Les effectifs inférieurs à ${t} sont masqués (« < ${t} ») et exclus des sommes et des mesures par habitant.`;
    method.ar += ` الأعداد الأقل من ${t} محجوبة («< ${t}») ومستبعدة من المجاميع ومن المقاييس حسب عدد السكان.`;
    method.en += ` Counts below ${t} are suppressed (“< ${t}”) and left out of sums and per-capita measures.`;
  }
  return method;
}

/**
 * The contract indicator of a dataset. A count may be shown per 1 000 inhabitants (census population, like
 * official counts); a rate may not. Name, description and unit fall back to a given language where one is missing.
 */
export function toIndicator(meta: DatasetMeta): Indicator {
  const isCount = meta.kind === 'count';
  return {
    id: userIndicatorId(meta.id),
    name: fullText(meta.name),
    description: fullText(meta.description ?? meta.name),
    unit: { code: meta.unit.code, label: fullText(meta.unit.label) },
    category: 'imported',
    levels: [...meta.levels],
    frequency: meta.frequency,
    source: {
      publisher: meta.source.publisher,
      title: meta.source.title,
      url: meta.source.url,
      published: meta.source.published,
      retrieved: meta.importedAt.slice(0, 10),
    },
    status: 'imported',
    method: importMethod(meta),
    lastUpdated: meta.importedAt.slice(0, 10),
    perCapita: isCount,
    measures: isCount ? ['absolute', 'per1000'] : ['absolute'],
    polarity: 'neutral',
  };
}

/** The note of a suppressed count: "< 10" and why, in the three languages. */
export function smallCountNote(threshold: number): LocalizedText {
  return {
    fr: `< ${threshold} (petit effectif masqué)`,
    ar: `< ${threshold} (عدد صغير محجوب)`,
    en: `< ${threshold} (small count suppressed)`,
  };
}

/**
 * Counts below the dataset's threshold become `null` with qualifier `upper-bound` and the note "< 10": every view
 * and export shows the note, sums and per-capita measures leave the point out (a null is never added). Rates and
 * datasets without a threshold are returned as they are.
 */
export function applySmallCounts(
  observations: readonly DatasetObservation[],
  meta: Pick<DatasetMeta, 'kind' | 'smallCountThreshold'>,
): readonly DatasetObservation[] {
  const t = meta.kind === 'count' ? meta.smallCountThreshold : undefined;
  if (t === undefined) return observations;
  const note = smallCountNote(t);
  return observations.map((o) =>
    o.value !== null && o.value < t ? { ...o, value: null, qualifier: 'upper-bound' as const, note } : o,
  );
}

/**
 * The observations a query asks for, the way the mock API answers them (src/mocks/db.ts): the requested
 * territories (all when none), periods overlapping [from, to] by the one period module, grouped by territory in the
 * requested order (else by code) and sorted by period.
 */
export function filterObservations(rows: readonly Observation[], query: ObservationsQuery): Observation[] {
  const wanted = query.territories && query.territories.length > 0 ? [...new Set(query.territories)] : null;
  const range = rangeMonths(query.from, query.to);
  const byTerritory = new Map<string, { row: Observation; start: number; end: number }[]>();
  for (const row of rows) {
    if (wanted && !wanted.includes(row.territory)) continue;
    const span = periodMonths(row.period);
    if (!span || !spanOverlaps(span, range)) continue;
    let list = byTerritory.get(row.territory);
    if (!list) byTerritory.set(row.territory, (list = []));
    list.push({ row, ...span });
  }
  const codes = wanted ?? [...byTerritory.keys()].sort((a, b) => a.length - b.length || a.localeCompare(b));
  const out: Observation[] = [];
  for (const code of codes) {
    const list = byTerritory.get(code);
    if (!list) continue;
    list.sort(compareMonthSpans);
    for (const x of list) out.push(x.row);
  }
  return out;
}
