/**
 * Ranking for the ranked bar chart and summaries. Pure.
 * Missing values never get a rank: they are listed after the ranked ones, with their reason.
 */

export interface Rankable {
  key: string;
  value: number | null;
}

export interface Ranked<T extends Rankable> {
  item: T;
  /** 1-based competition rank ("1, 2, 2, 4"); `null` for missing values. */
  rank: number | null;
}

/** Sort descending (or ascending) by value; ties share a rank; nulls last, in input order. */
export function rankItems<T extends Rankable>(items: readonly T[], order: 'desc' | 'asc' = 'desc'): Ranked<T>[] {
  const present = items.filter((i): i is T & { value: number } => i.value !== null);
  const missing = items.filter((i) => i.value === null);
  const sign = order === 'desc' ? -1 : 1;
  const sorted = [...present].sort((a, b) => sign * (a.value - b.value) || a.key.localeCompare(b.key));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((item, index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.item.value === item.value ? previous.rank : index + 1;
    ranked.push({ item, rank });
  });
  return [...ranked, ...missing.map((item) => ({ item, rank: null }))];
}
