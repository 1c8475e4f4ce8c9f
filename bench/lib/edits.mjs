/**
 * Deterministic edits shared by the benches: append 'x' to the metadata.name line of a random
 * document in a random file (one keystroke). Mutates `texts` and yields the edited file, its new
 * text and the offset where the 'x' went in. Same seed, same sequence, so runs compare.
 */
export function* nameEdits(texts, count, seed = 7) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const names = [...texts.keys()];
  for (let i = 0; i < count; i++) {
    const file = names[Math.floor(rnd() * names.length)];
    const text = texts.get(file);
    const marks = [...text.matchAll(/^metadata:\n {2}name: [^\n]+/gm)];
    const m = marks[Math.floor(rnd() * marks.length)];
    const at = m.index + m[0].length;
    const next = text.slice(0, at) + 'x' + text.slice(at);
    texts.set(file, next);
    yield { file, text: next, at };
  }
}
