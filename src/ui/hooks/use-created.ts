import { useEffect, useState } from 'preact/hooks';

/** Creates a state object once per component and disposes of it when the component goes. */
export function useCreated<T extends { dispose(): void }>(create: () => T): T {
  const [value] = useState(create);
  useEffect(() => () => value.dispose(), [value]);
  return value;
}
