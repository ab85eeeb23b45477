import { useQuery } from '@tanstack/react-query';
import { fetchUnitsInScope, orgUnitKeys } from './org-units.api';

/** All units in the user's scope, cached for the session's screens (tree, pickers). */
export function useUnitsInScope() {
  return useQuery({ queryKey: orgUnitKeys.scope, queryFn: fetchUnitsInScope, staleTime: 5 * 60_000 });
}
