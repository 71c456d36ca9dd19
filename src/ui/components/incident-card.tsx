import { useContext, useState } from 'preact/hooks';
import { isolatePlainText } from '../../capture/untrusted-text';
import { countCustomerReports } from '../../db/clips-repo';
import { STATUS_LABELS, type Incident } from '../../model';
import { formatAge } from '../format-time';
import { useLiveQuery } from '../hooks/use-live-query';
import { useNow } from '../hooks/use-now';
import { AppContext } from '../state/context';
import { Untrusted } from './timeline/untrusted';

/**
 * The active incident at a glance: key, title, severity, status and how long it has run. The
 * title may come from a clipped page or a colleague's backup: it is isolated, and a long one is
 * cut to a few lines with the whole of it on hover.
 */
export function IncidentCard({ incident }: { incident: Incident }) {
  const now = useNow();
  const end = incident.resolvedAt ? new Date(incident.resolvedAt) : now;
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const toggle = () => {
    setCollapsed(!collapsed);
    writeCollapsed(!collapsed);
  };
  return (
    <section class={`incident-card${collapsed ? ' is-collapsed' : ''}`} aria-label="Active incident" data-testid="active-incident">
      <div class="incident-card__top">
        <button
          type="button"
          class="icon incident-card__toggle"
          aria-expanded={!collapsed}
          aria-controls={`incident-card-title-${incident.id}`}
          title={collapsed ? 'Show the title' : 'Hide the title: more room for the timeline'}
          aria-label="Incident title"
          onClick={toggle}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <span class="key" data-testid="incident-key">
          {incident.key}
        </span>
        <span class={`badge sev-${incident.severity.toLowerCase()}`} data-testid="incident-severity">
          {incident.severity}
        </span>
        <span class={`badge status-${incident.status}`} data-testid="incident-status">
          {STATUS_LABELS[incident.status]}
        </span>
        <span class="age" title={`Started ${new Date(incident.startedAt).toLocaleString()}`}>
          {formatAge(incident.startedAt, end)}
        </span>
        <CustomerReports incidentId={incident.id} />
      </div>
      <h2
        id={`incident-card-title-${incident.id}`}
        class="incident-card__title"
        data-testid="incident-title"
        title={isolatePlainText(incident.title)}
        hidden={collapsed}
      >
        <Untrusted text={incident.title} />
      </h2>
    </section>
  );
}

/**
 * `3 customer reports`: the incident's live report entries, one per ticket, kept current as
 * tickets are clipped, deleted or restored. Nothing while there are none, or outside an app
 * (no log to count in).
 */
function CustomerReports({ incidentId }: { incidentId: string }) {
  const db = useContext(AppContext)?.db;
  // A failed count only hides the figure; the card itself must never fail for it.
  const count = useLiveQuery(db && (() => countCustomerReports(db, incidentId)), [db, incidentId]);
  if (!count) return null;
  return (
    <span class="badge reports" data-testid="incident-reports" title="Customer reports (tickets) on the timeline">
      {count} customer {count === 1 ? 'report' : 'reports'}
    </span>
  );
}

/** The collapsed card is a choice for this browser's panels, kept across openings. */
const COLLAPSED_KEY = 'sitrep.incidentCard.collapsed';

function readCollapsed(): boolean {
  try {
    return globalThis.localStorage?.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false; // storage refused: start expanded
  }
}

function writeCollapsed(collapsed: boolean) {
  try {
    globalThis.localStorage?.setItem(COLLAPSED_KEY, collapsed ? '1' : '0');
  } catch {
    // Only the memory of the choice is lost.
  }
}
