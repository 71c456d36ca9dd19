import { computed, signal } from '@preact/signals';
import { createPostmortemDraft, getPostmortem, loadPostmortemExport, loadScreenshots, patchPostmortem, type PostmortemPatch } from '../../db/postmortems-repo';
import type { SitrepDb } from '../../db/database';
import { publishTargetsItem } from '../../db/storage-items';
import type { GitHubTarget, Postmortem, PostmortemSection, PostmortemStatus, PostmortemTimeline } from '../../model';
import { publishPostmortemToGitHub, type RepoPublishResult } from '../../publish/postmortem-repo-publish';
import { loadSecret, readTargets } from '../../publish/target-store';
import { encodeImage } from '../../report/backup-images';
import { buildPostmortemHtml, type EmbeddedImage } from '../../report/postmortem-html';
import { buildPostmortemMarkdown, postmortemFileName } from '../../report/postmortem-markdown';
import type { PublicSection } from '../../report/postmortem-outline';
import { timelineView } from '../../report/postmortem-outline';
import { downloadText } from '../download';
import { attemptInto } from './attempt';
import { liveSignal } from './live-signal';
import { storageSignal } from './storage-signal';

/** A field the editor saves as it is typed: an internal section or a public one. */
export type PostmortemField = { part: 'sections'; key: PostmortemSection } | { part: 'public'; key: PublicSection };

const fieldId = (f: PostmortemField) => `${f.part}.${f.key}`;

export interface PostmortemStateDeps {
  /** Quiet time after the last keystroke before a save. */
  debounceMs?: number;
  now?: () => Date;
  /** The page whose hiding flushes what is typed (tests pass their own). */
  window?: Pick<Window, 'addEventListener' | 'removeEventListener'> & { document: Pick<Document, 'visibilityState'> };
  clipboard?: Pick<Clipboard, 'writeText'>;
  download?: typeof downloadText;
  /** Publishes to a GitHub target with its token (the real one reads the stored secret). */
  publishToGitHub?: (target: GitHubTarget, input: Parameters<typeof publishPostmortemToGitHub>[2]) => Promise<RepoPublishResult>;
}

/**
 * One incident's post-mortem in the side panel: the stored record, live; what is typed, saved a
 * moment after the typing stops and at once when the panel is hidden or closed (pagehide,
 * visibilitychange), so closing it loses nothing; and the exports and the publish to a team repository.
 */
