// The search engines the benchmark compares, behind one small interface: build from clippings,
// answer a query (every word must match), save to a folder and open from it again.
import Database from 'better-sqlite3';
import { Encoder, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SearchDoc } from '../../archive/api.ts';
import { wordKeys } from '../../archive/search/analyze.ts';
import { SearchEngine } from '../../archive/search/engine.ts';
import { indexFromBytes, indexToBytes } from '../../archive/search/serialize.ts';
import { SearchEngine as PreviousEngine } from './previous-engine/engine.ts';
import { indexFromBytes as previousFromBytes, indexToBytes as previousToBytes } from './previous-engine/serialize.ts';

export interface Peer {
  /** Adds the clippings (consumed one at a time: the corpus is never held whole). */
  build(docs: Iterable<SearchDoc>): void;
  /** Ids of the matches, best first. */
  search(query: string, limit: number): string[];
  /** The same while typing (the last word also a beginning), for the engines that have it. */
  typing?(query: string, limit: number): string[];
  save(dir: string): Promise<void>;
}

export interface PeerKind {
  name: string;
  create(dir: string): Peer;
  /** Opens what save() wrote. */
  open(dir: string): Promise<Peer>;
}

// ---- this engine (FlexSearch's postings), and the same with its own postings before ----------------

interface Engine {
  search(
    query: string,
    options: { limit: number; typing?: boolean },
  ): { ok: true; hits: { id: string; score: number }[] } | { ok: false };
}

class OurPeer<E extends Engine> implements Peer {
  constructor(
    readonly engine: E,
    private readonly build_: (engine: E, docs: Iterable<SearchDoc>) => void,
    private readonly bytes: (engine: E) => Uint8Array,
  ) {}
  build(docs: Iterable<SearchDoc>): void {
    this.build_(this.engine, docs);
  }
  search(query: string, limit: number): string[] {
    const result = this.engine.search(query, { limit });
    return result.ok ? result.hits.map((h) => h.id) : [];
  }
  typing(query: string, limit: number): string[] {
    const result = this.engine.search(query, { limit, typing: true });
    return result.ok ? result.hits.map((h) => h.id) : [];
  }
  async save(dir: string): Promise<void> {
    await writeFile(join(dir, 'index.bin'), this.bytes(this.engine));
  }
}

async function readIndexFile(dir: string): Promise<Uint8Array> {
  const bytes = await readFile(join(dir, 'index.bin'));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const flexPeer = (engine = new SearchEngine()) =>
  new OurPeer(
    engine,
    (e, docs) => e.putAll(docs),
    (e) => indexToBytes(e.index, 'bench'),
  );

export const ours: PeerKind = {
  name: 'Press Archive (FlexSearch Document + our layers)',
  create: () => flexPeer(),
  open: async (dir) => {
    const loaded = indexFromBytes(await readIndexFile(dir));
    if (!loaded) throw new Error('index file not readable');
    return flexPeer(new SearchEngine({}, loaded.index));
  },
};

const previousPeer = (engine = new PreviousEngine()) =>
  new OurPeer(
    engine,
    (e, docs) => e.putAll(docs),
    (e) => previousToBytes(e.index, 'bench'),
  );

export const previous: PeerKind = {
  name: 'Press Archive before (own postings store)',
  create: () => previousPeer(),
  open: async (dir) => {
    const loaded = previousFromBytes(await readIndexFile(dir));
    if (!loaded) throw new Error('index file not readable');
    return previousPeer(new PreviousEngine({}, loaded.index));
  },
};

// ---- FlexSearch with its default options ----------------------------------------------------------

class FlexPeer implements Peer {
  ids: string[] = [];
  constructor(readonly index = new Index()) {}
  build(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) {
      this.index.add(this.ids.length, `${doc.title}\n${doc.body}`);
      this.ids.push(doc.id);
    }
  }
  search(query: string, limit: number): string[] {
    return (this.index.search(query, { limit }) as number[]).map((n) => this.ids[n]!);
  }
  async save(dir: string): Promise<void> {
    await mkdir(join(dir, 'flex'), { recursive: true });
    const writes: Promise<void>[] = [];
    await this.index.export((key: string, data: string) => {
      writes.push(writeFile(join(dir, 'flex', `${key}.json`), data ?? ''));
    });
    await Promise.all(writes);
    await writeFile(join(dir, 'ids.json'), JSON.stringify(this.ids));
  }
}

