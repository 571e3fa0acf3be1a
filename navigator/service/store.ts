/**
 * Everything the navigator service keeps, in one SQLite database (better-sqlite3, WAL).
 * Calls are synchronous: each finishes before the next frame is read, which is what makes
 * "stored before acknowledged" and per-conversation order simple to guarantee.
 *
 * What is kept about a visitor is the hand-off summary, the chat, and (when they ask for one)
 * a callback request: see {@link HandoffSummary}. No IP addresses, no user agents.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type {
  CallbackRequest,
  ConversationState,
  EndedBy,
  HandoffSummary,
  TranscriptMessage,
} from '../../src/handoff/handoff-protocol.js';
import type { MessageContent } from '../../src/handoff/message-content.js';

/** A navigator account. */
export interface NavigatorAccount {
  id: number;
  username: string;
  name: string;
  passwordHash: string;
}

/** A conversation row, as the service uses it. */
export interface StoredConversation {
  id: string;
  secretHash: string;
  /** False until the visitor has reopened the conversation with its secret at least once. */
  secretConfirmed: boolean;
  summary: HandoffSummary;
  state: ConversationState;
  navigatorId: number | null;
  waitingSince: number;
  lastSeq: number;
  endedBy: EndedBy | null;
  /** Last time the visitor was connected or sent something. */
  visitorSeenAt: number;
  updatedAt: number;
}

/** Who sent a message. */
export type Sender = 'visitor' | 'navigator';

/** The file name inside the data folder. */
export const DATABASE_FILE = 'navigator.sqlite';

