/**
 * The one isRecord lives beside the feed parser, which the widget bundles and which may import
 * nothing outside src/feed/parse (test/feed/parse-imports.test.ts); the rest of the tree reads it here.
 */
export { isRecord } from '../feed/parse/is-record';