export function createPostmortemState(db: SitrepDb, incidentId: string, author: () => string, deps: PostmortemStateDeps = {}) {
  const debounceMs = deps.debounceMs ?? 500;
  const now = deps.now ?? (() => new Date());
  const win = deps.window ?? (typeof window === 'undefined' ? undefined : window);
  const stored = liveSignal<Postmortem | undefined | null>(() => getPostmortem(db, incidentId).then((p) => p ?? null), undefined);
  const targets = storageSignal(publishTargetsItem, readTargets);
  const githubTargets = computed(() => targets.value.value.filter((t): t is GitHubTarget => t.kind === 'github'));
  /** Typed and not yet saved, by field. */
  const typed = signal<Record<string, string>>({});
  const error = signal<string | undefined>(undefined);
  /** What the last action did, said where the person is looking ("Copied", "Published…"). */
  const notice = signal<string | undefined>(undefined);
  const saving = signal(false);
  const attempt = attemptInto(error);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();

  /** Saves everything typed so far, in one patch; safe to call any time, and again. */
  function flush(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const pending = typed.peek();
    const ids = Object.keys(pending);
    if (!ids.length) return inFlight.then(() => undefined);
    const patch: PostmortemPatch = {};
    for (const id of ids) {
      const [part, key] = id.split('.') as ['sections' | 'public', string];
      (patch[part] ??= {} as never)[key as never] = pending[id] as never;
    }
    saving.value = true;
    const save = inFlight
      .catch(() => undefined)
      .then(() => patchPostmortem(db, incidentId, patch, now()))
      .then(
        () => {
          // Only what is unchanged since is done: a keystroke during the save waits for the next one.
          const left = { ...typed.peek() };
          for (const id of ids) if (left[id] === pending[id]) delete left[id];
          typed.value = left;
          error.value = undefined;
        },
        (e: unknown) => {
          error.value = `Not saved: ${e instanceof Error ? e.message : String(e)}`;
        },
      )
      .finally(() => {
        saving.value = false;
      });
    inFlight = save;
    return save;
  }

  const onHide = () => void flush();
  const onVisibility = () => {
    if (win?.document.visibilityState === 'hidden') void flush();
  };
  win?.addEventListener('pagehide', onHide);
  win?.addEventListener('visibilitychange', onVisibility);

  function change(patch: PostmortemPatch) {
    return attempt(async () => {
      await flush();
      return patchPostmortem(db, incidentId, patch, now());
    });
  }

  async function exportData() {
    await flush();
    return loadPostmortemExport(db, incidentId);
  }

  async function markdown(): Promise<{ text: string; fileName: string }> {
    const data = await exportData();
    return { text: buildPostmortemMarkdown({ ...data, now: now() }), fileName: postmortemFileName(data.incident, 'md') };
  }

  async function html(): Promise<{ text: string; fileName: string }> {
    const data = await exportData();
    const shownIds = new Set(timelineView(data.postmortem, data.incident, data.entries).lines.flatMap((l) => l.screenshotIds));
    const shots = await loadScreenshots(db, data.entries);
    const screenshots = new Map<string, EmbeddedImage>();
    for (const [id, shot] of shots) {
      if (shownIds.has(id)) screenshots.set(id, { ...(await encodeImage(shot.image)), width: shot.width, height: shot.height });
    }
    return { text: buildPostmortemHtml({ ...data, screenshots, now: now() }), fileName: postmortemFileName(data.incident, 'html') };
  }

  const publishToGitHub =
    deps.publishToGitHub ??
    (async (target: GitHubTarget, input: Parameters<typeof publishPostmortemToGitHub>[2]) =>
      publishPostmortemToGitHub(target, await loadSecret(target.id), input));

  return {
    /** Undefined while reading, null when the incident has none yet. */
    postmortem: stored.value,
    githubTargets,
    error,
    notice,
    saving,
    /** What the field shows: what is typed, else what is stored. */
    valueOf(field: PostmortemField): string {
      const pending = typed.value[fieldId(field)];
      if (pending !== undefined) return pending;
      const pm = stored.value.value;
      return pm ? pm[field.part][field.key as never] : '';
    },
    /** True while something typed is not saved yet. */
    unsaved: computed(() => Object.keys(typed.value).length > 0),
    /** A keystroke: shown at once, saved when the typing pauses. */
    type(field: PostmortemField, value: string) {
      typed.value = { ...typed.value, [fieldId(field)]: value };
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => void flush(), debounceMs);
    },
    flush,
    /** "Draft post-mortem": one click, from the log. */
    draft: () => attempt(() => createPostmortemDraft(db, incidentId, { authors: [author()].filter(Boolean), now: now() })),
    setStatus: (status: PostmortemStatus) => change({ status }),
    setAuthors: (authors: string[]) => change({ authors }),
    setTimeline: (timeline: PostmortemTimeline) => change({ timeline }),
    markdown,
    html,
    copyMarkdown: () =>
      attempt(async () => {
        const { text } = await markdown();
        await (deps.clipboard ?? navigator.clipboard).writeText(text);
        notice.value = 'Markdown copied';
      }),
    downloadMarkdown: () =>
      attempt(async () => {
        const { text, fileName } = await markdown();
        (deps.download ?? downloadText)(fileName, text, 'text/markdown;charset=utf-8');
        notice.value = `Downloaded ${fileName}`;
      }),
    downloadHtml: () =>
      attempt(async () => {
        const { text, fileName } = await html();
        (deps.download ?? downloadText)(fileName, text, 'text/html;charset=utf-8');
        notice.value = `Downloaded ${fileName}`;
      }),
    /** Publishes the internal post-mortem to the GitHub target named, as `postmortems/<KEY>.md`. */
    publishToRepository: (targetId: string) =>
      attempt(async () => {
        const target = githubTargets.value.find((t) => t.id === targetId);
        if (!target) throw new Error('That GitHub repository is no longer configured: choose another in Settings → Publishing.');
        notice.value = 'Publishing to the team repository…';
        const data = await exportData();
        const result = await publishToGitHub(target, {
          incident: data.incident,
          postmortem: data.postmortem,
          markdown: buildPostmortemMarkdown({ ...data, now: now() }),
        });
        notice.value = `Published to ${target.owner}/${target.repo}: ${result.path}`;
        return result;
      }).then((r) => {
        if (!r) notice.value = undefined;
        return r;
      }),
    dispose() {
      win?.removeEventListener('pagehide', onHide);
      win?.removeEventListener('visibilitychange', onVisibility);
      void flush();
      stored.dispose();
      targets.dispose();
    },
  };
}

export type PostmortemState = ReturnType<typeof createPostmortemState>;
