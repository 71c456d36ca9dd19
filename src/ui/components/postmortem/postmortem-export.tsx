import { useSignal } from '@preact/signals';
import type { PostmortemState } from '../../state/postmortem-state';

/** Copy Markdown, Download .md, Download .html, and publishing to a team repository. */
export function PostmortemExport({ state }: { state: PostmortemState }) {
  const targets = state.githubTargets.value;
  const chosen = useSignal<string | undefined>(undefined);
  const targetId = chosen.value && targets.some((t) => t.id === chosen.value) ? chosen.value : targets[0]?.id;
  return (
    <section class="pm-export" aria-labelledby="pm-export-heading">
      <h3 id="pm-export-heading">Export</h3>
      <div class="pm-export__buttons">
        <button type="button" onClick={() => void state.copyMarkdown()}>
          Copy Markdown
        </button>
        <button type="button" onClick={() => void state.downloadMarkdown()}>
          Download .md
        </button>
        <button type="button" onClick={() => void state.downloadHtml()}>
          Download .html
        </button>
      </div>
      {targets.length ? (
        <div class="pm-export__repo">
          <label for="pm-repo-target">Team repository (private)</label>
          <select id="pm-repo-target" value={targetId} onChange={(e) => (chosen.value = e.currentTarget.value)}>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {`${t.owner}/${t.repo} (${t.branch})`}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => targetId && void state.publishToRepository(targetId)}>
            Publish to team repository
          </button>
          <p class="hint">Writes postmortems/KEY.md and the index postmortems/README.md; refused unless the repository is private.</p>
        </div>
      ) : (
        <p class="hint">To publish it to a team repository, add a private GitHub repository in Settings → Publishing.</p>
      )}
      <p class="hint" role="status" data-testid="pm-notice">
        {state.notice.value ?? ''}
      </p>
    </section>
  );
}
