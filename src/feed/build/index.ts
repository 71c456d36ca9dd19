export { buildSite, type SiteFile } from './build-site';
export { selectPublic } from './select-public';
export type * from './site-input';
