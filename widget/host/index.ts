// The embedded host, for scripts and tests: `startHost` runs it, `createHostApp` is its Hono app.
export { createHostApp, DEFAULT_MAX_BODY_BYTES, type DemoOptions, type HostAppOptions } from './host-app';
export { demoSiteInput, seedDemoSite, type SeedDemoOptions } from './demo-site';
export { DEFAULT_HOST, DEFAULT_PORT, startHost, type RunningHost, type StartHostOptions } from './start-host';