/** How many rows retention deleted (and which callback requests, for the consoles). */
export interface RetentionResult {
  conversations: number;
  callbacks: number;
  sessions: number;
  callbackIds: number[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS navigators (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY,
  navigator_id INTEGER NOT NULL REFERENCES navigators(id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  start_id_hash TEXT NOT NULL UNIQUE,
  secret_confirmed INTEGER NOT NULL DEFAULT 0,
  summary TEXT NOT NULL,
  urgent INTEGER NOT NULL,
  crisis INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'ended')),
  navigator_id INTEGER REFERENCES navigators(id) ON DELETE SET NULL,
  waiting_since INTEGER NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  ended_by TEXT,
  visitor_seen_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS conversations_state ON conversations(state);
CREATE INDEX IF NOT EXISTS conversations_updated ON conversations(updated_at);
CREATE TABLE IF NOT EXISTS messages (
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  sender TEXT NOT NULL CHECK (sender IN ('visitor', 'navigator')),
  client_id TEXT NOT NULL,
  text TEXT NOT NULL,
  content TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (conversation_id, seq),
  UNIQUE (conversation_id, sender, client_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS callbacks (
  id INTEGER PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  phone TEXT NOT NULL,
  best_time TEXT NOT NULL,
  language TEXT NOT NULL,
  summary TEXT,
  created_at INTEGER NOT NULL,
  handled_at INTEGER,
  handled_by INTEGER REFERENCES navigators(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS callbacks_created ON callbacks(created_at);
`;

interface ConversationRow {
  id: string;
  secret_hash: string;
  secret_confirmed: number;
  summary: string;
  state: ConversationState;
  navigator_id: number | null;
  waiting_since: number;
  last_seq: number;
  ended_by: EndedBy | null;
  visitor_seen_at: number;
  updated_at: number;
}

interface MessageRow {
  seq: number;
  sender: Sender;
  client_id: string;
  text: string;
  content: string | null;
  created_at: number;
}

interface CallbackRow {
  id: number;
  phone: string;
  best_time: string;
  language: string;
  summary: string | null;
  created_at: number;
}

/**
 * The service's database. Open a file under `dataDir`, or `:memory:` for tests.
 */
export class NavigatorStore {
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly appendTransaction: (inputs: AppendInput[]) => { message: TranscriptMessage; duplicate: boolean }[];

  /** Opens (and creates, with its folder) the database. */
  constructor(dataDir: string, options: { synchronous?: 'normal' | 'full' } = {}) {
    let file = ':memory:';
    if (dataDir !== ':memory:') {
      // Chats with people in crisis: readable by the service's own user only. SQLite gives the
      // -wal and -shm files the database file's mode, so creating that one 0600 covers all three.
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      chmodSync(dataDir, 0o700);
      file = join(dataDir, DATABASE_FILE);
      if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, 0o600);
    }
    this.db = new Database(file);
    // Deleted rows are overwritten with zeros, not left in free pages for a file reader to find.
    this.db.pragma('secure_delete = ON');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    // The CLI may add a navigator while the service runs.
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    addMessageContentColumn(this.db);
    const statements = prepareStatements(this.db);
    this.statements = statements;
    this.appendTransaction = this.db.transaction((inputs: AppendInput[]) =>
      inputs.map((input) => {
        const existing = statements.messageByClientId.get(input.conversationId, input.sender, input.clientId) as
          | MessageRow
          | undefined;
        if (existing) return { message: toMessage(existing), duplicate: true };
        const next = statements.nextSeq.get(input.now, input.conversationId) as { last_seq: number } | undefined;
        if (!next) throw new Error(`No conversation ${input.conversationId}.`);
        statements.insertMessage.run(
          input.conversationId,
          next.last_seq,
          input.sender,
          input.clientId,
          input.text,
          input.content ? JSON.stringify(input.content) : null,
          input.now,
        );
        return {
          message: {
            seq: next.last_seq,
            from: input.sender,
            clientId: input.clientId,
            text: input.text,
            ...(input.content ? { content: input.content } : {}),
            at: input.now,
          },
          duplicate: false,
        };
      }),
    );
  }

  /** The open database, for the stores of other features that share its file and transactions. */
  get database(): Database.Database {
    return this.db;
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }

  /**
   * Makes deleted rows unrecoverable from the storage files. Deleted rows are already zeroed in
   * the database (`secure_delete`); this copies the write-ahead log into it and truncates the
   * log to zero bytes, so old log frames do not keep them either. Run after retention.
   */
  forgetDeleted(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  // ----- navigators and sessions -----

  /**
   * Adds a navigator, or replaces the name and password of an existing one. A new password
   * signs the navigator out everywhere: their sessions are deleted (a running service closes
   * their sockets when it next checks them).
   */
  saveNavigator(username: string, name: string, passwordHash: string, now: number): 'added' | 'updated' {
    return this.db.transaction(() => {
      const existing = this.statements.findNavigator.get(username) as { id: number } | undefined;
      this.statements.upsertNavigator.run({ username, name, passwordHash, now });
      if (existing) this.statements.deleteNavigatorSessions.run(existing.id);
      return existing ? 'updated' : 'added';
    })();
  }

  /** Replaces a password hash with a stronger one of the same password; sessions stay. */
  upgradePasswordHash(navigatorId: number, passwordHash: string): void {
    this.statements.upgradePasswordHash.run(passwordHash, navigatorId);
  }

  /**
   * Deletes a navigator account and its sessions; the conversations they held go back to the
   * queue. False when there was no such navigator.
   */
  removeNavigator(username: string, now: number): boolean {
    return this.db.transaction(() => {
      const existing = this.statements.findNavigator.get(username) as { id: number } | undefined;
      if (!existing) return false;
      this.statements.releaseAllOf.run(now, existing.id);
      this.statements.deleteNavigatorSessions.run(existing.id);
      this.statements.deleteNavigator.run(existing.id);
      return true;
    })();
  }

  /** The account with this username, if any. */
  findNavigator(username: string): NavigatorAccount | undefined {
    const row = this.statements.findNavigator.get(username) as
      | { id: number; username: string; name: string; password_hash: string }
      | undefined;
    return row && { id: row.id, username: row.username, name: row.name, passwordHash: row.password_hash };
  }

  /** A navigator's display name by id. */
  navigatorName(id: number | null): string | undefined {
    if (id === null) return undefined;
    return (this.statements.navigatorName.get(id) as { name: string } | undefined)?.name;
  }

  /** Stores a session token's hash. */
  createSession(tokenHash: string, navigatorId: number, expiresAt: number): void {
    this.statements.createSession.run(tokenHash, navigatorId, expiresAt);
  }

  /** The navigator a live session belongs to. */
  sessionNavigator(tokenHash: string, now: number): NavigatorAccount | undefined {
    const row = this.statements.sessionNavigator.get(tokenHash, now) as
      | { id: number; username: string; name: string; password_hash: string }
      | undefined;
    return row && { id: row.id, username: row.username, name: row.name, passwordHash: row.password_hash };
  }

  /** Signs a session out. */
  deleteSession(tokenHash: string): void {
    this.statements.deleteSession.run(tokenHash);
  }

  /** Signs a navigator out everywhere. */
  deleteNavigatorSessions(navigatorId: number): void {
    this.statements.deleteNavigatorSessions.run(navigatorId);
  }

  // ----- conversations -----

  /** Creates a waiting conversation. */
  createConversation(input: {
    id: string;
    secretHash: string;
    startIdHash: string;
    summary: HandoffSummary;
    now: number;
  }): void {
    this.statements.createConversation.run({
      id: input.id,
      secretHash: input.secretHash,
      startIdHash: input.startIdHash,
      summary: JSON.stringify(input.summary),
      urgent: input.summary.urgent ? 1 : 0,
      crisis: input.summary.crisis ? 1 : 0,
      now: input.now,
    });
  }

  /** The conversation a start id created, for a repeated `start`. */
  conversationByStartId(startIdHash: string): StoredConversation | undefined {
    const row = this.statements.conversationByStartId.get(startIdHash) as ConversationRow | undefined;
    return row && toConversation(row);
  }

  /** A conversation by id. */
  conversation(id: string): StoredConversation | undefined {
    const row = this.statements.conversation.get(id) as ConversationRow | undefined;
    return row && toConversation(row);
  }

  /** Replaces a secret that the visitor never received. */
  replaceSecret(id: string, secretHash: string): void {
    this.statements.replaceSecret.run(secretHash, id);
  }

  /** Notes that the visitor holds the secret, so a repeated start can no longer replace it. */
  confirmSecret(id: string): void {
    this.statements.confirmSecret.run(id);
  }

  /** Waiting conversations, unordered (see `queue.ts` for the order). */
  waitingConversations(): StoredConversation[] {
    return (this.statements.waiting.all() as ConversationRow[]).map(toConversation);
  }

  /** Conversations a navigator has claimed and not ended. */
  activeConversationsOf(navigatorId: number): StoredConversation[] {
    return (this.statements.activeOf.all(navigatorId) as ConversationRow[]).map(toConversation);
  }

  /** Claims a waiting conversation. False when someone else was first or it is not waiting. */
  claim(id: string, navigatorId: number, now: number): boolean {
    return this.statements.claim.run(navigatorId, now, id).changes === 1;
  }

  /** Returns a claimed conversation to the queue. False unless this navigator had it. */
  release(id: string, navigatorId: number, now: number): boolean {
    return this.statements.release.run(now, id, navigatorId).changes === 1;
  }

  /** Ends a conversation. False when it had already ended. */
  end(id: string, by: EndedBy, now: number): boolean {
    return this.statements.end.run(by, now, id).changes === 1;
  }

  /** Notes that the visitor was just present. */
  touchVisitor(id: string, now: number): void {
    this.statements.touchVisitor.run(now, id);
  }

  // ----- messages -----

  /**
   * Stores a message, or finds the one stored earlier with the same sender and client id.
   * `duplicate` tells the caller not to deliver it a second time.
   */
  appendMessage(input: AppendInput): { message: TranscriptMessage; duplicate: boolean } {
    return this.appendTransaction([input])[0] as { message: TranscriptMessage; duplicate: boolean };
  }

  /**
   * Stores several messages in one transaction (one commit, one write to the log), in order.
   * Each result is as {@link appendMessage}'s; a client id repeated within the batch is
   * stored once. All or nothing: if it throws, none is stored.
   */
  appendMessages(inputs: AppendInput[]): { message: TranscriptMessage; duplicate: boolean }[] {
    return this.appendTransaction(inputs);
  }

  /** Where a conversation is, who holds it and how many messages it has, without its summary. */
  conversationStatus(
    id: string,
  ): { state: ConversationState; navigatorId: number | null; lastSeq: number } | undefined {
    const row = this.statements.conversationStatus.get(id) as
      | { state: ConversationState; navigator_id: number | null; last_seq: number }
      | undefined;
    return row && { state: row.state, navigatorId: row.navigator_id, lastSeq: row.last_seq };
  }

  /** The message a sender stored under a client id, if any. */
  messageByClientId(conversationId: string, sender: Sender, clientId: string): TranscriptMessage | undefined {
    const row = this.statements.messageByClientId.get(conversationId, sender, clientId) as MessageRow | undefined;
    return row && toMessage(row);
  }

  /** Messages with `seq` greater than `after`, in order; at most `limit` of them when given. */
  messagesAfter(conversationId: string, after: number, limit = -1): TranscriptMessage[] {
    return (this.statements.messagesAfter.all(conversationId, after, limit) as MessageRow[]).map(toMessage);
  }

  // ----- callbacks -----

  /** Stores a callback request; a repeated client id stores nothing. Returns the request's id. */
  addCallback(input: {
    clientId: string;
    phone: string;
    bestTime: string;
    language: string;
    summary?: HandoffSummary;
    now: number;
  }): number {
    this.statements.addCallback.run({
      clientId: input.clientId,
      phone: input.phone,
      bestTime: input.bestTime,
      language: input.language,
      summary: input.summary ? JSON.stringify(input.summary) : null,
      now: input.now,
    });
    return (this.statements.callbackByClientId.get(input.clientId) as { id: number }).id;
  }

  /** The id of the callback request stored under a client id, if any. */
  callbackIdByClientId(clientId: string): number | undefined {
    return (this.statements.callbackByClientId.get(clientId) as { id: number } | undefined)?.id;
  }

  /** A callback request nobody has handled yet, by id. */
  openCallback(id: number): CallbackRequest | undefined {
    const row = this.statements.openCallback.get(id) as CallbackRow | undefined;
    return row && toCallback(row);
  }

  /** Callback requests nobody has handled yet, oldest first. */
  openCallbacks(): CallbackRequest[] {
    return (this.statements.openCallbacks.all() as CallbackRow[]).map(toCallback);
  }

  /** How many callback requests nobody has handled yet. */
  openCallbackCount(): number {
    return (this.statements.openCallbackCount.get() as { count: number }).count;
  }

  /** Marks a callback request as handled. False when it was unknown or already handled. */
  handleCallback(id: number, navigatorId: number, now: number): boolean {
    return this.statements.handleCallback.run(now, navigatorId, id).changes === 1;
  }

  // ----- retention -----

  /**
   * Deletes conversations (with their messages) and callback requests untouched since
   * `before`, and expired sessions.
   */
  deleteExpired(before: number, now: number): RetentionResult {
    return this.db.transaction(() => {
      const callbackIds = (this.statements.deleteCallbacks.all(before) as { id: number }[]).map((row) => row.id);
      return {
        conversations: this.statements.deleteConversations.run(before).changes,
        callbacks: callbackIds.length,
        sessions: this.statements.deleteSessions.run(now).changes,
        callbackIds,
      };
    })();
  }

  /** Waiting conversations whose visitor was last seen before `before`. */
  waitingSeenBefore(before: number): string[] {
    return (this.statements.waitingSeenBefore.all(before) as { id: string }[]).map((row) => row.id);
  }
}

/** A message to store. */
export interface AppendInput {
  conversationId: string;
  sender: Sender;
  clientId: string;
  text: string;
  content?: MessageContent;
  now: number;
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  return {
    upsertNavigator: db.prepare(
      `INSERT INTO navigators (username, name, password_hash, created_at) VALUES (@username, @name, @passwordHash, @now)
       ON CONFLICT (username) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash`,
    ),
    navigatorName: db.prepare('SELECT name FROM navigators WHERE id = ?'),
    upgradePasswordHash: db.prepare('UPDATE navigators SET password_hash = ? WHERE id = ?'),
    deleteNavigator: db.prepare('DELETE FROM navigators WHERE id = ?'),
    deleteNavigatorSessions: db.prepare('DELETE FROM sessions WHERE navigator_id = ?'),
    releaseAllOf: db.prepare(
      `UPDATE conversations SET state = 'waiting', navigator_id = NULL, updated_at = ?
       WHERE state = 'active' AND navigator_id = ?`,
    ),
    findNavigator: db.prepare('SELECT id, username, name, password_hash FROM navigators WHERE username = ?'),
    createSession: db.prepare('INSERT INTO sessions (token_hash, navigator_id, expires_at) VALUES (?, ?, ?)'),
    sessionNavigator: db.prepare(
      `SELECT n.id, n.username, n.name, n.password_hash FROM sessions s JOIN navigators n ON n.id = s.navigator_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    createConversation: db.prepare(
      `INSERT INTO conversations (id, secret_hash, start_id_hash, summary, urgent, crisis, state, waiting_since, visitor_seen_at, updated_at)
       VALUES (@id, @secretHash, @startIdHash, @summary, @urgent, @crisis, 'waiting', @now, @now, @now)`,
    ),
    conversationByStartId: db.prepare('SELECT * FROM conversations WHERE start_id_hash = ?'),
    conversation: db.prepare('SELECT * FROM conversations WHERE id = ?'),
    conversationStatus: db.prepare('SELECT state, navigator_id, last_seq FROM conversations WHERE id = ?'),
    replaceSecret: db.prepare('UPDATE conversations SET secret_hash = ? WHERE id = ? AND secret_confirmed = 0'),
    confirmSecret: db.prepare('UPDATE conversations SET secret_confirmed = 1 WHERE id = ? AND secret_confirmed = 0'),
    waiting: db.prepare(`SELECT * FROM conversations WHERE state = 'waiting'`),
    activeOf: db.prepare(`SELECT * FROM conversations WHERE state = 'active' AND navigator_id = ?`),
    claim: db.prepare(
      `UPDATE conversations SET state = 'active', navigator_id = ?, updated_at = ? WHERE id = ? AND state = 'waiting'`,
    ),
    release: db.prepare(
      `UPDATE conversations SET state = 'waiting', navigator_id = NULL, updated_at = ?
       WHERE id = ? AND state = 'active' AND navigator_id = ?`,
    ),
    end: db.prepare(
      `UPDATE conversations SET state = 'ended', ended_by = ?, updated_at = ? WHERE id = ? AND state <> 'ended'`,
    ),
    touchVisitor: db.prepare('UPDATE conversations SET visitor_seen_at = ? WHERE id = ?'),
    messageByClientId: db.prepare(
      'SELECT seq, sender, client_id, text, content, created_at FROM messages WHERE conversation_id = ? AND sender = ? AND client_id = ?',
    ),
    nextSeq: db.prepare(
      'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq',
    ),
    insertMessage: db.prepare(
      'INSERT INTO messages (conversation_id, seq, sender, client_id, text, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    messagesAfter: db.prepare(
      'SELECT seq, sender, client_id, text, content, created_at FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?',
    ),
    addCallback: db.prepare(
      `INSERT INTO callbacks (client_id, phone, best_time, language, summary, created_at)
       VALUES (@clientId, @phone, @bestTime, @language, @summary, @now) ON CONFLICT (client_id) DO NOTHING`,
    ),
    callbackByClientId: db.prepare('SELECT id FROM callbacks WHERE client_id = ?'),
    openCallback: db.prepare(
      'SELECT id, phone, best_time, language, summary, created_at FROM callbacks WHERE id = ? AND handled_at IS NULL',
    ),
    openCallbackCount: db.prepare('SELECT count(*) AS count FROM callbacks WHERE handled_at IS NULL'),
    openCallbacks: db.prepare(
      'SELECT id, phone, best_time, language, summary, created_at FROM callbacks WHERE handled_at IS NULL ORDER BY created_at, id',
    ),
    handleCallback: db.prepare(
      'UPDATE callbacks SET handled_at = ?, handled_by = ? WHERE id = ? AND handled_at IS NULL',
    ),
    deleteConversations: db.prepare('DELETE FROM conversations WHERE updated_at < ?'),
    deleteCallbacks: db.prepare('DELETE FROM callbacks WHERE created_at < ? RETURNING id'),
    deleteSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    waitingSeenBefore: db.prepare(`SELECT id FROM conversations WHERE state = 'waiting' AND visitor_seen_at < ?`),
  };
}

function toConversation(row: ConversationRow): StoredConversation {
  return {
    id: row.id,
    secretHash: row.secret_hash,
    secretConfirmed: row.secret_confirmed === 1,
    summary: JSON.parse(row.summary) as HandoffSummary,
    state: row.state,
    navigatorId: row.navigator_id,
    waitingSince: row.waiting_since,
    lastSeq: row.last_seq,
    endedBy: row.ended_by,
    visitorSeenAt: row.visitor_seen_at,
    updatedAt: row.updated_at,
  };
}

function toCallback(row: CallbackRow): CallbackRequest {
  return {
    id: row.id,
    phone: row.phone,
    bestTime: row.best_time,
    language: row.language,
    ...(row.summary ? { summary: JSON.parse(row.summary) as HandoffSummary } : {}),
    createdAt: row.created_at,
  };
}

function toMessage(row: MessageRow): TranscriptMessage {
  return {
    seq: row.seq,
    from: row.sender,
    clientId: row.client_id,
    text: row.text,
    ...(row.content ? { content: JSON.parse(row.content) as MessageContent } : {}),
    at: row.created_at,
  };
}

/** Databases made before messages had content gain the column (empty: free text). */
function addMessageContentColumn(db: Database.Database): void {
  const columns = db.prepare('PRAGMA table_info(messages)').all() as { name: string }[];
  if (!columns.some((column) => column.name === 'content')) db.exec('ALTER TABLE messages ADD COLUMN content TEXT');
}
