import { describe, expect, it } from 'vitest';
import { barKeyWindow, draggedWindow, handleKeyWindow, monthShiftedWindow, spannedWindow, steppedWindow } from '../../src/lib/core/window-edit';
import { day } from './helpers';

const extent = { from: day('2020-01-01'), to: day('2023-12-31') };
const window = { from: day('2021-03-15'), to: day('2021-06-30') };

describe('draggedWindow', () => {
  it('moves the whole window, keeping its length', () => {
    expect(draggedWindow('move', window, 10, extent)).toEqual({ from: window.from + 10, to: window.to + 10 });
  });

  it('stops a moved window at either end of the extent without shrinking it', () => {
    const length = window.to - window.from;
    expect(draggedWindow('move', window, -5000, extent)).toEqual({ from: extent.from, to: extent.from + length });
    expect(draggedWindow('move', window, 5000, extent)).toEqual({ from: extent.to - length, to: extent.to });
  });

  it('moves only the dragged edge, and never past the other one', () => {
    expect(draggedWindow('start', window, -14, extent)).toEqual({ from: window.from - 14, to: window.to });
    expect(draggedWindow('start', window, 500, extent)).toEqual({ from: window.to, to: window.to });
    expect(draggedWindow('end', window, -500, extent)).toEqual({ from: window.from, to: window.from });
    expect(draggedWindow('end', window, 5000, extent)).toEqual({ from: window.from, to: extent.to });
  });
});

describe('spannedWindow', () => {
  it('orders anchor and pointer and clamps both to the extent', () => {
    expect(spannedWindow(day('2022-05-01'), day('2022-02-01'), extent)).toEqual({ from: day('2022-02-01'), to: day('2022-05-01') });
    expect(spannedWindow(day('2019-05-01'), day('2030-01-01'), extent)).toEqual(extent);
  });
});

describe('steppedWindow', () => {
  it('steps a bound by calendar months, clamping the day to the shorter month', () => {
    const w = { from: day('2021-01-31'), to: day('2021-12-31') };
    expect(steppedWindow('from', 1, w, extent)).toEqual({ from: day('2021-02-28'), to: w.to });
    expect(steppedWindow('to', -12, w, extent)).toEqual({ from: w.from, to: day('2021-01-31') });
  });

  it('stops at the other bound and at the extent', () => {
    expect(steppedWindow('from', 12, window, extent)).toEqual({ from: window.to, to: window.to });
    expect(steppedWindow('to', 120, window, extent)).toEqual({ from: window.from, to: extent.to });
    expect(steppedWindow('from', -120, window, extent)).toEqual({ from: extent.from, to: window.to });
  });
});

describe('keyboard edits of the window', () => {
  const quarter = { from: day('2021-09-01'), to: day('2021-11-30') };

  it('moves a window of whole months by calendar months, keeping it whole', () => {
    expect(monthShiftedWindow(quarter, 1, extent)).toEqual({ from: day('2021-10-01'), to: day('2021-12-31') });
    expect(monthShiftedWindow(quarter, -12, extent)).toEqual({ from: day('2020-09-01'), to: day('2020-11-30') });
  });

  it('moves any other window by the same number of days at both ends, stopping at the extent', () => {
    expect(monthShiftedWindow(window, 1, extent)).toEqual({ from: day('2021-04-15'), to: window.to + 31 });
    const length = window.to - window.from;
    expect(monthShiftedWindow(window, -120, extent)).toEqual({ from: extent.from, to: extent.from + length });
    expect(barKeyWindow('End', window, extent)).toEqual({ from: extent.to - length, to: extent.to });
    expect(barKeyWindow('Home', window, extent)).toEqual({ from: extent.from, to: extent.from + length });
    expect(barKeyWindow('PageUp', quarter, extent)).toEqual({ from: day('2022-09-01'), to: day('2022-11-30') });
    expect(barKeyWindow('a', quarter, extent)).toBeNull();
  });

  it('sends a handle to its ends with Home and End, never past the other handle', () => {
    expect(handleKeyWindow('from', 'Home', window, extent)).toEqual({ from: extent.from, to: window.to });
    expect(handleKeyWindow('from', 'End', window, extent)).toEqual({ from: window.to, to: window.to });
    expect(handleKeyWindow('to', 'Home', window, extent)).toEqual({ from: window.from, to: window.from });
    expect(handleKeyWindow('to', 'End', window, extent)).toEqual({ from: window.from, to: extent.to });
    expect(handleKeyWindow('to', 'ArrowRight', window, extent)).toEqual({ from: window.from, to: day('2021-07-30') });
    expect(handleKeyWindow('to', 'Tab', window, extent)).toBeNull();
  });
});
