/**
 * CPU time of the Chromium GPU processes this bench started, read from /proc (Linux). Under SwiftShader the
 * GPU process rasterises every frame in software on its worker threads; on a machine shared with other jobs,
 * the wall time to a frame swings with their load, its CPU time much less.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system, all threads) of this script's Chromium GPU processes: wall time on a shared machine says little. */
export function gpuCpuSeconds(): number {
  const parent = new Map<number, number>();
  const gpu: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=gpu-process')) gpu.push(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  const mine = (pid: number): boolean => pid === process.pid || (pid > 1 && parent.has(pid) && mine(parent.get(pid)!));
  let ticks = 0;
  for (const pid of gpu.filter(mine)) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

