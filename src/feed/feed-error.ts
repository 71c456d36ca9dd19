/** A feed Sitrep cannot use; the message tells the site owner what to fix. */
export class FeedError extends Error {
  override name = 'FeedError';
}
