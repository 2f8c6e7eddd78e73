/** The app's single explorer and the objects that serve it, shared by every component. */
import { explorer } from './explorer.svelte';
import { datasets } from './datasets.svelte';
import { Exporter } from './exporter.svelte';
import { GraphView } from './graph-view.svelte';
import { Playback } from './playback.svelte';
import { TimelineRange } from './timeline.svelte';
import { VideoExporter } from './video-export.svelte';

export const graphView = new GraphView(explorer, {
  currentId: () => datasets.currentId,
  loadLayout: (id, actorIds) => datasets.loadLayout(id, actorIds),
  saveLayout: (id, actorIds, positions) => datasets.saveLayout(id, actorIds, positions),
});
export const timelineRange = new TimelineRange(explorer);
export const playback = new Playback(explorer, () => timelineRange.shown);
// The export must show one still picture: no playback moving the window, no layout moving nodes.
export const exporter = new Exporter(explorer, graphView, () => {
  playback.stop();
  graphView.stopLayout();
});
// The video records frames of its own; playback and layout must not move the view under it.
export const videoExporter = new VideoExporter(explorer, graphView, exporter, { range: () => timelineRange.shown, speed: () => playback.speed }, () => {
  playback.stop();
  graphView.stopLayout();
});
