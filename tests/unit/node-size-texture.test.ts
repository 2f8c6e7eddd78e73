import { describe, expect, it } from 'vitest';
import type { NodeDisplayData } from 'sigma/types';
import { NodeSizeTable, nodeSizeTableOf } from '../../src/lib/render/node-size-texture';

const node = (index?: number) => ({ size: 1, ...(index === undefined ? {} : { index }) }) as unknown as NodeDisplayData;

describe('NodeSizeTable', () => {
  it('keeps one table per sigma', () => {
    const a = {};
    expect(nodeSizeTableOf(a)).toBe(nodeSizeTableOf(a));
    expect(nodeSizeTableOf(a)).not.toBe(nodeSizeTableOf({}));
  });

  it('bumps its version on a change only, and grows by whole texture rows past its end', () => {
    const table = new NodeSizeTable();
    table.set(3, 7.5);
    const version = table.version;
    table.set(3, 7.5);
    expect(table.version).toBe(version);
    table.set(5000, 2);
    expect(table.version).toBe(version + 1);
    expect(table.sizes.length % 1024).toBe(0);
    expect(table.sizes.length).toBeGreaterThan(5000);
    expect([table.sizes[3], table.sizes[5000]]).toEqual([7.5, 2]);
  });

  it("files a node by its actor index, and a node without one by its display data, the same slot each time", () => {
    const table = new NodeSizeTable();
    expect(table.slotOf(node(42))).toBe(42);
    const loose = node();
    const other = node();
    expect(table.slotOf(loose)).toBe(table.slotOf(loose));
    expect(table.slotOf(other)).not.toBe(table.slotOf(loose));
  });
});
