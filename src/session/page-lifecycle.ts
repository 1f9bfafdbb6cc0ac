// Leaving the page must not leave an upload staged on the LMS: on `pagehide` the session discards its
// staged upload with a request that outlives the page (UploadSession.abandon → CallOptions.keepalive); if
// the page comes back from the back-forward cache (`pageshow` with `persisted`), the file is checked again.
import type { UploadSession } from './upload-session.js';

/** The part of `window` this needs (a test passes an EventTarget). */
export type PageEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/** Ties `session` to the page's lifecycle; returns what unties it. Without a window (Node), does nothing. */
export function discardOnPageHide(session: Pick<UploadSession, 'abandon' | 'resume'>, page: PageEvents | undefined = globalThis.window): () => void {
  if (!page) return () => undefined;
  const hide = (): void => session.abandon();
  const show = (event: Event): void => {
    if ((event as PageTransitionEvent).persisted) void session.resume();
  };
  page.addEventListener('pagehide', hide);
  page.addEventListener('pageshow', show);
  return () => {
    page.removeEventListener('pagehide', hide);
    page.removeEventListener('pageshow', show);
  };
}
