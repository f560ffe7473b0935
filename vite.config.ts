import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: path.join(import.meta.dirname, 'web'),
  plugins: [react()],
  build: {
    outDir: path.join(import.meta.dirname, 'dist', 'web'),
    emptyOutDir: true,
    // Low-end Android browsers still in use in reception centres.
    target: ['chrome87', 'firefox78', 'safari14'],
    sourcemap: false,
  },
});
