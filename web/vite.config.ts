// The web application's build: React, output to web/dist (served by src/http/web.ts). The server's
// pure modules under src/core are shared with the browser; `node:crypto` (imported by
// src/core/canonical.ts for a hash the browser never calls) is replaced by a stub.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [{ find: /^node:crypto$/, replacement: new URL('./src/lib/node-crypto-stub.ts', import.meta.url).pathname }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://localhost:8080', '/pki': 'http://localhost:8080', '/health': 'http://localhost:8080' } },
});
