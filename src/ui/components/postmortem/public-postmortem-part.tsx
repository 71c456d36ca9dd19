import { useSignal } from '@preact/signals';
import { PUBLIC_SECTIONS, PUBLIC_SECTION_HEADINGS, PUBLIC_SECTION_PROMPTS } from '../../../report/postmortem-outline';
import type { PostmortemState } from '../../state/postmortem-state';
import { SectionField } from './section-field';

interface Props {
  state: PostmortemState;
  incidentId: string;
  /** Publishes the public post-mortem to the status site (src/publish/public-postmortem.ts). */
  onPublishPublic(incidentId: string): Promise<unknown>;
}

/**
 * The public post-mortem, written apart from the internal one in the outline customers expect.
 * Only these four sections reach the status site; nothing above is copied into them.
 */
export function PublicPostmortemPart({ state, incidentId, onPublishPublic }: Props) {
  const problem = useSignal<string | undefined>(undefined);
  const busy = useSignal(false);
  const publicPart = state.postmortem.value?.public;
  const publishedAt = publicPart?.publishedAt;
  // The site shows the copy taken at Publish; typing since then waits for the next Publish.
  const editedSince = !!publicPart?.published && PUBLIC_SECTIONS.some((key) => publicPart.published![key] !== publicPart[key]);

  async function publish() {
    busy.value = true;
    try {
      await state.flush();
      await onPublishPublic(incidentId);
      problem.value = undefined;
    } catch (e) {
      problem.value = e instanceof Error ? e.message : String(e);
    } finally {
      busy.value = false;
    }
  }

  return (
    <section class="pm-public" aria-labelledby="pm-public-heading">
      <h2 id="pm-public-heading">Public post-mortem — customers read this</h2>
      <p class="hint">Written for customers, apart from the internal post-mortem: no internal names, hosts or people.</p>
      {PUBLIC_SECTIONS.map((key) => (
        <SectionField key={key} state={state} field={{ part: 'public', key }} heading={PUBLIC_SECTION_HEADINGS[key]} prompt={PUBLIC_SECTION_PROMPTS[key]} />
      ))}
      <button type="button" id="pm-publish-public" disabled={busy.value} onClick={() => void publish()}>
        Publish public post-mortem to the status site
      </button>
      {problem.value && (
        <p class="error" role="alert">
          {problem.value}
        </p>
      )}
      <p class="hint" role="status" data-testid="pm-public-published">
        {publishedAt ? `Last published ${publishedAt.slice(0, 16).replace('T', ' ')} UTC` : 'Not published yet.'}
        {editedSince && ' — edited since: press Publish to put these changes on the status site.'}
      </p>
    </section>
  );
}
