// Bytes to text in chunks: UTF-8 chunks are cut at the last whole character and decoded in one shot
// (Node's `stream: true` path is about twice as slow); other encodings use the decoder's stream mode.

/** The length of `data` without a UTF-8 sequence cut off at its end. */
export function wholeUtf8Length(data: Uint8Array): number {
  const n = data.length;
  let i = n - 1;
  // Step back over at most 3 continuation bytes to the lead byte of the last sequence.
  while (i >= 0 && i > n - 4 && (data[i]! & 0xc0) === 0x80) i -= 1;
  if (i < 0) return n;
  const lead = data[i]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + need > n ? i : n;
}

export class TextChunks {
  private readonly decoder: TextDecoder;
  private readonly utf8: boolean;
  private pending: Uint8Array | undefined;
  /** Where a head, held-back bytes and the input are joined, reused from chunk to chunk (decoded at once). */
  private joined = new Uint8Array(0);

  /** `fatal`: throw a TypeError on bytes that are not valid in `encoding` instead of writing U+FFFD. */
  constructor(encoding: string, fatal = false) {
    this.decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
    this.utf8 = this.decoder.encoding === 'utf-8';
  }

  /** The text of `input`, after any bytes held back from the previous chunk. */
  decode(input: Uint8Array, head?: Uint8Array): string {
    if (!this.utf8) return this.decoder.decode(input, { stream: true });
    let data = input;
    const pending = this.pending;
    if (head || pending) {
      const headLength = head?.length ?? 0;
      const pendingLength = pending?.length ?? 0;
      const length = headLength + pendingLength + input.length;
      if (this.joined.length < length) this.joined = new Uint8Array(Math.max(length, 2 * this.joined.length));
      data = this.joined.subarray(0, length);
      if (head) data.set(head);
      if (pending) data.set(pending, headLength);
      data.set(input, headLength + pendingLength);
      this.pending = undefined;
    }
    const cut = wholeUtf8Length(data);
    if (cut < data.length) this.pending = data.slice(cut);
    return this.decoder.decode(cut < data.length ? data.subarray(0, cut) : data);
  }

  /** Whatever was held back, at the end of the input. */
  flush(): string {
    const rest = this.pending ? this.decoder.decode(this.pending) : '';
    this.pending = undefined;
    return rest + (this.utf8 ? '' : this.decoder.decode());
  }
}
