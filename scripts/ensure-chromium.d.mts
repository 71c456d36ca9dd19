// Types for scripts/ensure-chromium.mjs, which runs under plain Node before anything is built.
export interface ChromiumSystem {
  env: Record<string, string | undefined>;
  isExecutable(path: string): boolean;
}
export type ChromiumFound = { path: string; from: string } | { path?: undefined; error: string };
export const CHROMIUM_PATHS: readonly string[];
export const CHROMIUM_COMMANDS: readonly string[];
export function findChromium(system: ChromiumSystem): ChromiumFound;
export function isExecutableFile(path: string): boolean;
export const SYSTEM: ChromiumSystem;
export function missingPackages(probe: {
  hasChromium: boolean;
  isExecutable(path: string): boolean;
  onPath(command: string): boolean;
}): { name: string; required: boolean }[];
