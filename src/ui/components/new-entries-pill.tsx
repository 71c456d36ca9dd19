const plural = new Intl.PluralRules('en');

/** "1 new entry ↓" / "3 new entries ↓": arrivals below where the reader is, one press away. */
export function NewEntriesPill({ count, onShow }: { count: number; onShow(): void }) {
  if (count < 1) return null;
  const label = `${count} new ${plural.select(count) === 'one' ? 'entry' : 'entries'} ↓`;
  return (
    <button type="button" class="new-entries-pill" data-testid="new-entries-pill" onClick={onShow}>
      {label}
    </button>
  );
}
