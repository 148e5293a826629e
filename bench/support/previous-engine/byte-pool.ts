// Growable byte storage for many small, append-only streams (one per term's postings), without one
// typed array per stream: streams live in slices of shared 1 MiB blocks, each slice ending in the
// address of the next (the scheme of Lucene's ByteBlockPool). Slices grow with the stream, so a
// term seen once costs a few bytes and a common term a few large slices.

const BLOCK_BITS = 20;
const BLOCK_SIZE = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK_SIZE - 1;
/** Slice sizes by level, forward address (4 bytes) included. */
const SLICE_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024];
const POINTER = 4;

/**
 * The state of many streams in typed arrays (objects per stream would cost more than the data):
 * the first slice, the next write, the end of the current slice's data, the level.
 */
export class Streams {
  start = new Uint32Array(1024);
  write = new Uint32Array(1024);
  end = new Uint32Array(1024);
  level = new Uint8Array(1024);

  ensure(count: number): void {
    if (count <= this.start.length) return;
    let size = this.start.length;
    while (size < count) size *= 2;
    this.start = grow(this.start, size);
    this.write = grow(this.write, size);
    this.end = grow(this.end, size);
    this.level = grow(this.level, size);
  }
}

export function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array | Float32Array>(
  array: T,
  size: number,
): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Stream number 0 is never opened: end 0 marks "no stream". */
export class BytePool {
  private blocks: Uint8Array[] = [];
  private used = BLOCK_SIZE; // forces a first block

  get bytes(): number {
    return this.blocks.length * BLOCK_SIZE;
  }

  private allocate(size: number): number {
    if (this.used + size > BLOCK_SIZE) {
      this.blocks.push(new Uint8Array(BLOCK_SIZE));
      this.used = 0;
    }
    const address = (this.blocks.length - 1) * BLOCK_SIZE + this.used;
    this.used += size;
    return address + 1; // address 0 would look like "no stream"
  }

  has(s: Streams, id: number): boolean {
    return id < s.start.length && s.end[id] !== 0;
  }

  private open(s: Streams, id: number): void {
    const start = this.allocate(SLICE_SIZES[0]!);
    s.start[id] = start;
    s.write[id] = start;
    s.end[id] = start + SLICE_SIZES[0]! - POINTER;
    s.level[id] = 0;
  }

  writeByte(s: Streams, id: number, byte: number): void {
    if (s.end[id] === 0) this.open(s, id);
    let write = s.write[id]!;
    if (write === s.end[id]) {
      const level = Math.min(s.level[id]! + 1, SLICE_SIZES.length - 1);
      const size = SLICE_SIZES[level]!;
      const next = this.allocate(size);
      this.setUint32(write, next);
      write = next;
      s.end[id] = next + size - POINTER;
      s.level[id] = level;
    }
    const a = write - 1;
    this.blocks[a >>> BLOCK_BITS]![a & BLOCK_MASK] = byte;
    s.write[id] = write + 1;
  }

  writeVarint(s: Streams, id: number, value: number): void {
    while (value >= 0x80) {
      this.writeByte(s, id, (value & 0x7f) | 0x80);
      value = Math.floor(value / 128);
    }
    this.writeByte(s, id, value);
  }

  /** Every byte of the stream, in order, as one array (empty if it was never written). */
  read(s: Streams, id: number): Uint8Array {
    if (!this.has(s, id)) return EMPTY;
    const write = s.write[id]!;
    const parts: Uint8Array[] = [];
    let total = 0;
    let address = s.start[id]!;
    let level = 0;
    for (;;) {
      const dataEnd = address + SLICE_SIZES[level]! - POINTER;
      const last = write >= address && write <= dataEnd;
      const until = last ? write : dataEnd;
      const offset = (address - 1) & BLOCK_MASK;
      const part = this.blocks[(address - 1) >>> BLOCK_BITS]!.subarray(offset, offset + (until - address));
      parts.push(part);
      total += part.length;
      if (last) break;
      address = this.getUint32(dataEnd);
      level = Math.min(level + 1, SLICE_SIZES.length - 1);
    }
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  private setUint32(address: number, value: number): void {
    for (let i = 0; i < 4; i++) {
      const a = address - 1 + i;
      this.blocks[a >>> BLOCK_BITS]![a & BLOCK_MASK] = (value >>> (8 * i)) & 0xff;
    }
  }

  private getUint32(address: number): number {
    let value = 0;
    for (let i = 0; i < 4; i++) {
      const a = address - 1 + i;
      value |= this.blocks[a >>> BLOCK_BITS]![a & BLOCK_MASK]! << (8 * i);
    }
    return value >>> 0;
  }
}

const EMPTY = new Uint8Array(0);

/** Reads, one after another, the unsigned varints a ByteWriter wrote. */
export class VarintReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  next(): number {
    let value = 0;
    let scale = 1;
    let b: number;
    do {
      b = this.bytes[this.position++]!;
      value += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return value;
  }
}

/** Appends unsigned varints to a growable byte array. */
export class ByteWriter {
  private buffer: Uint8Array<ArrayBufferLike>;
  length = 0;

  constructor(capacity = 1024) {
    this.buffer = new Uint8Array(capacity);
  }

  /** A writer that continues after existing bytes (a loaded index). */
  static from(bytes: Uint8Array): ByteWriter {
    const writer = new ByteWriter(0);
    writer.buffer = bytes;
    writer.length = bytes.length;
    return writer;
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = Math.max(1024, Math.ceil(this.buffer.length * 1.5));
    while (size < this.length + extra) size = Math.ceil(size * 1.5);
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }

  varint(value: number): void {
    this.ensure(5);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value = Math.floor(value / 128);
    }
    this.buffer[this.length++] = value;
  }

  bytes(data: Uint8Array): void {
    this.ensure(data.length);
    this.buffer.set(data, this.length);
    this.length += data.length;
  }

  /** The bytes written so far (a copy of exactly that length). */
  finish(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  /** Bytes [start, end) without copying. */
  view(start: number, end: number): Uint8Array {
    return this.buffer.subarray(start, end);
  }

  /** Gives back the spare capacity. */
  trim(): void {
    if (this.buffer.length !== this.length) this.buffer = this.buffer.slice(0, this.length);
  }
}
