import * as z from 'zod';
import type { SitrepDb } from '../../db/database';
import { publishTargetsItem } from '../../db/storage-items';
import { PublishTarget } from '../../model';
import { openTarget } from '../../publish/open-target';
import { loadSecret, readTargets, removeTarget, saveTarget } from '../../publish/target-store';
import { PROBE_PATH, testConnection } from '../../publish/test-connection';
import { downloadText } from '../download';
import { createConfiguredListState } from './configured-list-state';
import { describeFormError, publishAfterChange, withoutSecrets, type FormErrors } from './publishing-state';

export type TargetKind = PublishTarget['kind'];

/** The kinds, in the order the form offers them. */
export const TARGET_KINDS: readonly TargetKind[] = ['host', 's3', 'webdav', 'github'];

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  host: 'Sitrep host',
  s3: 'S3-compatible storage',
  webdav: 'WebDAV / HTTP PUT server',
  github: 'GitHub repository',
};

/** Every field any kind's form has, as typed; `secret` is the token, key or password. */
export interface TargetFormValues {
  url: string;
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  username: string;
  apiUrl: string;
  owner: string;
  repo: string;
  branch: string;
  directory: string;
  publicUrl: string;
  secret: string;
}

export type TargetField = keyof TargetFormValues;

/** Each kind's fields in the order its form shows them: the first one in error gets the focus. */
export const TARGET_FIELDS: Record<TargetKind, readonly TargetField[]> = {
  host: ['url', 'secret'],
  s3: ['endpoint', 'region', 'bucket', 'prefix', 'accessKeyId', 'secret', 'publicUrl'],
  webdav: ['url', 'username', 'secret', 'publicUrl'],
  github: ['owner', 'repo', 'branch', 'directory', 'secret', 'publicUrl', 'apiUrl'],
};

const BLANK: TargetFormValues = {
  url: '',
  endpoint: '',
  region: '',
  bucket: '',
  prefix: '',
  accessKeyId: '',
  username: '',
  apiUrl: 'https://api.github.com',
  owner: '',
  repo: '',
  branch: 'main',
  directory: '',
  publicUrl: '',
  secret: '',
};

/** A new target's form: blank, but for GitHub's API address and the usual branch. */
export const blankTargetValues = (): TargetFormValues => ({ ...BLANK });

/** A saved target in its form. The secret is never put back: it stays empty, and empty keeps it. */
export function targetFormValuesOf(target: PublishTarget): TargetFormValues {
  const { kind: _kind, id: _id, ...fields } = target;
  return { ...BLANK, ...fields, secret: '' };
}

const withoutTrailingSlashes = (url: string) => url.trim().replace(/\/+$/, '');
/** `status` means the folder `status/`: the schema wants the slash, a person rarely types it. */
const asFolder = (path: string) => {
  const trimmed = path.trim();
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
};

/** What the store saves from the form (the schema checks it): trimmed, URLs without a trailing slash. */
export function targetInputOf(kind: TargetKind, v: TargetFormValues, id: string): Record<string, string> {
  switch (kind) {
    case 'host':
      return { kind, id, url: withoutTrailingSlashes(v.url) };
    case 's3':
      return {
        kind,
        id,
        endpoint: withoutTrailingSlashes(v.endpoint),
        region: v.region.trim(),
        bucket: v.bucket.trim(),
        prefix: asFolder(v.prefix),
        accessKeyId: v.accessKeyId.trim(),
        publicUrl: v.publicUrl.trim(),
      };
    case 'webdav':
      return { kind, id, url: v.url.trim(), username: v.username.trim(), publicUrl: v.publicUrl.trim() };
    case 'github':
      return {
        kind,
        id,
        apiUrl: withoutTrailingSlashes(v.apiUrl),
        owner: v.owner.trim(),
        repo: v.repo.trim(),
        branch: v.branch.trim(),
        directory: asFolder(v.directory),
        publicUrl: v.publicUrl.trim(),
      };
  }
}

interface SecretRule {
  /** Checks (and trims, where spaces cannot be meant) what was typed. */
  schema: z.ZodType<string>;
  /** Whether the target cannot work without one. */
  needed(values: TargetFormValues): boolean;
}

const SECRET_RULES: Record<TargetKind, SecretRule> = {
  host: { schema: z.string().trim().min(16, 'Paste the token the host printed (its token file holds it)').max(500), needed: () => true },
  s3: { schema: z.string().trim().min(1, 'The secret access key that goes with the access key id').max(256), needed: () => true },
  // A password may begin or end with a space; only a user name makes one needed.
  webdav: { schema: z.string().min(1, 'The password of this user').max(1024), needed: (v) => v.username.trim() !== '' },
  github: {
    schema: z.string().trim().min(1, 'A fine-grained token with Contents: read and write on this repository').max(1024),
    needed: () => true,
  },
};

export type PreparedTarget = { ok: true; target: PublishTarget; secret?: string } | { ok: false; errors: FormErrors<TargetField> };

