/**
 * Characters ignored when matching: whitespace, invisible format and control characters, and the separators people
 * put between the characters of a word to slip it past a filter (傻*瓜, 傻.瓜, s-p-a-m). Clause punctuation (，。、)
 * is not among them: dropping it would join the end of one clause to the start of the next and match words nobody
 * wrote. Full-width forms need not be listed: NFKC has already turned them into these.
 */
const IGNORED = /[\s\p{Cc}\p{Cf}*.\-_·•・~|/\\+=^]/gu;

/** The form both the list and the text are compared in: NFKC (full/half width, circled letters…), lower case. */
function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/**
 * Finds listed words in a text, ignoring case, width and separators between characters. An Aho–Corasick automaton
 * over UTF-16 code units: one pass over the text whatever the size of the list, so a question is checked in
 * microseconds against thousands of words.
 */
export class SensitiveWordFilter {
  private constructor(
    /** The words as listed, by index; what find() reports. */
    private readonly words: readonly string[],
    /** Per trie node: code unit → child node. Node 0 is the root. */
    private readonly children: readonly Map<number, number>[],
    /** Per node: the node of its longest proper suffix that is also in the trie. */
    private readonly fail: readonly number[],
    /** Per node: the index of the word ending there, or -1. */
    private readonly wordAt: readonly number[],
    /** Per node: the nearest node along the fail chain (itself excluded) where a word ends, or -1. */
    private readonly nextWordNode: readonly number[],
  ) {}

  /**
   * Reads a list: one word or phrase per line; blank lines and lines starting with `#` are skipped. Entries that
   * normalise to the same key (傻瓜, 傻 瓜) count once, reported as first listed.
   */
  static fromText(list: string): SensitiveWordFilter {
    const words: string[] = [];
    const children: Map<number, number>[] = [new Map()];
    const wordAt: number[] = [-1];
    for (const line of list.split(/\r\n|\r|\n/u)) {
      const word = line.trim();
      if (word === '' || word.startsWith('#')) continue;
      const key = normalise(word);
      if (key === '') continue;
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const unit = key.charCodeAt(i);
        let next = children[node].get(unit);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          wordAt.push(-1);
          children[node].set(unit, next);
        }
        node = next;
      }
      if (wordAt[node] === -1) {
        wordAt[node] = words.length;
        words.push(word);
      }
    }

    // Breadth first, so every shorter suffix already has its links when a node's are computed.
    const fail = new Array<number>(children.length).fill(0);
    const nextWordNode = new Array<number>(children.length).fill(-1);
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const [unit, child] of children[node]) {
        let suffix = fail[node];
        while (suffix !== 0 && !children[suffix].has(unit)) suffix = fail[suffix];
        const target = children[suffix].get(unit);
        // A child of the root would find itself: its only proper suffix is the empty one.
        const childFail = target !== undefined && target !== child ? target : 0;
        fail[child] = childFail;
        nextWordNode[child] = wordAt[childFail] !== -1 ? childFail : nextWordNode[childFail];
        queue.push(child);
      }
    }
    return new SensitiveWordFilter(words, children, fail, wordAt, nextWordNode);
  }

  /** A filter that finds nothing, for a server run without a list. */
  static empty(): SensitiveWordFilter {
    return SensitiveWordFilter.fromText('');
  }

  /** How many distinct words the list holds (for the server's start-up log). */
  get size(): number {
    return this.words.length;
  }

  /** Every listed word the text contains, each once, as listed, in the order they end in the text. */
  find(text: string): string[] {
    const found = new Set<number>();
    const key = normalise(text);
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      while (node !== 0 && !this.children[node].has(unit)) node = this.fail[node];
      node = this.children[node].get(unit) ?? 0;
      for (let at = this.wordAt[node] !== -1 ? node : this.nextWordNode[node]; at !== -1; at = this.nextWordNode[at]) {
        found.add(this.wordAt[at]);
      }
    }
    return Array.from(found, (index) => this.words[index]);
  }
}
