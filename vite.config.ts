import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const serverPort = Number(process.env.PORT ?? 3000);

/**
 * engine.io's transport list, replaced in the browser build by WebSocket alone: every screen
 * connects over WebSocket only (client/lib/connection.ts), and long-polling and WebTransport cost a
 * phone ~2 KB gzip. The list is generated here, importing engine.io's own WebSocket transport by
 * path (going through the package's index instead would import the list back, in a circle, and
 * find the transport not yet defined).
 */
const UNUSED_TRANSPORT = /^\.\/transports\/(polling-xhr|polling-xhr\.node|polling-fetch|webtransport)\.js$/;

function websocketOnly(): Plugin {
  const id = '\0websocket-only-transports';
  const unused = '\0unused-transports';
  let websocket = '';
  return {
    name: 'websocket-only',
    enforce: 'pre',
    resolveId(source, importer) {
      // The package's index also re-exports the list and every transport, and long-polling's module
      // runs code when it loads (it probes XMLHttpRequest), so it stays in the bundle unless stubbed.
      if (importer && /engine\.io-client[\\/]build[\\/]esm[\\/]index\.js$/.test(importer) && UNUSED_TRANSPORT.test(source)) return unused;
      if (source !== './transports/index.js' || !importer || !/engine\.io-client[\\/]build[\\/]esm[\\/](socket|index)\.js$/.test(importer))
        return null;
      websocket = path.join(path.dirname(importer), 'transports', 'websocket.js');
      return id;
    },
    load(loaded) {
      if (loaded === unused) return 'export class XHR {}\nexport class Fetch {}\nexport class WT {}\n';
      return loaded === id ? `import { WS } from ${JSON.stringify(websocket)};\nexport const transports = { websocket: WS };\n` : null;
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
