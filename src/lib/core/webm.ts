/**
 * A small reader for the WebM files the browser's MediaRecorder writes: the
 * EBML header, the tracks, and the timestamp and bytes of every frame.
 *
 * MediaRecorder writes a live stream: the Segment (and often each Cluster) has
 * an "unknown" size and there is no Duration element, so a file's length in
 * time is only known from its block timestamps. An element of unknown size
 * ends where an element that cannot be its child begins.
 */

export const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

const ID = {
  EBML: 0x1a45dfa3,
  DocType: 0x4282,
  Segment: 0x18538067,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackType: 0x83,
  CodecID: 0x86,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  ReferenceBlock: 0xfb,
} as const;

/** Masters whose children are read; everything else is skipped whole. */
const MASTERS = new Set<number>([ID.EBML, ID.Segment, ID.Info, ID.Tracks, ID.TrackEntry, ID.Video, ID.Cluster, ID.BlockGroup]);
/** Elements that may sit in a Cluster: any other ID ends a Cluster of unknown size. */
const CLUSTER_CHILDREN = new Set<number>([ID.Timecode, ID.SimpleBlock, ID.BlockGroup, 0xa7, 0xab, 0xec, 0xbf, 0x5854]);

export interface WebmTrack {
  number: number;
  /** 1 video, 2 audio. */
  type: number;
  codecId: string;
  width?: number;
  height?: number;
}

export interface WebmFrame {
  track: number;
  /** Presentation time in milliseconds from the start of the segment. */
  timeMs: number;
  keyframe: boolean;
  /** Where the frame's encoded bytes are in the file. */
  offset: number;
  size: number;
}

export interface WebmFile {
  docType: string;
  timecodeScaleNs: number;
  /** From the Info element; MediaRecorder usually leaves it out. */
  durationMs: number | null;
  tracks: WebmTrack[];
  frames: WebmFrame[];
}

export function hasEbmlHeader(bytes: Uint8Array): boolean {
  return EBML_MAGIC.every((byte, i) => bytes[i] === byte);
}

interface Vint {
  value: number;
  length: number;
  unknown: boolean;
}

/** A variable-length integer at `at`; `keepMarker` for element IDs, which keep their length bits. */
function readVint(bytes: Uint8Array, at: number, keepMarker: boolean): Vint {
  const first = bytes[at];
  if (first === undefined) throw new Error(`webm: the file ends inside an element header at byte ${at}`);
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (length > 8) throw new Error(`webm: invalid variable-length number at byte ${at}`);
  if (at + length > bytes.length) throw new Error(`webm: the file ends inside an element header at byte ${at}`);
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readUint(bytes: Uint8Array, start: number, size: number): number {
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + bytes[start + i];
  return value;
}

function readFloat(bytes: Uint8Array, start: number, size: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + start, size);
  if (size === 4) return view.getFloat32(0);
  if (size === 8) return view.getFloat64(0);
  if (size === 0) return 0;
  throw new Error(`webm: a float of ${size} bytes at byte ${start}`);
}

const readString = (bytes: Uint8Array, start: number, size: number) => new TextDecoder().decode(bytes.subarray(start, start + size)).replace(/\0+$/, '');

