import * as z from 'zod';
import { Severity } from './severity';

/** The status site: what it is called, where readers find it, how much history it keeps. */
export const SiteSettings = z.strictObject({
  /** Stable id of the page in the Statuspage documents (`page.id`). */
  pageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1, 'The status page needs a name').max(255),
  /** IANA zone named in the feed (`page.time_zone`); the page itself shows the reader's own. */
  timeZone: z.string().min(1).max(64),
  /** Days of history on the page and in the feeds. */
  historyDays: z.int().min(7, 'Keep at least 7 days of history').max(365, 'At most 365 days of history'),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

const TargetId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'A target id is 1–64 lower-case letters, digits or -');
/** An http(s) URL without a user name or password in it: those belong in the secret, and fetch refuses them. */
const HttpUrl = (what: string) =>
  z
    .url({ protocol: /^https?$/, error: `${what} starts with http:// or https://` })
    .max(2048)
    .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), `${what} must not hold a user name or password: put those in their own fields`);
/** Where readers find the site when it is not where it is written (a CDN, GitHub Pages). */
const PublicUrl = HttpUrl('The public URL of the status site');

/**
 * The embedded host as a publish target: it serves the site where it is written. Its token is
 * a secret and is stored apart, in `storage.local` only (see `src/publish/target-store.ts`).
 */
export const HostTarget = z.strictObject({
  kind: z.literal('host'),
  id: TargetId,
  /** The host's base URL; the site is served from here, and published to it. */
  url: HttpUrl('The host URL'),
});
export type HostTarget = z.infer<typeof HostTarget>;

/**
 * S3-compatible object storage (AWS S3, Cloudflare R2, MinIO, Backblaze B2, Google Cloud
 * Storage's XML API). Secret: the secret access key.
 */
export const S3Target = z.strictObject({
  kind: z.literal('s3'),
  id: TargetId,
  /** The service endpoint, e.g. https://s3.eu-west-1.amazonaws.com or https://<account>.r2.cloudflarestorage.com. */
  endpoint: HttpUrl('The S3 endpoint'),
  region: z.string().trim().min(1, 'The region, e.g. eu-west-1 (auto for R2)').max(64),
  bucket: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'A bucket name: 3–63 lower-case letters, digits, . or -'),
  /** A folder in the bucket (`status/`), or empty for its root. */
  prefix: z
    .string()
    .trim()
    .max(512)
    .regex(/^(?:[^/].*\/)?$/, 'A prefix ends with / and does not start with one'),
  accessKeyId: z.string().trim().min(1, 'The access key id').max(128),
  publicUrl: PublicUrl,
});
export type S3Target = z.infer<typeof S3Target>;

/** Any server that takes HTTP PUT (nginx dav_methods, Apache mod_dav). Secret: the password. */
export const WebDavTarget = z.strictObject({
  kind: z.literal('webdav'),
  id: TargetId,
  /** The folder the site is written to; files go below it. */
  url: HttpUrl('The WebDAV folder URL'),
  /** Basic auth user; empty for none. */
  username: z.string().max(256),
  publicUrl: PublicUrl,
});
export type WebDavTarget = z.infer<typeof WebDavTarget>;

/** A GitHub repository (for GitHub Pages): one commit per publish. Secret: a fine-grained token. */
export const GitHubTarget = z.strictObject({
  kind: z.literal('github'),
  id: TargetId,
  /** https://api.github.com, or a GitHub Enterprise Server's /api/v3. */
  apiUrl: HttpUrl('The GitHub API URL'),
  owner: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,39}$/, 'The owner: a GitHub user or organisation'),
  repo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'The repository name'),
  branch: z.string().trim().min(1).max(255),
  /** A folder in the repository (`docs/`), or empty for its root. */
  directory: z
    .string()
    .trim()
    .max(512)
    .regex(/^(?:[^/].*\/)?$/, 'A folder ends with / and does not start with one'),
  publicUrl: PublicUrl,
});
export type GitHubTarget = z.infer<typeof GitHubTarget>;

/** Somewhere the status site is published. Secrets are never part of it. */
export const PublishTarget = z.discriminatedUnion('kind', [HostTarget, S3Target, WebDavTarget, GitHubTarget]);
export type PublishTarget = z.infer<typeof PublishTarget>;

/** Where readers find the site a target writes: the links in the feeds and pages start here. */
export function siteUrlOf(target: PublishTarget): string {
  return target.kind === 'host' ? target.url : target.publicUrl;
}

/** How often customers must hear from us while an incident is open. */
export const UpdateCadence = z.strictObject({
  /** Minutes from declaring to the first public update. */
  firstMinutes: z
    .int()
    .min(1)
    .max(24 * 60),
  /** Minutes between public updates while unresolved, per severity. */
  everyMinutes: z.record(
    Severity,
    z
      .int()
      .min(1)
      .max(7 * 24 * 60),
  ),
});
export type UpdateCadence = z.infer<typeof UpdateCadence>;

export const DEFAULT_CADENCE: UpdateCadence = {
  firstMinutes: 5,
  everyMinutes: { SEV1: 30, SEV2: 30, SEV3: 30, SEV4: 30, SEV5: 30 },
};
