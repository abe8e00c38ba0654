/**
 * ARIA tabs (WAI-ARIA APG "tabs with automatic activation"): arrow keys move and activate, Home/End
 * jump; in right-to-left the arrows follow the visual order.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';

/** Props of `Tabs`. */
export interface TabsProps<K extends string> {
  tabs: readonly { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
  label: string;
  idPrefix: string;
  rtl: boolean;
  children: ReactNode;
}

/** Tablist + the active tabpanel. */
export function Tabs<K extends string>(props: TabsProps<K>) {
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const index = Math.max(
    0,
    props.tabs.findIndex((t) => t.key === props.value),
  );
  const move = (to: number) => {
    const n = props.tabs.length;
    const tab = props.tabs[((to % n) + n) % n];
    if (!tab) return;
    props.onChange(tab.key);
    refs.current.get(tab.key)?.focus();
  };
  // On each tab (the focusable elements), not on the tablist: roving tabindex, one tab in the tab order.
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const next = props.rtl ? 'ArrowLeft' : 'ArrowRight';
    const prev = props.rtl ? 'ArrowRight' : 'ArrowLeft';
    if (e.key === next) move(index + 1);
    else if (e.key === prev) move(index - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(props.tabs.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={props.label} className="tabs__list">
        {props.tabs.map((t) => {
          const selected = t.key === props.value;
          return (
            <button
              key={t.key}
              ref={(el) => {
                if (el) refs.current.set(t.key, el);
                else refs.current.delete(t.key);
              }}
              type="button"
              role="tab"
              id={`${props.idPrefix}-tab-${t.key}`}
              aria-selected={selected}
              aria-controls={`${props.idPrefix}-panel`}
              tabIndex={selected ? 0 : -1}
              className="tabs__tab"
              onClick={() => props.onChange(t.key)}
              onKeyDown={onKeyDown}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      <div
        role="tabpanel"
        id={`${props.idPrefix}-panel`}
        aria-labelledby={`${props.idPrefix}-tab-${props.value}`}
        className="tabs__panel"
      >
        {props.children}
      </div>
    </div>
  );
}
