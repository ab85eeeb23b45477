import { matchesVi, type TRegulationUnitOption } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { listDraftingUnits, regulationKeys } from './regulations.api';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'>;

/** Picks a drafting unit among the central agency's units and those of the user's scope; search ignores accents. */
export function DraftingUnitSelect(props: Props) {
  const { t } = useI18n();
  const units = useQuery({ queryKey: regulationKeys.draftingUnits, queryFn: listDraftingUnits, staleTime: 5 * 60_000 });
  const options = (units.data ?? []).map((unit: TRegulationUnitOption) => ({
    value: unit.id,
    label: `${unit.name} (${unit.code})`,
  }));
  return (
    <Select<string>
      allowClear
      loading={units.isLoading}
      options={options}
      showSearch={{ filterOption: (input, option) => matchesVi(String(option?.label ?? ''), input) }}
      notFoundContent={units.isError ? t('error.loadUnits') : t('common.noMatch')}
      popupMatchSelectWidth={false}
      placeholder={t('orgUnits.pick')}
      {...props}
    />
  );
}