/**
 * Checks the form without saving, synchronously, so the permission prompt is only shown for a
 * target that will be saved. An empty secret keeps the saved one, when there is one. The messages
 * are the schema's words and never hold what was typed.
 */
export function prepareTarget(kind: TargetKind, values: TargetFormValues, id: string, secretSaved: boolean): PreparedTarget {
  const parsed = PublishTarget.safeParse(targetInputOf(kind, values, id));
  const errors: FormErrors<TargetField> = parsed.success ? { fields: {} } : describeFormError(parsed.error, TARGET_FIELDS[kind]);
  const rule = SECRET_RULES[kind];
  let secret: string | undefined;
  if (values.secret !== '') {
    const checked = rule.schema.safeParse(values.secret);
    if (checked.success) secret = checked.data;
    else errors.fields.secret = checked.error.issues[0]?.message;
  } else if (!secretSaved && rule.needed(values)) {
    errors.fields.secret = rule.schema.safeParse('').error?.issues[0]?.message;
  }
  if (!parsed.success || errors.fields.secret || errors.form) return { ok: false, errors };
  return { ok: true, target: parsed.data, ...(secret !== undefined && { secret }) };
}

/** The URLs a target sends requests to, for the host permission: where it writes, not where it is read. */
export function writeUrlsOf(target: PublishTarget): string[] {
  switch (target.kind) {
    case 'host':
    case 'webdav':
      return [target.url];
    case 's3':
      return [target.endpoint];
    case 'github':
      return [target.apiUrl];
  }
}

/** What "Test connection" says when it worked. */
export const CONNECTION_WORKS = `Connection works: wrote, read back and deleted ${PROBE_PATH}`;

/** Why a test failed, in words: a PublishError already is one sentence; anything else is said as it came. */
export function describeTestFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where a downloaded site will be served: its links start there. */
export const DownloadSiteUrl = z
  .string()
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'Where readers will find the site, starting with http:// or https://' }).max(2048));

export interface SiteDownload {
  name: string;
  bytes: Uint8Array;
}

export interface TargetsDeps {
  /** Builds the site as a publish would, zipped, its links starting at `siteUrl`. */
  buildSiteDownload(db: SitrepDb, siteUrl: string): Promise<SiteDownload>;
  /** Hands the file to the browser's download UI. */
  saveFile(name: string, bytes: Uint8Array): void;
}

const defaultDeps: TargetsDeps = {
  // Loaded when asked for: the zip library stays out of the page until someone downloads.
  buildSiteDownload: async (db, siteUrl) => (await import('../../publish/site-download')).buildSiteDownload(db, siteUrl),
  saveFile: (name, bytes) => downloadText(name, new Uint8Array(bytes), 'application/zip'),
};

/**
 * The publish targets as the options page sees them: the list, which have a secret saved (never
 * the secrets), each one's last result, live; saving, removing, testing, and the site as a zip.
 */
export function createTargetsState(db: SitrepDb, deps: Partial<TargetsDeps> = {}) {
  const { buildSiteDownload, saveFile } = { ...defaultDeps, ...deps };
  const stored = createConfiguredListState(db, publishTargetsItem, readTargets);

  return {
    targets: stored.list,
    loaded: stored.loaded,
    ready: stored.ready,
    secretSaved: stored.secretSaved,
    resultOf: stored.resultOf,
    /** An id for a new target of this kind. */
    newId: (kind: TargetKind) => stored.newId(kind),
    /**
     * Saves a prepared target (its secret apart, with the secrets; none keeps the saved one), then
     * publishes to it so the site is there. Throws with no secret in the message.
     */
    async save(target: PublishTarget, secret?: string): Promise<PublishTarget> {
      try {
        const saved = await saveTarget(target, secret);
        await stored.reread();
        await publishAfterChange(db, [saved.id]);
        return saved;
      } catch (error) {
        throw withoutSecrets(error, [secret ?? '', await loadSecret(target.id).catch(() => '')]);
      }
    },
    async remove(id: string): Promise<void> {
      await removeTarget(id);
      await stored.reread();
    },
    /**
     * Writes, reads back and deletes a probe file on the saved target, from this page. Resolves
     * with what worked, in words; rejects with what failed (never with the secret in it).
     */
    async test(target: PublishTarget): Promise<string> {
      const secret = await loadSecret(target.id);
      try {
        await testConnection(openTarget(target, secret));
        return CONNECTION_WORKS;
      } catch (error) {
        throw withoutSecrets(error, [secret]);
      }
    },
    /**
     * Builds the site from the log, as a publish would, for serving at `siteUrl`, and downloads it
     * as a zip; resolves with its name. Throws a ZodError when `siteUrl` is not an http(s) URL.
     */
    async downloadSite(siteUrl: string): Promise<string> {
      const { url } = z.strictObject({ url: DownloadSiteUrl }).parse({ url: siteUrl });
      const { name, bytes } = await buildSiteDownload(db, url);
      saveFile(name, bytes);
      return name;
    },
    dispose: stored.dispose,
  };
}

export type TargetsState = ReturnType<typeof createTargetsState>;
