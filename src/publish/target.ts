import type { SiteFile } from '../feed/build';

/** A file as a target holds it: its text and, where the target has them, its ETag. */
export interface StoredFile {
  body: string;
  etag?: string;
}

/** Only write if the file is still the one read (`ifMatch`), or does not exist yet (`ifNoneMatch: '*'`). */
export interface WriteCondition {
  ifMatch?: string;
  ifNoneMatch?: '*';
}

/**
 * Somewhere a site is published: the embedded host, object storage, a WebDAV server, a GitHub
 * repository. One small interface, so publishing, retries and conflict checks are written once.
 * Paths are relative to the site's root (`api/v2/summary.json`); each target maps them to its
 * own place (a bucket prefix, a folder).
 */
export interface Target {
  /** The file as published now, or undefined when there is none. */
  read(path: string): Promise<StoredFile | undefined>;
  /** Writes one file; resolves with its new ETag when the target gives one. */
  write(file: SiteFile, condition?: WriteCondition): Promise<{ etag?: string }>;
  /** Deletes one file (the connection test's probe); a file already gone is no error. */
  remove(path: string): Promise<void>;
  /**
   * Targets that record a publish as one change (a Git commit) take the changed files at once,
   * on condition the site is still at `base` (the `etag` its `read` gave): a conflict otherwise.
   * Targets without it get one `write` per file.
   */
  writeBatch?(files: SiteFile[], base: string | undefined): Promise<{ etag?: string }>;
}

export type PublishErrorKind = 'unreachable' | 'auth' | 'conflict' | 'rejected' | 'server' | 'config';

/**
 * Why a publish failed, in one sentence a responder can act on. Never holds a token or a key:
 * messages are built from status codes and our own words, and a server's text only when it is
 * the host's own validation message.
 */
export class PublishError extends Error {
  override name = 'PublishError';
  constructor(
    readonly kind: PublishErrorKind,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again by itself: the network, the server or a race, not a setting. */
  get retry(): boolean {
    return this.kind === 'unreachable' || this.kind === 'server' || this.kind === 'conflict';
  }
}
