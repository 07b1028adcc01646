import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const serverPort = Number(process.env.PORT ?? 3000);

/**
 * engine.io's transport list, replaced by client/lib/engine-transports.ts (WebSocket only): every
 * screen connects over WebSocket alone, and long-polling and WebTransport cost a phone ~2 KB gzip.
 */
function websocketOnly(): Plugin {
  const list = fileURLToPath(new URL('./client/lib/engine-transports.ts', import.meta.url));
  return {
    name: 'websocket-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './transports/index.js' && importer && /engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(importer))
        return list;
      return null;
    },
  };
}

/** The client lives in client/ and is built to dist/client, which the server serves. */
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  plugins: [svelte(), websocketOnly()],
  resolve: {
    // yjs's developer warnings, without lib0's DOM and schema helpers (client/lib/lib0-logging.ts).
    alias: { 'lib0/logging': fileURLToPath(new URL('./client/lib/lib0-logging.ts', import.meta.url)) },
  },
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
