import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The patient's call page, a bundle of its own that the gateway serves at /join/assets/: the
// desk's code never loads on a patient's phone, and twilio-video comes only when they join.
// Fixed names, so the gateway's page can name its script without reading a manifest.
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'out/join'),
    emptyOutDir: true,
    minify: true,
    rollupOptions: {
      input: resolve(import.meta.dirname, 'renderer/join/main.tsx'),
      output: { entryFileNames: 'join.js', chunkFileNames: 'join-[name]-[hash].js', format: 'es' },
    },
  },
});
