import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { SitrepDb } from '../../db/database';
import type { LogState } from './log-state';

export interface AppContextValue {
  db: SitrepDb;
  log: LogState;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

/** The app's shared state; components below an AppContext provider call this. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() needs an <AppContext.Provider> above it');
  return value;
}
