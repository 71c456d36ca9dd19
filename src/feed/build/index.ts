export { buildSite, siteBase, type SiteBuild, type SiteFile } from './build-site';
export { selectPublic, type IncidentLog, type SiteTarget } from './select-public';
export type * from './site-input';