/** Reads a WebM (or Matroska) file's header, tracks and frame timestamps; throws on a file that is not one or is cut short. */
export function readWebm(bytes: Uint8Array): WebmFile {
  if (!hasEbmlHeader(bytes)) throw new Error('webm: no EBML header (the file does not start with 1A 45 DF A3)');
  const file: WebmFile = { docType: '', timecodeScaleNs: 1_000_000, durationMs: null, tracks: [], frames: [] };
  let rawDuration: number | null = null;
  let clusterTime = 0;
  let track: WebmTrack | null = null;
  let group: { first: number; referenced: boolean } | null = null;
  const blocks: Array<{ track: number; time: number; keyframe: boolean; offset: number; size: number }> = [];

  const readBlock = (start: number, size: number, simple: boolean) => {
    const number = readVint(bytes, start, false);
    const header = number.length + 3;
    if (size < header) throw new Error(`webm: a block of ${size} bytes at byte ${start} is shorter than its header`);
    const relative = (bytes[start + number.length] << 24) >> 16 | bytes[start + number.length + 1];
    const flags = bytes[start + number.length + 2];
    // Video from MediaRecorder is never laced; a laced block would hold several frames under one time.
    if (flags & 0x06) throw new Error(`webm: laced block at byte ${start} (not written by MediaRecorder)`);
    blocks.push({ track: number.value, time: clusterTime + relative, keyframe: simple ? (flags & 0x80) !== 0 : false, offset: start + header, size: size - header });
  };

  /** Reads the children of a master from `start` to `end` (or, for unknown size, until a foreign element); returns where it stopped. */
  const walk = (parent: number, start: number, end: number, unknownSize: boolean): number => {
    let at = start;
    while (at < end) {
      const id = readVint(bytes, at, true);
      if (unknownSize && parent === ID.Cluster && !CLUSTER_CHILDREN.has(id.value)) return at;
      const size = readVint(bytes, at + id.length, false);
      const dataStart = at + id.length + size.length;
      if (size.unknown && !MASTERS.has(id.value)) throw new Error(`webm: element ${id.value.toString(16)} at byte ${at} has an unknown size`);
      const dataEnd = size.unknown ? end : dataStart + size.value;
      if (dataEnd > bytes.length) throw new Error(`webm: the file ends inside element ${id.value.toString(16)} at byte ${at}`);
      if (dataEnd > end) throw new Error(`webm: element ${id.value.toString(16)} at byte ${at} runs past the end of its parent`);
      at = visit(id.value, dataStart, dataEnd, size.unknown);
    }
    return at;
  };

  const visit = (id: number, start: number, end: number, unknownSize: boolean): number => {
    const size = end - start;
    switch (id) {
      case ID.DocType: file.docType = readString(bytes, start, size); break;
      case ID.TimecodeScale: file.timecodeScaleNs = readUint(bytes, start, size); break;
      case ID.Duration: rawDuration = readFloat(bytes, start, size); break;
      case ID.Timecode: clusterTime = readUint(bytes, start, size); break;
      case ID.SimpleBlock: readBlock(start, size, true); break;
      case ID.Block: readBlock(start, size, false); break;
      case ID.ReferenceBlock: if (group) group.referenced = true; break;
      case ID.TrackNumber: if (track) track.number = readUint(bytes, start, size); break;
      case ID.TrackType: if (track) track.type = readUint(bytes, start, size); break;
      case ID.CodecID: if (track) track.codecId = readString(bytes, start, size); break;
      case ID.PixelWidth: if (track) track.width = readUint(bytes, start, size); break;
      case ID.PixelHeight: if (track) track.height = readUint(bytes, start, size); break;
      case ID.BlockGroup: {
        // A Block's frame is a keyframe when its group refers to no other frame.
        group = { first: blocks.length, referenced: false };
        const stop = walk(id, start, end, unknownSize);
        for (let i = group.first; i < blocks.length; i++) blocks[i].keyframe = !group.referenced;
        group = null;
        return stop;
      }
      case ID.TrackEntry: {
        track = { number: 0, type: 0, codecId: '' };
        const stop = walk(id, start, end, unknownSize);
        file.tracks.push(track);
        track = null;
        return stop;
      }
      default:
        if (MASTERS.has(id)) return walk(id, start, end, unknownSize);
    }
    return end;
  };

  walk(0, 0, bytes.length, false);
  const msPerTick = file.timecodeScaleNs / 1e6;
  file.durationMs = rawDuration === null ? null : rawDuration * msPerTick;
  file.frames = blocks.map((b) => ({ track: b.track, timeMs: b.time * msPerTick, keyframe: b.keyframe, offset: b.offset, size: b.size }));
  return file;
}

/** The frames of the file's first video track, in presentation order. */
export function videoFrames(file: WebmFile): WebmFrame[] {
  const video = file.tracks.find((t) => t.type === 1);
  if (!video) return [];
  return file.frames.filter((f) => f.track === video.number).sort((a, b) => a.timeMs - b.timeMs);
}

/** Time from the first video frame to the last one's timestamp, in milliseconds. */
export function videoSpanMs(file: WebmFile): number {
  const frames = videoFrames(file);
  return frames.length ? frames[frames.length - 1].timeMs - frames[0].timeMs : 0;
}
