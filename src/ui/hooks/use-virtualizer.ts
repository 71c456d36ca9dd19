import { Virtualizer, elementScroll, measureElement, observeElementOffset, observeElementRect, type VirtualizerOptions } from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

type Options = Pick<VirtualizerOptions<HTMLElement, HTMLElement>, 'count' | 'getScrollElement' | 'estimateSize' | 'getItemKey' | 'overscan'>;

/**
 * TanStack's framework-free virtualizer in a Preact hook: only the rows in view (plus overscan)
 * are in the DOM, so a 10,000-entry timeline renders as fast as a 20-entry one.
 */
export function useVirtualizer(options: Options): Virtualizer<HTMLElement, HTMLElement> {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const resolved: VirtualizerOptions<HTMLElement, HTMLElement> = {
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    measureElement: measureWithoutForcedLayout,
    ...options,
    onChange: () => rerender(undefined),
  };
  const [instance] = useState(() => new Virtualizer(resolved));
  instance.setOptions(resolved);
  useLayoutEffect(() => instance._didMount(), []);
  useLayoutEffect(() => instance._willUpdate());
  return instance;
}

/**
 * A row's height from its ResizeObserver entry. A row just mounted has none yet: it keeps the
 * size known (or estimated) until the observer reports, in the same frame before paint, instead
 * of reading offsetHeight, which forced a layout per row entering the view while scrolling.
 */
const measureWithoutForcedLayout: VirtualizerOptions<HTMLElement, HTMLElement>['measureElement'] = (element, entry, instance) => {
  if (entry) return measureElement(element, entry, instance);
  const index = instance.indexFromElement(element);
  return instance.itemSizeCache.get(instance.options.getItemKey(index)) ?? instance.options.estimateSize(index);
};
