import { startSavedLoad } from './lib/state/early-load';
import './app.css';

// The saved dataset starts loading in its worker first; the app's code (most of the page's script) is fetched
// and compiled meanwhile, and then mounted.
startSavedLoad();

void Promise.all([import('svelte'), import('./App.svelte')]).then(([{ mount }, { default: App }]) => mount(App, { target: document.getElementById('app')! }));
