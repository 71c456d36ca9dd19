export * from './database';
export * from './schema';
export * from './incidents-repo';
export * from './entries-repo';
export * from './persist';
export * from './backup-repo';
export * from './clips-repo';
export * from './components-repo';
