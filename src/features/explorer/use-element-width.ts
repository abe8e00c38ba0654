/**
 * Width of a panel, measured with ResizeObserver: only the outer panel measures, charts take width as
 * a prop (so tests and exports get predictable sizes). Falls back to `fallback` where layout is absent (jsdom).
 */
import { useEffect, useRef, useState } from 'react';

/** A ref to attach and the measured width. */
export function useElementWidth<T extends HTMLElement>(fallback = 720) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, width };
}
