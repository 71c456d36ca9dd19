import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Placeholder until the widget issue lands: builds the banner as a self-contained ES module.
export default defineConfig({
  build: {
    outDir: resolve(import.meta.dirname, '../.output/widget'),
    emptyOutDir: true,
    lib: { entry: resolve(import.meta.dirname, 'src/sitrep-banner.ts'), formats: ['es'], fileName: () => 'sitrep-banner.js' },
  },
});
