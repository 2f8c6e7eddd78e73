import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EBML_MAGIC, hasEbmlHeader, readWebm, videoFrames, videoSpanMs } from '../../src/lib/core/webm';
import { writeWebm, type EncodedVideoFrame } from '../../src/lib/core/webm-write';

const frame = (timeMs: number, keyframe: boolean, fill: number, size = 5): EncodedVideoFrame => ({ timeMs, keyframe, data: new Uint8Array(size).fill(fill) });

/** EBML element with a given size field (bytes as written), for hand-built files. */
const el = (id: number[], size: number[], ...body: number[][]) => [...id, ...size, ...body.flat()];
const UNKNOWN = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
const len = (n: number) => [0x80 | n];

describe('writeWebm and readWebm', () => {
  it('round-trip the track, every frame (time, keyframe, bytes) and the duration', () => {
    const frames = [frame(0, true, 1), frame(350, false, 2), frame(700, false, 3, 300), frame(1050, false, 4)];
    const bytes = writeWebm({ codecId: 'V_VP9', width: 854, height: 480 }, frames, 1050);
    expect([...bytes.subarray(0, 4)]).toEqual([...EBML_MAGIC]);
    const file = readWebm(bytes);
    expect(file.docType).toBe('webm');
    expect(file.durationMs).toBe(1050);
    expect(file.tracks).toEqual([{ number: 1, type: 1, codecId: 'V_VP9', width: 854, height: 480 }]);
    const read = videoFrames(file);
    expect(read.map((f) => [f.timeMs, f.keyframe, f.size])).toEqual([[0, true, 5], [350, false, 5], [700, false, 300], [1050, false, 5]]);
    read.forEach((f, i) => expect([...bytes.subarray(f.offset, f.offset + f.size)]).toEqual([...frames[i].data]));
    expect(videoSpanMs(file)).toBe(1050);
  });

  it('opens a Cluster at each keyframe and every 30 s, so block offsets stay in range', () => {
    const frames = [frame(0, true, 1), frame(20_000, false, 2), frame(40_000, false, 3), frame(45_000, true, 4), frame(46_000, false, 5)];
    const file = readWebm(writeWebm({ codecId: 'V_VP8', width: 16, height: 16 }, frames, 47_000));
    expect(videoFrames(file).map((f) => [f.timeMs, f.keyframe])).toEqual([[0, true], [20_000, false], [40_000, false], [45_000, true], [46_000, false]]);
  });

  it('refuses a first frame that is not a keyframe', () => {
    expect(() => writeWebm({ codecId: 'V_VP8', width: 16, height: 16 }, [frame(0, false, 1)], 10)).toThrow(/first frame must be a keyframe/);
  });
});

describe('readWebm', () => {
  it('reads what Chromium MediaRecorder writes: BlockGroups, Duration, VP8', () => {
    // Recorded in headless Chromium: a 320 × 180 canvas, 5 frames requested about 200 ms apart, then a closing one.
    const file = readWebm(new Uint8Array(readFileSync('tests/unit/fixtures/webm/chromium-mediarecorder-vp8.webm')));
    expect(file.tracks[0]).toMatchObject({ type: 1, codecId: 'V_VP8', width: 320, height: 180 });
    const frames = videoFrames(file);
    expect(frames.length).toBe(6);
    expect(frames[0].keyframe).toBe(true);
    expect(frames.slice(1).every((f) => !f.keyframe)).toBe(true);
    expect(frames.map((f) => f.timeMs)).toEqual([0, 542, 739, 942, 1143, 1344]);
    expect(file.durationMs).toBeCloseTo(1344.68, 1);
  });

  it('reads a live stream: Segment and Clusters of unknown size, relative block times', () => {
    const block = (rel: number, flags: number) => el([0xa3], len(5), [0x81, (rel >> 8) & 0xff, rel & 0xff, flags, 0xaa]);
    const cluster = (time: number, ...blocks: number[][]) => el([0x1f, 0x43, 0xb6, 0x75], UNKNOWN, el([0xe7], len(2), [time >> 8, time & 0xff]), ...blocks);
    const tracks = el([0x16, 0x54, 0xae, 0x6b], len(8), el([0xae], len(6), el([0xd7], len(1), [1]), el([0x83], len(1), [1])));
    const bytes = Uint8Array.from([
      ...el([0x1a, 0x45, 0xdf, 0xa3], len(7), el([0x42, 0x82], len(4), [...'webm'].map((c) => c.charCodeAt(0)))),
      ...el([0x18, 0x53, 0x80, 0x67], UNKNOWN, tracks, cluster(0, block(0, 0x80), block(100, 0)), cluster(1000, block(-50, 0), block(200, 0x80))),
    ]);
    const file = readWebm(bytes);
    expect(file.durationMs).toBeNull();
    expect(videoFrames(file).map((f) => [f.timeMs, f.keyframe])).toEqual([[0, true], [100, false], [950, false], [1200, true]]);
    expect(videoSpanMs(file)).toBe(1200);
  });

  it('says plainly when a file is not WebM or is cut short', () => {
    expect(hasEbmlHeader(new TextEncoder().encode('RIFF....WEBP'))).toBe(false);
    expect(() => readWebm(new TextEncoder().encode('RIFF....WEBP'))).toThrow(/^webm: no EBML header/);
    const whole = writeWebm({ codecId: 'V_VP8', width: 16, height: 16 }, [frame(0, true, 1, 100)], 10);
    expect(() => readWebm(whole.subarray(0, whole.length - 60))).toThrow(/^webm: the file ends inside/);
  });
});
