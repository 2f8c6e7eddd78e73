/**
 * Components no first frame needs: the dialogs (export, video, open data, add source) and the review
 * screen. App.svelte imports this module dynamically, so their code (with the workbench's, the
 * exporters' and the video encoder's) is a chunk of its own, compiled after boot instead of in it.
 */
export { default as ExportDialog } from './ExportDialog.svelte';
export { default as VideoExportDialog } from './VideoExportDialog.svelte';
export { default as OpenDataDialog } from './OpenDataDialog.svelte';
export { default as DropZone } from './DropZone.svelte';
export { default as AddSourceDialog } from './workbench/AddSourceDialog.svelte';
export { default as ReviewScreen } from './workbench/ReviewScreen.svelte';
