/**
 * The transports engine.io offers in the browser build: WebSocket only. Phones,
 * the console and the projector connect over WebSocket alone (connection.ts), so
 * long-polling and WebTransport never run; vite.config.ts puts this module in
 * place of engine.io-client's own transport list so they stay out of the bundle.
 */
import { WebSocket } from 'engine.io-client';

export const transports = { websocket: WebSocket };
