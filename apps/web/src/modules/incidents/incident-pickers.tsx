import { matchesVi, type TPublication } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { useUnitsInScope } from '../org-units/use-units-in-scope';
import { listDraftingUnits, regulationKeys } from '../regulations/regulations.api';
import { mergeUnits, type UnitRef } from './incident-values';
import { incidentKeys, listSavedQueries, searchPublications } from './incidents.api';

type SingleProps = Omit<SelectProps<string | null>, 'options' | 'showSearch'>;

const filterByLabel = (input: string, option?: { label?: unknown }) => matchesVi(String(option?.label ?? ''), input);

type UnitSelectProps = Omit<SelectProps<string | string[] | null>, 'options' | 'showSearch'> & {
  /** `owning`: where the caller may own a case; `supporting`: any unit a case may ask for support. */
  purpose: 'owning' | 'supporting';
  /** Units already on the case (or its alert), shown by name even when outside the lists. */
  known?: readonly UnitRef[];
};

/**
 * A unit picker with accent-insensitive search. Owning: the caller's scope (the Communication Center also the central
 * units, as it handles incidents for the whole agency). Supporting: the central units and the caller's scope (the list
 * documents name their drafting unit from), so a province can ask the legal or communication departments for support.
 */
export function IncidentUnitSelect({ purpose, known = [], ...props }: UnitSelectProps) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const wantsCentral = purpose === 'supporting' || hasAnyRole(user, ['comms_center']);
  const scope = useUnitsInScope();
  const central = useQuery({
    queryKey: regulationKeys.draftingUnits,
    queryFn: listDraftingUnits,
    staleTime: 5 * 60_000,
    enabled: wantsCentral,
  });
  const units = mergeUnits(scope.data ?? [], wantsCentral ? (central.data ?? []) : [], known);
  return (
    <Select<string | string[] | null>
      allowClear
      loading={scope.isLoading || (wantsCentral && central.isLoading)}
      options={units.map((unit) => ({ value: unit.id, label: `${unit.name} (${unit.code})` }))}
      showSearch={{ filterOption: filterByLabel }}
      notFoundContent={scope.isError ? t('error.loadUnits') : t('common.noMatch')}
      popupMatchSelectWidth={false}
      placeholder={t('orgUnits.pick')}
      {...props}
    />
  );
}

/** A saved monitoring query whose new matches join the case. */
export function SavedQuerySelect(props: SingleProps) {
  const { t } = useI18n();
  const queries = useQuery({ queryKey: incidentKeys.queries, queryFn: listSavedQueries, staleTime: 60_000 });
  return (
    <Select<string | null>
      allowClear
      loading={queries.isLoading}
      options={(queries.data ?? []).map((query) => ({ value: query.id, label: query.name }))}
      showSearch={{ filterOption: filterByLabel }}
      notFoundContent={queries.isError ? t('incidents.queriesFailed') : t('common.noMatch')}
      placeholder={t('incidents.field.queryPlaceholder')}
      {...props}
    />
  );
}

const publicationLabel = (publication: TPublication) =>
  `${publication.product.title} — ${publication.outlet} (${formatDate(publication.publishedAt)})`;

/** A publication of Loa (searched on the server as the officer types), for "correction published". */
export function PublicationSelect(props: SingleProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const publications = useQuery({
    queryKey: incidentKeys.publications(q),
    queryFn: () => searchPublications(q),
    staleTime: 30_000,
  });
  return (
    <Select<string | null>
      allowClear
      loading={publications.isFetching}
      showSearch={{ onSearch: setSearch, filterOption: false }}
      options={(publications.data ?? []).map((publication) => ({
        value: publication.id,
        label: publicationLabel(publication),
      }))}
      notFoundContent={publications.isError ? t('incidents.publicationsFailed') : t('common.noMatch')}
      placeholder={t('incidents.action.publicationPlaceholder')}
      {...props}
    />
  );
}
