import { POSTMORTEM_STATUS_LABELS } from '../../model';
import { listPostmortems, type PostmortemListing } from '../../db/postmortems-repo';
import type { SitrepDb } from '../../db/database';
import { buildEntryHash } from '../entry-link';
import { formatCount } from '../format-time';
import { useCreated } from '../hooks/use-created';
import { liveSignal } from '../state/live-signal';

interface Props {
  /** Undefined while reading. */
  postmortems: readonly PostmortemListing[] | undefined;
  /** Where a post-mortem opens (the side panel for that incident); none: not a link. */
  hrefOf?(listing: PostmortemListing): string;
}

/** Every post-mortem, with its status and how many of its action items are still open. */
export function PostmortemsList({ postmortems, hrefOf }: Props) {
  return (
    <section class="postmortems-list" aria-labelledby="postmortems-heading">
      <h2 id="postmortems-heading">Post-mortems</h2>
      {!postmortems ? (
        <p class="hint">Loading…</p>
      ) : !postmortems.length ? (
        <p class="hint">No post-mortem yet: draft one from an incident in the side panel (Post-mortem).</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Open action items</th>
            </tr>
          </thead>
          <tbody>
            {postmortems.map((p) => (
              <tr key={p.incidentId} data-testid="postmortem-row">
                <td>{hrefOf ? <a href={hrefOf(p)}>{p.key}</a> : p.key}</td>
                <td>
                  <bdi>{p.title}</bdi>
                </td>
                <td>{POSTMORTEM_STATUS_LABELS[p.status]}</td>
                <td>{p.actionItems ? `${p.openActionItems} of ${formatCount(p.actionItems, 'item', 'items')}` : 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The list as the options page mounts it: live, linking each post-mortem to the side panel on its incident. */
export function PostmortemsOverview({ db }: { db: SitrepDb }) {
  const listing = useCreated(() => liveSignal<PostmortemListing[] | undefined>(() => listPostmortems(db), undefined));
  return <PostmortemsList postmortems={listing.value.value} hrefOf={(p) => `/sidepanel.html${buildEntryHash({ incidentId: p.incidentId })}`} />;
}
