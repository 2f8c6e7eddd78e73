/**
 * The dialog and cancellable run that the PNG and video exports share. Opening or
 * closing the dialog starts a new session, so an export that finishes after a Cancel,
 * or after the dialog was opened again, writes no file and shows no error.
 */
export interface ExportProgress {
  step: string;
  done: number;
  total: number;
}

export class ExportSession {
  dialogOpen = $state(false);
  busy = $state(false);
  progress = $state<ExportProgress | null>(null);
  error = $state<string | null>(null);
  lastSaved = $state<string | null>(null);
  private session = 0;
  /** The export under way; Cancel aborts it, so it stops at its next step and never reaches the download. */
  private running: AbortController | null = null;

  /** `onOpen` is called as the dialog opens, to hold the view still (no playback) while it is exported. */
  constructor(private readonly onOpen: () => void = () => {}) {}

  /** Opens the dialog on a new session and returns it, for work started by the opening to check with `isCurrent`. */
  protected openSession(): number {
    this.onOpen();
    this.session++;
    this.error = null;
    this.lastSaved = null;
    this.dialogOpen = true;
    return this.session;
  }

  protected isCurrent(session: number): boolean {
    return session === this.session;
  }

  /** Closes the dialog and cancels its export, synchronously: no step of that export that runs afterwards writes a file. */
  closeDialog(): void {
    this.running?.abort();
    this.running = null;
    this.session++;
    this.dialogOpen = false;
  }

  /**
   * Runs one export. `work` gets the run's signal and `wanted`, which turns false once the
   * run is cancelled or outlived by its session; it checks `wanted` before it downloads and
   * returns the "Saved …" line, or null when nothing was saved. `settle` runs last, before
   * the session forgets the run, whatever happened.
   */
  protected async runExport(work: (signal: AbortSignal, wanted: () => boolean) => Promise<string | null>, settle?: () => Promise<void>): Promise<boolean> {
    const session = this.session;
    const controller = new AbortController();
    const wanted = () => !controller.signal.aborted && session === this.session;
    this.running = controller;
    this.busy = true;
    this.error = null;
    try {
      const saved = await work(controller.signal, wanted);
      if (saved === null || !wanted()) return false;
      this.lastSaved = saved;
      this.dialogOpen = false;
      return true;
    } catch (error) {
      if (wanted()) this.error = (error as Error).message;
      return false;
    } finally {
      await settle?.();
      if (this.running === controller) this.running = null;
      this.busy = false;
      this.progress = null;
    }
  }
}
