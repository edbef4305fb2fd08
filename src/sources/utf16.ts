// UTF-16 text (recognised by its byte-order mark) re-encoded as UTF-8, so the engine sees one encoding.
// Lines and UTF-16 columns of the re-encoded text are those of the original.

export async function* utf16ToUtf8(input: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<Buffer> {
  // Drops the BOM; `stream: true` holds back an odd byte or half a surrogate pair until the next chunk.
  const decoder = new TextDecoder(encoding);
  for await (const chunk of input) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}
