/**
 * What the navigator's desk keeps, in the service's database beside the conversations: the
 * record of each contact and the follow-ups visitors asked for.
 *
 * Both hang off their conversation (`ON DELETE CASCADE`), so retention deletes them with it. A
 * record holds codes only (categories, service ids, reasons), never the visitor's words. A
 * follow-up's phone number is deleted as soon as the follow-up is done, or with the
 * conversation at retention, whichever comes first.
 */
import type Database from 'better-sqlite3';
import type { NeedCategory } from '../../src/directory/snapshot.js';
import type {
  ContactRecord,
  ContactRecordInput,
  FollowUp,
  SafetyCheckRecord,
} from '../../src/handoff/message-content.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS contact_records (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
  navigator_id INTEGER REFERENCES navigators(id) ON DELETE SET NULL,
  record TEXT NOT NULL,
  safety_check TEXT NOT NULL,
  saved_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS follow_ups (
  id INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  client_id TEXT NOT NULL,
  phone TEXT,
  language TEXT NOT NULL,
  categories TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('due', 'taken', 'done')),
  taken_by INTEGER REFERENCES navigators(id) ON DELETE SET NULL,
  created_at INTEGER NOT NULL,
  done_at INTEGER,
  UNIQUE (conversation_id, client_id)
);
CREATE INDEX IF NOT EXISTS follow_ups_due ON follow_ups(state, due_at);
`;

interface FollowUpRow {
  id: number;
  conversation_id: string;
  phone: string | null;
  language: string;
  categories: string;
  due_at: number;
  state: FollowUp['state'];
  taken_by_name: string | null;
}

/** Contact records and follow-ups. */
export class DeskStore {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.statements = prepare(db);
  }

  /** Saves or replaces the record of a contact. */
  saveRecord(input: {
    conversationId: string;
    navigatorId: number;
    record: ContactRecordInput;
    safetyCheck: SafetyCheckRecord;
    now: number;
  }): ContactRecord {
    this.statements.saveRecord.run({
      conversationId: input.conversationId,
      navigatorId: input.navigatorId,
      record: JSON.stringify(input.record),
      safetyCheck: input.safetyCheck,
      now: input.now,
    });
    return {
      ...input.record,
      conversationId: input.conversationId,
      safetyCheck: input.safetyCheck,
      savedAt: input.now,
    };
  }

  /** The record of a contact, if saved. */
  record(conversationId: string): ContactRecord | undefined {
    const row = this.statements.record.get(conversationId) as
      | { record: string; safety_check: SafetyCheckRecord; saved_at: number }
      | undefined;
    if (!row) return undefined;
    return {
      ...(JSON.parse(row.record) as ContactRecordInput),
      conversationId,
      safetyCheck: row.safety_check,
      savedAt: row.saved_at,
    };
  }

  /** Stores a follow-up; a repeated client id in the same conversation stores nothing. */
  addFollowUp(input: {
    conversationId: string;
    clientId: string;
    phone: string;
    language: string;
    categories: NeedCategory[];
    dueAt: number;
    now: number;
  }): void {
    this.statements.addFollowUp.run({ ...input, categories: JSON.stringify(input.categories) });
  }

  /** The due time stored for a client id (for a repeated request). */
  followUpDueAt(conversationId: string, clientId: string): number | undefined {
    return (this.statements.followUpByClientId.get(conversationId, clientId) as { due_at: number } | undefined)?.due_at;
  }

  /** Follow-ups not done, earliest due first. */
  openFollowUps(): FollowUp[] {
    return (this.statements.openFollowUps.all() as FollowUpRow[]).map((row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      phone: row.phone,
      language: row.language,
      dueAt: row.due_at,
      state: row.state,
      ...(row.taken_by_name ? { takenBy: row.taken_by_name } : {}),
      categories: JSON.parse(row.categories) as NeedCategory[],
    }));
  }

  /** A navigator takes a follow-up. False when it is unknown or done. */
  takeFollowUp(id: number, navigatorId: number): boolean {
    return this.statements.take.run(navigatorId, id).changes === 1;
  }

  /** Marks a follow-up done and deletes its phone number. False when unknown or already done. */
  completeFollowUp(id: number, navigatorId: number, now: number): boolean {
    return this.statements.complete.run(now, navigatorId, id).changes === 1;
  }

  /** Moves a follow-up to another time, due again and free for anyone to take. */
  rescheduleFollowUp(id: number, dueAt: number): boolean {
    return this.statements.reschedule.run(dueAt, id).changes === 1;
  }
}

function prepare(db: Database.Database) {
  return {
    saveRecord: db.prepare(
      `INSERT INTO contact_records (conversation_id, navigator_id, record, safety_check, saved_at)
       VALUES (@conversationId, @navigatorId, @record, @safetyCheck, @now)
       ON CONFLICT (conversation_id) DO UPDATE SET navigator_id = excluded.navigator_id, record = excluded.record,
         safety_check = excluded.safety_check, saved_at = excluded.saved_at`,
    ),
    record: db.prepare('SELECT record, safety_check, saved_at FROM contact_records WHERE conversation_id = ?'),
    addFollowUp: db.prepare(
      `INSERT INTO follow_ups (conversation_id, client_id, phone, language, categories, due_at, state, created_at)
       VALUES (@conversationId, @clientId, @phone, @language, @categories, @dueAt, 'due', @now)
       ON CONFLICT (conversation_id, client_id) DO NOTHING`,
    ),
    followUpByClientId: db.prepare('SELECT due_at FROM follow_ups WHERE conversation_id = ? AND client_id = ?'),
    openFollowUps: db.prepare(
      `SELECT f.id, f.conversation_id, f.phone, f.language, f.categories, f.due_at, f.state, n.name AS taken_by_name
       FROM follow_ups f LEFT JOIN navigators n ON n.id = f.taken_by
       WHERE f.state <> 'done' ORDER BY f.due_at, f.id`,
    ),
    take: db.prepare(`UPDATE follow_ups SET state = 'taken', taken_by = ? WHERE id = ? AND state <> 'done'`),
    complete: db.prepare(
      `UPDATE follow_ups SET state = 'done', phone = NULL, done_at = ?, taken_by = ? WHERE id = ? AND state <> 'done'`,
    ),
    reschedule: db.prepare(
      `UPDATE follow_ups SET due_at = ?, state = 'due', taken_by = NULL WHERE id = ? AND state <> 'done'`,
    ),
  };
}
