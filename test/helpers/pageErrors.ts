import type { Page } from 'playwright-core';

/**
 * Collects a page's uncaught errors and console errors; the returned check throws if there were any.
 * A 4xx logged by the browser (a signed-out `GET /auth/me`) is an answer the page handles, not an error.
 */
export function watchPageErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !/^Failed to load resource: the server responded with a status of 4\d\d\b/.test(m.text()) &&
      errors.push(m.text()),
  );
  return () => {
    if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  };
}
