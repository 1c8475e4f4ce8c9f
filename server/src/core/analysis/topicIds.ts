// Topics as small integers. Every check records the topics it read (context.ts); kept as strings,
// each of the ~36k results of a large workspace would hold its own copies in a Set, which costs
// memory, hashing and garbage collection on a cold start. Here each distinct topic string is
// stored once, and a check's topics become a short, duplicate-free list of ids.

export class TopicIds {
  private readonly ids = new Map<string, number>();
  /** Per id: the serial of the last recording that listed it (drops duplicates in O(1)). */
  private readonly seen: number[] = [];
  private serial = 0;
  /** Scratch list of the check being recorded (reused; end() hands out a copy). */
  private readonly current: number[] = [];

  /** The id of `topic`, or undefined when nothing ever recorded it (then nobody depends on it). */
  lookup(topic: string): number | undefined {
    return this.ids.get(topic);
  }

  /** Starts the recording of one check. */
  begin(): void {
    this.serial++;
    this.current.length = 0;
  }

  /** Records `topic` for the current check (the sink AnalysisContext writes to). */
  add(topic: string): void {
    let id = this.ids.get(topic);
    if (id === undefined) {
      id = this.seen.length;
      this.ids.set(topic, id);
      this.seen.push(0);
    }
    if (this.seen[id] === this.serial) return;
    this.seen[id] = this.serial;
    this.current.push(id);
  }

  /** Ends the current recording: the ids it listed, each once, in first-use order. */
  end(): readonly number[] {
    // An exact-size copy: the list is kept as long as the result, a grown array has spare room.
    return this.current.slice();
  }
}
