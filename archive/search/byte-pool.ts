// Small byte tools of the search index: varints written to a growable array and read back (the
// forward index), and growing a typed array.

export function grow<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array | Float32Array>(
  array: T,
  size: number,
): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

/** Reads, one after another, the unsigned varints a ByteWriter wrote. */
export class VarintReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  /** Bytes not read yet (below 0 when a read ran past the end: the bytes were cut short). */
  get remaining(): number {
    return this.bytes.length - this.position;
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
