import type { Role } from "@samsyn/domain";

/**
 * The declared permission table: for every operation of the API, the status each role gets when
 * the object (or the unit acted for) is inside the caller's scope and when it is outside.
 * The matrix test walks the OpenAPI document against this table: an operation missing here fails
 * it, so a new route cannot ship without its permissions being decided.
 */
export interface Expected {
  readonly inScope: number;
  readonly outOfScope: number;
}

export type RolePermissions = Readonly<Record<Role, Expected>>;

const same = (status: number): Expected => ({ inScope: status, outOfScope: status });
const everyRole = (status: number): RolePermissions => ({
  admin: same(status),
  lan: same(status),
  ledning: same(status),
  samordnare: same(status),
});
/** The agreement register's keepers: lan and admin write, ledning and samordnare may not. */
const keepers = (ok: number): RolePermissions => ({
  admin: same(ok),
  lan: same(ok),
  ledning: same(403),
  samordnare: same(403),
});
const adminOnly = (ok: number): RolePermissions => ({
  admin: same(ok),
  lan: same(403),
  ledning: same(403),
  samordnare: same(403),
});

/** A forum's readers: lan and admin every forum, ledning and samordnare their organisations'. */
const forumReaders = (ok: number): RolePermissions => ({
  admin: same(ok),
  lan: same(ok),
  ledning: { inScope: ok, outOfScope: 404 },
  samordnare: { inScope: ok, outOfScope: 404 },
});
/** A forum's writers: its readers but samordnare, whose role writes in no forum (403 first). */
const forumWriters = (ok: number): RolePermissions => ({
  ...forumReaders(ok),
  samordnare: same(403),
});

/** A case escalation's readers and actors: lan, admin, ledning in dispute, the case's samordnare. */
const escalationActors = (ok: number): RolePermissions => ({
  admin: same(ok),
  lan: same(ok),
  ledning: { inScope: ok, outOfScope: 404 },
  samordnare: { inScope: ok, outOfScope: 404 },
});

/** A session's readers: admin every session, everyone else their organisations' (404 otherwise). */
const sessionReaders = (ok: number): RolePermissions => ({
  admin: same(ok),
  lan: { inScope: ok, outOfScope: 404 },
  ledning: { inScope: ok, outOfScope: 404 },
  samordnare: { inScope: ok, outOfScope: 404 },
});

