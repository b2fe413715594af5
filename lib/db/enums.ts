/**
 * The value sets the schema defines as enums (prisma/schema.prisma), for code that names them:
 * one definition, read everywhere. Both generated clients have the same enums; these come from
 * the SQLite one, the client type the app codes against (lib/db.ts). No database access here.
 */
export { AuditOutcome, Role, SessionStage } from '../generated/sqlite/enums';
