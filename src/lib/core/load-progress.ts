/** Words for how far a load is, as the loading screen shows them. */
import type { Progress } from './import-job';

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);

export function progressText(p: Progress): string {
  const verb = p.stage === 'reading' ? 'Reading' : p.stage === 'parsing' ? 'Parsing' : 'Validating';
  const rows = p.rows > 0 ? `, ${p.rows.toLocaleString('en')} rows` : '';
  return `${verb} ${mb(p.bytes)} of ${mb(p.totalBytes)} MB${rows}`;
}