/** Opens what FlexPeer.save() wrote, into a peer made with the same options. */
async function loadFlex(peer: FlexPeer, dir: string): Promise<FlexPeer> {
  for (const file of await readdir(join(dir, 'flex'))) {
    peer.index.import(file.replace(/\.json$/, ''), await readFile(join(dir, 'flex', file), 'utf8'));
  }
  peer.ids = JSON.parse(await readFile(join(dir, 'ids.json'), 'utf8')) as string[];
  return peer;
}

export const flexDefault: PeerKind = {
  name: 'FlexSearch 0.8, default options',
  create: () => new FlexPeer(),
  open: (dir) => loadFlex(new FlexPeer(), dir),
};

// ---- FlexSearch with our Hindi analysis ---------------------------------------------------------
//
// FlexSearch configured as the brief says it must be for Hindi: words split so that vowel signs
// stay inside them, no letter dedupe, and our own normalization — each word indexed and searched
// by its stem key (folded spelling, Ramanathan & Rao stem, vowel length folded). What it cannot
// do without more machinery: Latin input, acronyms, phrases, fields, ranking by level.

/** One key per word: the stem key for Devanagari words, the folded form for the others. */
function hindiKey(word: string): string {
  const keys = wordKeys(word);
  return keys.stem ?? keys.folded;
}

function hindiEncoder(): Encoder {
  const keyOf = new Map<string, string>();
  return new Encoder({
    normalize: false,
    numeric: false,
    dedupe: false,
    split: /[^\p{L}\p{M}\p{N}\u200C\u200D]+/u,
    finalize: (terms: string[]) =>
      terms
        .map((t) => {
          let key = keyOf.get(t);
          if (key === undefined) keyOf.set(t, (key = hindiKey(t)));
          return key;
        })
        .filter((t) => t !== ''),
  });
}

class FlexHindiPeer extends FlexPeer {
  constructor() {
    super(new Index({ tokenize: 'strict', encoder: hindiEncoder() }));
  }
}

export const flexHindi: PeerKind = {
  name: 'FlexSearch 0.8, our Hindi encoder',
  create: () => new FlexHindiPeer(),
  open: (dir) => loadFlex(new FlexHindiPeer(), dir),
};

// ---- MiniSearch ---------------------------------------------------------------------------------

const MINI_OPTIONS = { fields: ['title', 'body'], idField: 'id' };

class MiniPeer implements Peer {
  constructor(readonly mini = new MiniSearch<SearchDoc>(MINI_OPTIONS)) {}
  build(docs: Iterable<SearchDoc>): void {
    for (const doc of docs) this.mini.add({ ...doc });
  }
  search(query: string, limit: number): string[] {
    return this.mini
      .search(query, { combineWith: 'AND' })
      .slice(0, limit)
      .map((r) => String(r.id));
  }
  async save(dir: string): Promise<void> {
    await writeFile(join(dir, 'mini.json'), JSON.stringify(this.mini));
  }
}

export const mini: PeerKind = {
  name: 'MiniSearch 7.2',
  create: () => new MiniPeer(),
  open: async (dir) => new MiniPeer(MiniSearch.loadJSON(await readFile(join(dir, 'mini.json'), 'utf8'), MINI_OPTIONS)),
};

// ---- SQLite FTS5 --------------------------------------------------------------------------------

class SqlitePeer implements Peer {
  private readonly query: Database.Statement;
  constructor(private readonly db: Database.Database) {
    this.query = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?');
  }
  build(docs: Iterable<SearchDoc>): void {
    const insert = this.db.prepare('INSERT INTO docs (id, title, body) VALUES (?, ?, ?)');
    let batch: SearchDoc[] = [];
    const flush = this.db.transaction((list: SearchDoc[]) => {
      for (const d of list) insert.run(d.id, d.title, d.body);
    });
    for (const doc of docs) {
      batch.push(doc);
      if (batch.length === 2000) {
        flush(batch);
        batch = [];
      }
    }
    flush(batch);
  }
  search(query: string, limit: number): string[] {
    // Every word as a quoted FTS5 string: all must match, and no word is read as an operator.
    const words = query.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const match = words.map((w) => `"${w}"`).join(' ');
    return (this.query.all(match, limit) as { id: string }[]).map((r) => r.id);
  }
  async save(): Promise<void> {
    this.db.close();
  }
}

export const sqlite: PeerKind = {
  name: 'SQLite FTS5 (unicode61)',
  create: (dir) => {
    const db = new Database(join(dir, 'fts.db'));
    db.exec(`CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='unicode61')`);
    return new SqlitePeer(db);
  },
  open: (dir) => Promise.resolve(new SqlitePeer(new Database(join(dir, 'fts.db'), { readonly: true }))),
};

export const PEERS: Record<string, PeerKind> = { ours, previous, flexDefault, flexHindi, mini, sqlite };
