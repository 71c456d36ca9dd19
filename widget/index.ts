// `sitrep/widget` for bundler users: both elements (defined on import) and the feed client.
// Script-tag users load .output/widget/sitrep-banner.js or sitrep-status.js instead.
export { SitrepBanner } from './src/sitrep-banner/sitrep-banner';
export { SitrepStatus } from './src/sitrep-status/sitrep-status';
export type { SitrepChangeDetail } from './src/shared/feed-element';
export { subscribeFeed, type FeedState } from './src/feed-client/feed-registry';
