import { type RefObject, useLayoutEffect } from 'react';

/**
 * Shrinks a one-line element's font, a pixel at a time from the size its classes give it down to `smallest`, until
 * its text fits its width: a KPI's value ("USD 1,279" in a narrow window) reads whole instead of "USD 1,…". Refits
 * when the element is resized or `text` changes; below `smallest` the element's own truncation takes over.
 */
export function useFitText(ref: RefObject<HTMLElement | null>, text: unknown, smallest = 18): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `text` is what the element shows; new text, a new fit.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const refit = () => {
      element.style.fontSize = '';
      let size = Number.parseFloat(getComputedStyle(element).fontSize);
      while (element.scrollWidth > element.clientWidth && size > smallest) {
        size -= 1;
        element.style.fontSize = `${size}px`;
      }
    };
    refit();
    let width = element.clientWidth;
    const resized = new ResizeObserver(() => {
      // Only a new width can change the fit (the font's own size changes the height, never the width).
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      refit();
    });
    resized.observe(element);
    // A web font that arrives after the first fit changes the text's width, not the element's.
    const fonts = element.ownerDocument.fonts;
    fonts?.addEventListener('loadingdone', refit);
    return () => {
      resized.disconnect();
      fonts?.removeEventListener('loadingdone', refit);
    };
  }, [ref, text, smallest]);
}
