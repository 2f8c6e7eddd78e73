/** What a person is told when the browser will not store a dataset: what happened, how much room there is, what to do. */

const MB = (bytes: number) => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;

export interface StorageEstimate {
  quota?: number;
  usage?: number;
}

export function isQuotaError(name: string | undefined, message: string | undefined): boolean {
  return name === 'QuotaExceededError' || /quota/i.test(message ?? '');
}

export function storageFailureMessage(error: { name?: string; message?: string }, size: number, estimate: StorageEstimate | null): string {
  if (isQuotaError(error.name, error.message)) {
    const room = estimate?.quota ? ` The browser allows this site ${MB(estimate.quota)}, of which ${MB(estimate.usage ?? 0)} is in use.` : '';
    return `Not saved: the browser's storage for this page is full. This dataset needs about ${MB(size)}.${room} Delete a saved dataset, or open this one without saving. Nothing was written.`;
  }
  return `Not saved: the browser refused to store the dataset (${error.name || error.message || 'unknown error'}). Nothing was written.`;
}
