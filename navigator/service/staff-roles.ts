/**
 * What a signed-in account may do. A `navigator` chats with visitors and sees the needs
 * dashboard; an `analyst` (a 211 manager, the resource team) sees the dashboard's figures and
 * never a conversation: the navigator socket refuses them. Accounts without a row here are
 * navigators, so databases made before roles existed keep working.
 */
import type Database from 'better-sqlite3';

/** The roles. */
export const STAFF_ROLES = ['navigator', 'analyst'] as const;

/** A role. */
export type StaffRole = (typeof STAFF_ROLES)[number];

const SCHEMA = `
CREATE TABLE IF NOT EXISTS staff_roles (
  navigator_id INTEGER PRIMARY KEY REFERENCES navigators(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('navigator', 'analyst'))
);
`;

/** Roles of accounts, beside the navigators table. */
export class StaffRoles {
  private readonly get: Database.Statement;
  private readonly set: Database.Statement;

  constructor(db: Database.Database) {
    db.exec(SCHEMA);
    this.get = db.prepare('SELECT role FROM staff_roles WHERE navigator_id = ?');
    this.set = db.prepare(
      'INSERT INTO staff_roles (navigator_id, role) VALUES (?, ?) ON CONFLICT (navigator_id) DO UPDATE SET role = excluded.role',
    );
  }

  /** An account's role. */
  roleOf(navigatorId: number): StaffRole {
    return (this.get.get(navigatorId) as { role: StaffRole } | undefined)?.role ?? 'navigator';
  }

  /** Sets an account's role. */
  setRole(navigatorId: number, role: StaffRole): void {
    this.set.run(navigatorId, role);
  }
}

/** True for a role name. */
export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
