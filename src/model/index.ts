export * from './instant';
export * from './severity';
export * from './incident';
export * from './timeline-entry';
export * from './settings';
