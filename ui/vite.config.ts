/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Java server serves the built files at "/" and the API at /api and /ws.
// In development, `npm run dev` proxies those to a local back end.
const backend = process.env.REELFORGE_BACKEND ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/ws': { target: backend.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    pool: 'threads',
    maxWorkers: 2,
    // Generous: the suite shares 2 cores with Maven and other builds; a slow test here is load, not a hang.
    testTimeout: 40_000,
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
