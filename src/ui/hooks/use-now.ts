import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `everyMs`, for ages and "x ago" labels. */
export function useNow(everyMs = 15_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
