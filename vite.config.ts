import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
// CHARTER_WEB_DIR lets parallel builds (e.g. separate e2e runs) use their own directory.
const outDir = process.env.CHARTER_WEB_DIR ?? fileURLToPath(new URL('./dist/web', import.meta.url));
const backend = 'http://127.0.0.1:3000';

// The web UI is a static SPA served by the Charter server in production (from dist/web).
// In development `vite --config vite.config.ts` serves it and proxies the API to a local server.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    // elkjs (1.4 MB) is its own chunk, loaded only when a service view graph is opened.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
});
