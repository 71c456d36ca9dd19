import { useSignal } from '@preact/signals';
import type { Incident } from '../../../model';
import { publishPublicPostmortem } from '../../../publish/public-postmortem';
import { useCreated } from '../../hooks/use-created';
import { useApp } from '../../state/context';
import { createPostmortemState, type PostmortemStateDeps } from '../../state/postmortem-state';
import { PostmortemEditor } from './postmortem-editor';

interface Props {
  incident: Incident;
  /** Publishes the public post-mortem to the status site; the outbox-backed one by default. */
  onPublishPublic?(incidentId: string): Promise<unknown>;
  /** For tests: the clock, the page events, the clipboard, the download, the publish. */
  deps?: PostmortemStateDeps;
}

/**
 * The "Post-mortem" view of the side panel, beside the timeline: shut, it is one button; open, it
 * is the editor for the incident shown (mount it keyed by the incident's id).
 */
export function PostmortemTab({ incident, onPublishPublic, deps }: Props) {
  const open = useSignal(false);
  return (
    <section class="pm-tab" aria-label="Post-mortem">
      <button type="button" id="pm-tab" aria-expanded={open.value} aria-controls="pm-view" onClick={() => (open.value = !open.value)}>
        Post-mortem
      </button>
      {open.value && (
        <div id="pm-view">
          <PostmortemView incident={incident} onPublishPublic={onPublishPublic} deps={deps} />
        </div>
      )}
    </section>
  );
}

/** The post-mortem editor of one incident (mount it keyed by the incident's id). */
export function PostmortemView({ incident, onPublishPublic, deps }: Props) {
  const { db, log } = useApp();
  const state = useCreated(() => createPostmortemState(db, incident.id, () => log.settings.value.author, deps));
  return <PostmortemEditor state={state} incident={incident} onPublishPublic={onPublishPublic ?? ((id) => publishPublicPostmortem(id, { db }))} />;
}
