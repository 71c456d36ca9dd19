import { QUADRANT_LABELS, quadrantOf, type Quadrant, type Stakeholder } from '../../../model';

/** What each treatment means for an incident, in a line. */
export const QUADRANT_TREATMENTS: Record<Quadrant, string> = {
  'manage-closely': 'Tell them first, on every update, and ask what they need.',
  'keep-satisfied': 'Tell them what affects them, briefly; no detail they did not ask for.',
  'keep-informed': 'Keep them up to date on every update.',
  monitor: 'A note when it starts and when it ends.',
};

/** Power on the vertical axis (high at the top), interest on the horizontal (high on the right). */
const CELLS: readonly Quadrant[] = ['keep-satisfied', 'manage-closely', 'monitor', 'keep-informed'];

/** The power/interest grid: who sits in which quadrant, and how each quadrant is treated. */
export function PowerInterestGrid({ stakeholders }: { stakeholders: readonly Stakeholder[] }) {
  return (
    <figure class="power-grid" aria-label="Power and interest grid">
      <figcaption class="hint">Power ↑ (top: high) · Interest → (right: high)</figcaption>
      {/* Inline: the 2×2 layout is what the grid means, so it holds without the shared stylesheet. */}
      <div class="power-grid__cells" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '0.5rem' }}>
        {CELLS.map((quadrant) => {
          const here = stakeholders.filter((s) => quadrantOf(s) === quadrant);
          return (
            <section key={quadrant} class={`power-grid__cell power-grid__cell--${quadrant}`} aria-label={QUADRANT_LABELS[quadrant]} data-quadrant={quadrant}>
              <h3>{QUADRANT_LABELS[quadrant]}</h3>
              <p class="hint">{QUADRANT_TREATMENTS[quadrant]}</p>
              {here.length ? (
                <ul>
                  {here.map((s) => (
                    <li key={s.id}>{s.name}</li>
                  ))}
                </ul>
              ) : (
                <p class="hint">Nobody</p>
              )}
            </section>
          );
        })}
      </div>
    </figure>
  );
}