export const permissions: Readonly<Record<string, RolePermissions | "public">> = {
  "GET /api/v1/health": "public",
  "POST /api/v1/dev/sign-in": "public",
  "GET /api/v1/me": everyRole(200),
  "GET /api/v1/organisations": everyRole(200),
  "GET /api/v1/units": everyRole(200),
  "POST /api/v1/units": adminOnly(201),
  // Case-level data: samordnare of the case's units; admin sees all but registers nothing.
  "GET /api/v1/cases": { ...adminOnly(200), samordnare: same(200) },
  "GET /api/v1/cases/{id}": { ...adminOnly(200), samordnare: { inScope: 200, outOfScope: 404 } },
  "POST /api/v1/cases": { ...adminOnly(403), samordnare: { inScope: 201, outOfScope: 403 } },
  "POST /api/v1/cases/{id}/events": {
    ...adminOnly(403),
    samordnare: { inScope: 201, outOfScope: 404 },
  },
  "GET /api/v1/audit-log": adminOnly(200),
  "GET /api/v1/catalogues": everyRole(200),
  // Aggregates only, suppressed: every role; ledning and samordnare see their own organisations.
  "GET /api/v1/metrics/cases": everyRole(200),
  "GET /api/v1/metrics/lead-times": everyRole(200),
  "GET /api/v1/metrics/flow": everyRole(200),
  "GET /api/v1/metrics/trend": everyRole(200),
  "GET /api/v1/metrics/sip": everyRole(200),
  "GET /api/v1/metrics/network": everyRole(200),
  "GET /api/v1/metrics/stuck": everyRole(200),
  "GET /api/v1/audit-log/export": adminOnly(200),
  // Imports: admin anything; samordnare too, but rows outside their organisations are per-row
  // errors in the report (200), not a refusal. A job is only its starter's (404 for others).
  "POST /api/v1/imports": { ...adminOnly(200), samordnare: same(200) },
  "GET /api/v1/imports": { ...adminOnly(200), samordnare: same(200) },
  "GET /api/v1/imports/jobs/{id}": { ...adminOnly(404), samordnare: same(404) },
  // Överenskommelser: lan and admin keep the register; ledning and samordnare read the
  // agreements their organisations are party to (404 for others); coverage is the county's.
  "GET /api/v1/agreements": everyRole(200),
  "GET /api/v1/agreements/coverage": everyRole(200),
  // The register as a file: everyone exports what they may read; only the keepers import.
  "GET /api/v1/agreements/export": everyRole(200),
  "POST /api/v1/agreements/import": keepers(200),
  "POST /api/v1/agreements": keepers(201),
  "GET /api/v1/agreements/{id}": {
    ...keepers(200),
    ledning: { inScope: 200, outOfScope: 404 },
    samordnare: { inScope: 200, outOfScope: 404 },
  },
  "PATCH /api/v1/agreements/{id}": keepers(200),
  "POST /api/v1/agreements/{id}/status": keepers(200),
  "POST /api/v1/agreements/{id}/deviations": keepers(201),
  "PATCH /api/v1/agreements/{id}/deviations/{did}": keepers(200),
  "POST /api/v1/agreements/{id}/indicators": keepers(201),
  // An agreement's figures: whoever may read the agreement, each published for their scope.
  "GET /api/v1/agreements/{id}/indicators": {
    ...keepers(200),
    ledning: { inScope: 200, outOfScope: 404 },
    samordnare: { inScope: 200, outOfScope: 404 },
  },
  // Ledningsforum: lan and admin set forums up; ledning of a member, lan and admin write its
  // meetings; samordnare read their organisations' forums. Out of sight is 404.
  "POST /api/v1/forums": keepers(201),
  "GET /api/v1/forums": everyRole(200),
  "GET /api/v1/forums/{id}": forumReaders(200),
  "GET /api/v1/forums/{id}/follow-up": forumReaders(200),
  "GET /api/v1/forums/{id}/actions": forumReaders(200),
  "PATCH /api/v1/forums/{id}/actions/{aid}": forumWriters(200),
  "POST /api/v1/forums/{id}/meetings": forumWriters(201),
  "GET /api/v1/forums/{id}/meetings": forumReaders(200),
  "GET /api/v1/forums/{id}/meetings/{mid}": forumReaders(200),
  "POST /api/v1/forums/{id}/meetings/{mid}/agenda": forumWriters(201),
  "POST /api/v1/forums/{id}/meetings/{mid}/decisions": forumWriters(201),
  "POST /api/v1/forums/{id}/meetings/{mid}/actions": forumWriters(201),
  "POST /api/v1/forums/{id}/meetings/{mid}/status": forumWriters(200),
  // The figures behind a meeting: its members' readers, published and audited as metric reads.
  "GET /api/v1/forums/{id}/meetings/{mid}/suggested-agenda": forumReaders(200),
  "GET /api/v1/forums/{id}/actions/{aid}/effect": forumReaders(200),
  // Eskalering: lan and admin all; ledning and samordnare the escalations their organisations
  // are in dispute in (404 for others). The matrix raises about a routine, which samordnare may
  // not (they raise about their cases), and ledning only with its own organisation in dispute;
  // it lifts and resolves case escalations, which the case's samordnare may.
  "GET /api/v1/escalations": everyRole(200),
  "POST /api/v1/escalations": {
    ...keepers(201),
    ledning: { inScope: 201, outOfScope: 403 },
  },
  "GET /api/v1/escalations/{id}": escalationActors(200),
  "POST /api/v1/escalations/{id}/lift": escalationActors(200),
  "POST /api/v1/escalations/{id}/resolve": escalationActors(200),
  "GET /api/v1/metrics/escalations": everyRole(200),
  // Utvärdering: samordnare, ledning and admin hold sessions for their organisations (lan 403);
  // sessions are read and written on by their organisations' users and admin (404 for others);
  // phases are moved by the organisations' samordnare and ledning, and admin; an improvement is
  // lifted by whoever sees the session and writes in the forum (samordnare 403).
  "GET /api/v1/evaluations": everyRole(200),
  "GET /api/v1/evaluations/themes": everyRole(200),
  "POST /api/v1/evaluations": {
    admin: same(201),
    lan: same(403),
    ledning: { inScope: 201, outOfScope: 403 },
    samordnare: { inScope: 201, outOfScope: 403 },
  },
  "GET /api/v1/evaluations/{id}": sessionReaders(200),
  "GET /api/v1/evaluations/{id}/figures": sessionReaders(200),
  "POST /api/v1/evaluations/{id}/items": sessionReaders(201),
  "POST /api/v1/evaluations/{id}/phase": {
    ...sessionReaders(200),
    lan: { inScope: 403, outOfScope: 404 },
  },
  "POST /api/v1/evaluations/{id}/groups": sessionReaders(201),
  "POST /api/v1/evaluations/{id}/groups/{gid}/items": sessionReaders(200),
  "POST /api/v1/evaluations/{id}/votes": sessionReaders(201),
  "POST /api/v1/evaluations/{id}/items/{itemId}/action": {
    ...sessionReaders(201),
    samordnare: { inScope: 403, outOfScope: 404 },
  },
  // Utvärdering's live board: read by the session's organisations' users (any role) and admin.
  "GET /api/v1/evaluations/{id}/events": {
    admin: same(200),
    lan: { inScope: 200, outOfScope: 404 },
    ledning: { inScope: 200, outOfScope: 404 },
    samordnare: { inScope: 200, outOfScope: 404 },
  },
};
