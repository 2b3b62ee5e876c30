import { defineConfig } from 'vitest/config';

// Output straight into the jar's classpath folder "webroot" (served by the web module's StaticHandler).
export default defineConfig({
  base: './',
  build: {
    outDir: 'target/classes/webroot',
    emptyOutDir: true,
    assetsDir: 'assets',
    // Assets stay files of their own, never inlined as data: URIs.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
    // The API reference page's chunk is Swagger UI (1.6 MB, 450 KB gzipped), loaded on #/api only.
    chunkSizeWarningLimit: 1700,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:18080',
      '/ws': { target: 'ws://127.0.0.1:18080', ws: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
