/**
 * Text measuring without a DOM: an estimate of rendered width from the character count, good
 * enough to wrap titles and place legends in the composed export, and to wrap the bar chart's
 * territory names on screen without recharts measuring each one in the DOM (Noto Sans averages
 * ≈ 0.55 em per character; we round up so estimates err on the side of room).
 */

/** Average advance of a character, in em, per script. */
const EM_LATIN = 0.56;
const EM_ARABIC = 0.5;
const EM_WIDE = 0.68; // capitals, digits in tables, W/M

/** Estimated width in px of `text` at `fontSize` (600 weight adds ~5 %). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(ch)) em += EM_ARABIC;
    else if (/[A-Z0-9WMmw@%]/.test(ch)) em += EM_WIDE;
    else if (/[ iIl.,:;'|!]/.test(ch)) em += 0.3;
    else em += EM_LATIN;
  }
  return em * fontSize * (bold ? 1.05 : 1);
}

/** Cut `text` to fit `maxWidth`, ending with an ellipsis when cut. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('') + '…', fontSize, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/** Greedy word wrap into at most `maxLines` lines; the last line is ellipsised if text remains. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  let i = 0;
  for (; i < words.length; i++) {
    const word = words[i] ?? '';
    const candidate = current === '' ? word : `${current} ${word}`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth || current === '') {
      current = candidate;
      continue;
    }
    lines.push(current);
    current = word;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (current !== '') lines.push(current);
    i = words.length;
  }
  if (i < words.length || lines.some((l) => textWidth(l, fontSize, bold) > maxWidth)) {
    const rest = i < words.length ? ` ${words.slice(i).join(' ')}` : '';
    const last = lines.length - 1;
    lines[last] = fitText((lines[last] ?? '') + rest, maxWidth, fontSize, bold);
    for (let k = 0; k < last; k++) lines[k] = fitText(lines[k] ?? '', maxWidth, fontSize, bold);
  }
  return lines;
}

/** "Nice" axis ticks (1, 2, 5 × 10^n steps) covering [min, max]. */
export function niceTicks(min: number, max: number, count: number): { ticks: number[]; step: number } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { ticks: [0], step: 1 };
  if (min === max) {
    if (min === 0) return { ticks: [0, 1], step: 1 };
    const pad = Math.abs(min) * 0.1;
    return niceTicks(Math.min(0, min - pad), Math.max(0, max + pad), count);
  }
  const raw = (max - min) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10) * mag;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { ticks: ticks.map((t) => Number(t.toPrecision(12))), step };
}

/**
 * Which tick labels a time axis shows, as indices into `positions` (each label's centre in px, ascending): the first,
 * then each next label at least `minDistance` px from the last one shown, and always the last label (the latest
 * period), which replaces the ones before it that would be closer, the first one included. Recharts would measure each label in the DOM to drop the ones that collide
 * (`minTickGap`); the line chart decides it from the labels' estimated width instead (issue 16, TBT).
 */
export function thinTicks(positions: readonly number[], minDistance: number): number[] {
  const last = positions.length - 1;
  if (last < 0) return [];
  const picked = [0];
  for (let i = 1; i < last; i++) {
    if ((positions[i] ?? 0) - (positions[picked.at(-1) ?? 0] ?? 0) >= minDistance) picked.push(i);
  }
  if (last > 0) {
    while (picked.length > 0 && (positions[last] ?? 0) - (positions[picked.at(-1) ?? 0] ?? 0) < minDistance) {
      picked.pop();
    }
    picked.push(last);
  }
  return picked;
}
