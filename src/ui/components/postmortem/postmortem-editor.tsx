import { POSTMORTEM_STATUS_LABELS, PostmortemStatus, type Incident, type PostmortemSection } from '../../../model';
import { SECTION_HEADINGS, SECTION_PROMPTS } from '../../../report/postmortem-outline';
import { useCreated } from '../../hooks/use-created';
import { createIncidentActionItemsState } from '../../state/action-items-state';
import { useApp } from '../../state/context';
import type { PostmortemState } from '../../state/postmortem-state';
import { IncidentActionItems } from '../action-items/incident-action-items';
import { ErrorBanner } from '../error-banner';
import { PostmortemExport } from './postmortem-export';
import { PublicPostmortemPart } from './public-postmortem-part';
import { SectionField } from './section-field';

interface Props {
  state: PostmortemState;
  incident: Incident;
  onPublishPublic(incidentId: string): Promise<unknown>;
}

/** The internal outline: headings, and the sections under each (some headings group two or three). */
const OUTLINE: { heading?: string; sections: PostmortemSection[] }[] = [
  { sections: ['summary'] },
  { sections: ['impact'] },
  { sections: ['rootCause'] },
  { heading: 'Trigger and Detection', sections: ['trigger', 'detection'] },
  { sections: ['resolution', 'longTermFix'] },
  { heading: 'Lessons Learned', sections: ['wentWell', 'wentWrong', 'lucky'] },
];

/**
 * The post-mortem editor: one click drafts it from the log; then the header fields, each section
 * with its blameless prompt, saved as it is typed, the exports, and the public version apart.
 */
export function PostmortemEditor({ state, incident, onPublishPublic }: Props) {
  const pm = state.postmortem.value;
  if (pm === undefined) return <p class="hint">Loading the post-mortem…</p>;
  if (pm === null) {
    return (
      <div class="pm-empty">
        <ErrorBanner message={state.error.value} />
        <p>No post-mortem yet. The draft fills in what the timeline already says: impact, outage windows, detection, resolution.</p>
        <button type="button" id="pm-draft" onClick={() => void state.draft()}>
          Draft post-mortem
        </button>
      </div>
    );
  }
  const saveState = state.saving.value ? 'Saving…' : state.unsaved.value ? 'Not saved yet' : 'All changes saved';
  return (
    <div class="pm-editor">
      <ErrorBanner message={state.error.value} />
      <p class="hint" role="status" data-testid="pm-save-state">
        {saveState}
      </p>
      <div class="pm-header">
        <div class="field">
          <label for="pm-status">Post-mortem status</label>
          <select id="pm-status" value={pm.status} onChange={(e) => void state.setStatus(PostmortemStatus.parse(e.currentTarget.value))}>
            {PostmortemStatus.options.map((s) => (
              <option key={s} value={s}>
                {POSTMORTEM_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="pm-authors">Authors (comma-separated)</label>
          <input
            id="pm-authors"
            key={pm.authors.join(',')}
            defaultValue={pm.authors.join(', ')}
            onChange={(e) => void state.setAuthors(e.currentTarget.value.split(','))}
          />
        </div>
        <fieldset class="pm-timeline-choice">
          <legend>Timeline in the post-mortem</legend>
          <label>
            <input type="radio" name={`pm-timeline-${incident.id}`} checked={pm.timeline === 'starred'} onChange={() => void state.setTimeline('starred')} />
            Starred entries (all when none is starred)
          </label>
          <label>
            <input type="radio" name={`pm-timeline-${incident.id}`} checked={pm.timeline === 'all'} onChange={() => void state.setTimeline('all')} />
            All entries
          </label>
        </fieldset>
      </div>
      <section class="pm-internal" aria-labelledby="pm-internal-heading">
        <h2 id="pm-internal-heading">Internal post-mortem</h2>
        {OUTLINE.map(({ heading, sections }) => (
          <div key={sections[0]} class="pm-group">
            {heading && <h3>{heading}</h3>}
            {sections.map((key) => (
              <SectionField
                key={key}
                state={state}
                field={{ part: 'sections', key }}
                heading={SECTION_HEADINGS[key]}
                prompt={SECTION_PROMPTS[key]}
                level={heading || key === 'longTermFix' ? 'h4' : 'h3'}
              />
            ))}
          </div>
        ))}
        <p class="hint">The timeline comes from the incident: star entries to list them.</p>
        <ActionItemsPart incidentId={incident.id} />
      </section>
      <PostmortemExport state={state} />
      <PublicPostmortemPart state={state} incidentId={incident.id} onPublishPublic={onPublishPublic} />
    </div>
  );
}

/** The incident's action items, added and edited here; the options page's backlog lists them with every other incident's. */
function ActionItemsPart({ incidentId }: { incidentId: string }) {
  const { db } = useApp();
  const state = useCreated(() => createIncidentActionItemsState(db, incidentId));
  return <IncidentActionItems state={state} />;
}
