// Bytes -> text for callers that read files (CLI, workspace scan). The core never reads files
// itself; it only refuses what is not UTF-8 text, so a binary file gets one clear diagnostic
// instead of a cascade of YAML errors.

export type DecodeResult = { text: string } | { error: 'invalid-utf8' | 'binary'; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes UTF-8 strictly; NUL bytes mean binary content (YAML forbids them anyway). */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: 'binary', detail: `NUL byte at offset ${nul}` };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { error: 'invalid-utf8', detail: `not valid UTF-8 (first bad byte near offset ${firstBadByte(bytes)})` };
  }
}

/** Offset of the first byte that starts no valid UTF-8 sequence (for the message only). */
function firstBadByte(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >> 5 === 6 ? 2 : c >> 4 === 14 ? 3 : c >> 3 === 30 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if (b[i + k] >> 6 !== 2) return i;
    i += n;
  }
  return 0;
}
