// Topics: the things a check can read and a change can alter (the workloads carrying `app=cart`
// in `shop`, the services answering for a host, the Gateways of a namespace...). Each is a node
// of the workspace index, so a lookup hands back its answer and its topic together: recording a
// dependency costs no string building and no hashing. A topic gets a small integer id the first
// time a check records it (context.ts); a topic never recorded has none, and nobody to wake.

export class Topic {
  id = -1;
  /** Family (`wl`, `host`, ...) and up to three parts, kept as given: never joined on the hot path. */
  constructor(readonly family: string, readonly a = '', readonly b = '', readonly c = '') {}

  /** `wl:shop:app=cart`, `host:cart.shop.svc.cluster.local`, `kind:Gateway:shop` (tests and logs only). */
  get name(): string {
    return `${this.family}${this.a ? `:${this.a}` : ''}${this.b ? `:${this.b}` : ''}${this.c ? `=${this.c}` : ''}`;
  }
}

/** Where a check's lookups are recorded: the engine's TopicRecorder, or NO_RECORDING. */
export interface TopicSink {
  add(topic: Topic): void;
}

/** For lookups nobody needs to replay (navigation, completion). */
export const NO_RECORDING: TopicSink = { add() {} };

/**
 * The engine's sink: gives topics their ids and lists, per check, the ids it read. Each check's
 * list is short and duplicate-free; the ~36k results of a large workspace hold only these.
 */
export class TopicRecorder implements TopicSink {
  /** Per id: the serial of the last recording that listed it (drops duplicates in O(1)). */
  private readonly seen: number[] = [];
  private serial = 0;
  /** Scratch list of the check being recorded (reused; end() hands out a copy). */
  private readonly current: number[] = [];

  /** Starts the recording of one check. */
  begin(): void {
    this.serial++;
    this.current.length = 0;
  }

  add(topic: Topic): void {
    let id = topic.id;
    if (id < 0) {
      id = topic.id = this.seen.length;
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

/** A topic with a posting list: the values filed under it. Small lists are arrays (cheap to make, in insertion order). */
export class Bag<V> extends Topic {
  readonly items: V[] = [];
  add(v: V): void {
    this.items.push(v);
  }
  delete(v: V): void {
    const i = this.items.lastIndexOf(v);
    if (i >= 0) this.items.splice(i, 1);
  }
}

/** A posting list that may grow large (every VirtualService, every workload of a namespace): a Set. */
export class SetBag<V> extends Topic {
  readonly items = new Set<V>();
  add(v: V): void {
    this.items.add(v);
  }
  delete(v: V): void {
    this.items.delete(v);
  }
}

/**
 * A counted presence (a namespace, a service account, a label value, a network). Its answer only
 * changes when the count crosses a level (absent/present, or for networks also shared), so
 * only such a flip wakes the checks that read it; `all` is the family's "any member" topic
 * (did-you-mean lists read the whole family).
 */
export class Presence extends Topic {
  n = 0;
  /** Drain serial when the level was last noted, and the level before that drain's first change. */
  noted = -1;
  before = 0;
  constructor(family: string, a: string, b: string, c: string, readonly all: Topic | null, private readonly levels: 1 | 2 = 1) {
    super(family, a, b, c);
  }
  level(): number {
    return Math.min(this.n, this.levels);
  }
}
