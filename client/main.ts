/**
 * Entry point and the whole router: four paths, each a lazily loaded view, so a
 * phone that opens a join link downloads the join page and the participant app
 * only, never the facilitator console or the projector board.
 */
import { mount, type Component } from 'svelte';
import './app.css';

type Route = { load: () => Promise<{ default: Component<any> }>; props: Record<string, unknown> };

function route(path: string): Route {
  const m = /^\/(j|f|board)\/([^/]+)\/?$/.exec(path);
  if (m) {
    const code = decodeURIComponent(m[2]!).toUpperCase();
    if (m[1] === 'j') return { load: () => import('./views/Join.svelte'), props: { code } };
    if (m[1] === 'f') return { load: () => import('./views/Facilitator.svelte'), props: { code } };
    return { load: () => import('./views/Projector.svelte'), props: { code } };
  }
  if (path === '/j' || path === '/j/') return { load: () => import('./views/Join.svelte'), props: { code: '' } };
  return { load: () => import('./views/Home.svelte'), props: {} };
}

const target = document.getElementById('app')!;
const { load, props } = route(location.pathname);
load()
  .then(({ default: View }) => mount(View, { target, props }))
  .catch(() => {
    // A stale tab after a deploy asks for chunks that no longer exist: a reload fetches the new ones.
    target.innerHTML =
      '<main class="page narrow"><h1>Could not load the page</h1><p>Check your connection and <a href="">reload</a>.</p></main>';
  });
