import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const serverPort = Number(process.env.PORT ?? 3000);

/** The client lives in client/ and is built to dist/client, which the server serves. */
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [svelte()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/healthz': `http://127.0.0.1:${serverPort}`,
      '/socket.io': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
});
