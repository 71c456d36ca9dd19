/**
 * A rejection handler for work a browser event starts and nobody awaits (start-up, alarms,
 * storage watchers): the failure is logged once, with what was being done, instead of surfacing
 * as an unhandled rejection in the service worker. Errors here never carry secrets: they come
 * from the database, the tabs and menus APIs, or the publisher, which keeps tokens out of its own.
 */
export function logFailure(what: string, log: (message: string, error: unknown) => void = console.error) {
  return (error: unknown): void => log(`Sitrep: ${what} failed.`, error);
}
