// Filters that stand before a list. On a phone they would fill the first screens (the peer finder's topics alone
// are 59 checkboxes), so there they are folded under a summary, closed at first, and the results come into view;
// on a wide screen they are shown as they always were. Decided once, when the page is drawn.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** The same width as the layout's narrow breakpoint in style.css. */
const NARROW = '(max-width: 40rem)';

export function FilterPanel({ summary, children }: { summary: string; children: ComponentChildren }) {
  const [narrow] = useState(() => window.matchMedia(NARROW).matches);
  return narrow ? (
    <details class="filter-panel">
      <summary>{summary}</summary>
      {children}
    </details>
  ) : (
    <div class="filter-panel">{children}</div>
  );
}
