import type { ComponentChildren } from 'preact';
import type { TargetField, TargetFormValues, TargetKind } from '../../state/targets-state';
import { savedSecretHint } from './form-parts';

/** How each kind's form asks for its fields: labels, hints and examples in the words of each service. */

export interface FieldSpec {
  label: string;
  hint?: (values: TargetFormValues) => ComponentChildren;
  placeholder?: string;
  url?: boolean;
  maxLength: number;
}

export interface SecretSpec {
  /** The secret input's id suffix (`publish-host-token`). */
  name: string;
  label: string;
  /** For the Show/Hide button's name and the remove question. */
  what: string;
  hint(saved: boolean): ComponentChildren;
  maxLength: number;
}

export interface KindForm {
  /** One line under the kind choice: what this kind is for. */
  about: ComponentChildren;
  fields: Partial<Record<Exclude<TargetField, 'secret'>, FieldSpec>>;
  secret: SecretSpec;
  save: string;
  /** Who must allow cross-origin requests when the host permission is refused. */
  corsHolder: string;
}

/** An address field: typed as a URL, as long as browsers take one. */
const urlField = (label: string, hint: (v: TargetFormValues) => ComponentChildren, placeholder?: string): FieldSpec => ({
  label,
  hint,
  ...(placeholder !== undefined && { placeholder }),
  url: true,
  maxLength: 2048,
});

const publicUrl = (hint: (v: TargetFormValues) => ComponentChildren) => urlField('Public URL', hint, 'https://status.example.com/');

/** `https://owner.github.io/repo/` as typed so far, or the pattern. */
function pagesUrl(v: TargetFormValues): string {
  const owner = v.owner.trim().toLowerCase() || 'owner';
  const repo = v.repo.trim() || 'repo';
  return repo.toLowerCase() === `${owner}.github.io` ? `https://${owner}.github.io/` : `https://${owner}.github.io/${repo}/`;
}

export const TARGET_FORMS: Record<TargetKind, KindForm> = {
  host: {
    about: 'The Sitrep host (npm start, or one you run): it serves the site where it is written.',
    fields: {
      url: urlField('Host URL', () => 'Where the host runs, e.g. http://127.0.0.1:8787 for npm start.', 'https://status.example.com'),
    },
    secret: {
      name: 'token',
      label: 'Token',
      what: 'token',
      hint: (saved) => (saved ? savedSecretHint('token') : 'The token the host printed when it first started.'),
      maxLength: 500,
    },
    save: 'Save host',
    corsHolder: 'the host allows cross-origin requests (CORS); Sitrep’s own host does',
  },
  s3: {
    about: 'AWS S3, Cloudflare R2, MinIO, Backblaze B2 or Google Cloud Storage (XML API), usually behind a CDN.',
    fields: {
      endpoint: urlField(
        'Endpoint',
        () => (
          <>
            AWS: <code>https://s3.eu-west-1.amazonaws.com</code>; R2: <code>https://&lt;account-id&gt;.r2.cloudflarestorage.com</code>; MinIO:{' '}
            <code>http://127.0.0.1:9000</code>.
          </>
        ),
        'https://s3.eu-west-1.amazonaws.com',
      ),
      region: {
        label: 'Region',
        hint: () => (
          <>
            The bucket’s region, e.g. <code>eu-west-1</code>; <code>auto</code> for R2; <code>us-east-1</code> for MinIO unless set otherwise.
          </>
        ),
        placeholder: 'eu-west-1',
        maxLength: 64,
      },
      bucket: { label: 'Bucket', placeholder: 'example-status', maxLength: 63 },
      prefix: {
        label: 'Folder in the bucket (optional)',
        hint: () => (
          <>
            e.g. <code>status/</code>; empty writes to the bucket’s root.
          </>
        ),
        placeholder: 'status/',
        maxLength: 512,
      },
      accessKeyId: {
        label: 'Access key id',
        hint: () => 'A key that may read, write and delete objects in this bucket, and nothing else.',
        maxLength: 128,
      },
      publicUrl: publicUrl(() => 'Where readers find the site: the CDN or the bucket’s public address (R2: its custom domain or r2.dev URL).'),
    },
    secret: {
      name: 'secretAccessKey',
      label: 'Secret access key',
      what: 'secret access key',
      hint: (saved) => (saved ? savedSecretHint('secret access key') : 'Shown once, when the key was made. It stays on this computer.'),
      maxLength: 256,
    },
    save: 'Save bucket',
    corsHolder: 'the bucket’s CORS rules allow it',
  },
  webdav: {
    about: 'Any server that takes HTTP PUT into a folder: nginx (dav_methods PUT DELETE MKCOL), Apache mod_dav.',
    fields: {
      url: urlField('Folder URL', () => 'The folder the site is written to; files go below it.', 'https://dav.example.com/status/'),
      username: { label: 'User name (optional)', hint: () => 'For basic auth; empty for none.', maxLength: 256 },
      publicUrl: publicUrl(() => 'Where readers find the site, when it is not the folder URL itself.'),
    },
    secret: {
      name: 'password',
      label: 'Password',
      what: 'password',
      hint: (saved) => (saved ? savedSecretHint('password') : 'The user’s password; use https, or it crosses the network readable.'),
      maxLength: 1024,
    },
    save: 'Save server',
    corsHolder: 'the server allows cross-origin requests (CORS)',
  },
  github: {
    about: 'A repository GitHub Pages serves: one commit per publish.',
    fields: {
      owner: { label: 'Owner', hint: () => 'The user or organisation.', placeholder: 'example-inc', maxLength: 39 },
      repo: { label: 'Repository', placeholder: 'status', maxLength: 100 },
      branch: { label: 'Branch', hint: () => 'The branch GitHub Pages publishes from (Settings → Pages); it must exist.', maxLength: 255 },
      directory: {
        label: 'Folder (optional)',
        hint: () => (
          <>
            <code>docs/</code> when Pages publishes from /docs; empty for the root.
          </>
        ),
        placeholder: 'docs/',
        maxLength: 512,
      },
      publicUrl: publicUrl((v) => (
        <>
          Where readers find the site: <code>{pagesUrl(v)}</code>, or the custom domain set in Pages.
        </>
      )),
      apiUrl: urlField('API URL', () => (
        <>
          <code>https://api.github.com</code>, or a GitHub Enterprise Server’s <code>https://github.example.com/api/v3</code>.
        </>
      )),
    },
    secret: {
      name: 'token',
      label: 'Token',
      what: 'token',
      hint: (saved) =>
        saved ? savedSecretHint('token') : 'A fine-grained personal access token for this repository only, with the permission “Contents: read and write”.',
      maxLength: 1024,
    },
    save: 'Save repository',
    corsHolder: 'the GitHub API allows cross-origin requests (CORS)',
  },
};

/** The id of a field's control in the form of this kind: `publish-s3-bucket`, `publish-host-token`. */
export const targetFieldId = (kind: TargetKind, field: TargetField) => `publish-${kind}-${field === 'secret' ? TARGET_FORMS[kind].secret.name : field}`;
