import type { TUnitKind } from '@loa/contracts';

/** Which kinds of unit may sit directly under which (the 2020 structure and today's share it). */
const ALLOWED_PARENTS: Record<TUnitKind, TUnitKind[]> = {
  agency: [],
  central_unit: ['agency'],
  press_office: ['agency'],
  province: ['agency'],
  district: ['province'],
};

export function kindFitsParent(kind: TUnitKind, parentKind: TUnitKind): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

/** Materialised path of a unit: its ancestors' ids and its own, `/root/…/id/`. */
export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

/** Moving `unitPath` under `newParentPath` would make the unit its own ancestor. */
export function wouldCreateCycle(unitPath: string, newParentPath: string): boolean {
  return newParentPath.startsWith(unitPath);
}

/** Depth of a path: `/a/` is 0, `/a/b/` is 1. */
export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}
