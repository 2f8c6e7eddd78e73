/** The app's single explorer and the objects that serve it, shared by every component. */
import { explorer } from './explorer.svelte';
import { Exporter } from './exporter.svelte';
import { GraphView } from './graph-view.svelte';
import { Playback } from './playback.svelte';
import { TimelineRange } from './timeline.svelte';

export const graphView = new GraphView(explorer);
export const timelineRange = new TimelineRange(explorer);
export const playback = new Playback(explorer, () => timelineRange.shown);
// The export must show one still picture: no playback moving the window, no layout moving nodes.
export const exporter = new Exporter(explorer, graphView, () => {
  playback.stop();
  graphView.stopLayout();
});
