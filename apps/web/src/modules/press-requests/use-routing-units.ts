import { useQuery } from '@tanstack/react-query';
import { fetchUnitsInScope, orgUnitKeys } from '../org-units/org-units.api';
import { listCentralUnits, pressKeys } from './press-requests.api';

/** Units a request may be routed to: the central units, and the units in the caller's own subtree. */
export function useRoutingUnits() {
  const central = useQuery({ queryKey: pressKeys.units, queryFn: listCentralUnits, staleTime: 600_000 });
  const scope = useQuery({ queryKey: orgUnitKeys.scope, queryFn: fetchUnitsInScope, staleTime: 600_000 });
  const seen = new Set<string>();
  const options = [...(central.data ?? []), ...(scope.data ?? [])]
    .filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)))
    .map((u) => ({ value: u.id, label: u.name }));
  return { options, loading: central.isFetching || scope.isFetching };
}
