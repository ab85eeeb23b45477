import type { TRole } from '@loa/contracts';
import type { Outcome } from './callers.js';
import { admits, label, type Operation } from './operations.js';
import type { Owner } from './world.js';

/** The owners of the world that lie in each role's subtree (see ROLE_UNITS): BHXHVN holds all, P01 its districts. */
export const IN_SCOPE: Record<TRole, readonly Owner[]> = {
  admin: ['P01', 'D001', 'P48', 'D002'],
  leader: ['P01', 'D001', 'P48', 'D002'],
  comms_center: [],
  unit_officer: [],
  press_office: [],
  province_officer: ['P01', 'D001', 'D002'],
  district_officer: ['D001'],
  viewer: ['P01', 'D001', 'D002'],
};

/**
 * Reads of an in-scope record that answer something else than 2xx for a real rule of the module, whoever asks:
 * operation → the problem code it answers with the world's fixtures. Few, each a rule, never a loosened check.
 */
export const READ_EXCEPTIONS: Record<string, string> = {
  // A report is rendered once generated; the world's report is still queued.
  'GET /api/reports/{id}/document.docx': 'report.not_ready',
  'GET /api/reports/{id}/document.pdf': 'report.not_ready',
  'GET /api/reports/{id}/document.xlsx': 'report.not_ready',
  // Certificates exist once issued to trainees who passed; the world's course has none.
  'GET /api/training/courses/{id}/certificates.pdf': 'training.no_certificate',
  // A PDF has no thumbnail (images and videos do).
  'GET /api/files/{id}/thumbnail': 'file.no_thumbnail',
};

/** Operations whose call ends the caller's session: each role calls them with a session of its own. */
export const SESSION_ENDING = new Set(['POST /api/auth/logout']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every path parameter was filled with a random UUID: nothing can be found, so nothing may succeed. */
export const onlyRandomIds = (url: string, op: Operation, fixtureUsed: boolean) => {
  const values = url.split('?')[0]!.split('/');
  const names = op.path.split('/');
  return (
    !fixtureUsed && op.params.length > 0 && names.every((n, i) => !n.startsWith('{') || UUID.test(values[i] ?? ''))
  );
};

/**
 * What the matrix requires of one call by one role. Returns the broken rule, or null.
 * `inScopeRead`: a GET whose only parameter is a fixture in the role's subtree (or a GET with no parameter).
 */
export function judge(
  op: Operation,
  role: TRole,
  outcome: Outcome,
  context: { url: string; inScopeRead: boolean; fixtureUsed: boolean },
): string | null {
  const { status, code } = outcome;
  if (status >= 500) return `${status} ${code ?? outcome.body.slice(0, 120)}`;
  if (!admits(op, role)) {
    return status === 403 && code === 'access.role_forbidden'
      ? null
      : `expected 403 access.role_forbidden, got ${status} ${code ?? ''}`;
  }
  if (code === 'access.role_forbidden') return 'admitted by its policy, refused by the gate';
  if (status === 401) return `401 ${code}`;
  if (onlyRandomIds(context.url, op, context.fixtureUsed) && status < 300)
    return `${status} for a record that does not exist`;
  if (context.inScopeRead && status >= 300 && READ_EXCEPTIONS[label(op)] !== code) {
    return `in-scope read refused: ${status} ${code ?? ''}`;
  }
  return null;
}
