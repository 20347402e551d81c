/**
 * Runs `load` once, when an element first comes near the viewport: how the site's heavy interactive
 * parts (the graph explorer, local graphs) fetch their code and data only for readers who reach them.
 */
export function whenVisible(element: Element, load: () => unknown, margin = '200px'): void {
  if (!('IntersectionObserver' in window)) {
    load();
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: margin },
  );
  observer.observe(element);
}
