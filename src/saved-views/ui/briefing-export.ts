/**
 * The briefing's PowerPoint (issue 17 item 1): one deck, one slide per view in the briefing. Loaded on demand by
 * "Exporter le briefing (PowerPoint)" (pptxgenjs itself is loaded by the deck writer). Map views need their picture:
 * composed here in the browser, beside the pure deck spec (src/export/briefing-deck.ts).
 */
import type { QueryClient } from '@tanstack/react-query';
import type { Lang } from '../../contract/contract.ts';
import { composeMapWithFonts } from '../../export/actions.ts';
import { buildBriefingDeckSpec, writeBriefingDeck } from '../../export/briefing-deck.ts';
import { todayIso } from '../../export/caption.ts';
import { downloadBlob } from '../../export/download.ts';
import { mapModelOfPin } from '../../export/pins.ts';
import { svgToPng } from '../../export/png.ts';
import { blobToDataUrl, MAP_SLIDE_IMAGE } from '../../export/pptx.ts';
import { loadTopology } from '../../export/ui/presentation-mode.tsx';
import { briefingDeckItems, type BriefingSlide } from '../briefing.ts';

/** File name of the briefing deck: `mouchir_briefing_<n>-vues_<YYYY-MM-DD>.pptx`. */
export function briefingFileName(count: number, date: string, ext: 'pptx' | 'pdf'): string {
  return `mouchir_briefing_${count}-vues_${date}.${ext}`;
}

/** The map pictures of the briefing's map slides, by slide index (`null` where one could not be drawn). */
async function mapImages(
  slides: readonly BriefingSlide[],
  client: QueryClient | undefined,
): Promise<Map<number, string | null>> {
  const images = new Map<number, string | null>();
  await Promise.all(
    slides.map(async (s, i) => {
      if (!s.map) return;
      try {
        const topo = await loadTopology(client);
        const svg = await composeMapWithFonts(
          {
            model: mapModelOfPin(s.map),
            topo,
            regions: s.map.regions,
            title: s.map.title,
            regionLabels: new Map(s.map.regionLabels),
            link: s.link,
            synthetic: s.model?.synthetic === true,
          },
          MAP_SLIDE_IMAGE,
          'white',
          1,
          true,
        );
        const png = await svgToPng(svg, MAP_SLIDE_IMAGE.width, MAP_SLIDE_IMAGE.height, 2);
        images.set(i, await blobToDataUrl(png));
      } catch {
        // No boundaries (offline, first time): the view becomes a title slide with the map's title and source.
        images.set(i, null);
      }
    }),
  );
  return images;
}

/** Build the briefing deck (no download). */
export async function renderBriefingDeck(
  slides: readonly BriefingSlide[],
  lang: Lang,
  client: QueryClient | undefined,
): Promise<Blob> {
  const items = briefingDeckItems(slides, await mapImages(slides, client));
  return writeBriefingDeck(buildBriefingDeckSpec(items, lang, todayIso()));
}

/** Download the briefing deck; returns the file name. */
export async function downloadBriefingDeck(
  slides: readonly BriefingSlide[],
  lang: Lang,
  client: QueryClient | undefined,
): Promise<string> {
  const blob = await renderBriefingDeck(slides, lang, client);
  const name = briefingFileName(slides.length, todayIso(), 'pptx');
  downloadBlob(blob, name);
  return name;
}
