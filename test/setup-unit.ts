// Dexie needs an IndexedDB; fake-indexeddb gives every unit test a real one in memory.
import 'fake-indexeddb/auto';
