import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads after the first paint: it renders nothing until its module has
 * arrived, then renders as the real one. For the parts of a page its first screen does not need,
 * so the part that is needed (the popup's note box) gets the keyboard without waiting on them.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const start = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  return function Lazy(props: P) {
    const [component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (component) return;
      let live = true;
      // A chunk that fails to load leaves its part out; the rest of the page still works.
      start().then(
        (c) => live && setComponent(() => c),
        (error: unknown) => console.warn('Sitrep: part of the page could not load.', error),
      );
      return () => {
        live = false;
      };
    }, []);
    const Component = component;
    return Component ? <Component {...props} /> : null;
  };
}
