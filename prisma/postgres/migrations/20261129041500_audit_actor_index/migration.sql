-- A user's events in the audit log match the subject or the actor: an index for each side.
CREATE INDEX "AuditEvent_actorUserId_id_idx" ON "AuditEvent"("actorUserId", "id");
