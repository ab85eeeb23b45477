import { foldVi, type TOrgUnit } from '@loa/contracts';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useUnitsInScope } from '../org-units/use-units-in-scope';

/** The Communication Center compiles the national editions; a province compiles its own local one. */
export const CENTER_UNIT_CODE = 'TT';

type Named = { id: string; code: string; name: string };

const isEditionUnit = (unit: TOrgUnit) => unit.code === CENTER_UNIT_CODE || unit.kind === 'province';

const label = (unit: Named) => `${unit.code} — ${unit.name}`;

interface Props {
  id?: string;
  /** Provinces only (the provinces whose local news a subscriber receives); otherwise the centre and provinces. */
  provincesOnly?: boolean;
  /** The units already chosen, shown by name even outside the caller's scope. */
  known?: readonly Named[];
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

/** One unit that compiles an edition (the centre or a province), among those in the caller's scope. */
export function EditionUnitSelect(props: Props & { value?: string | null; onChange?: (value?: string) => void }) {
  const options = useEditionUnitOptions(props.provincesOnly ?? false, props.known ?? []);
  const { t } = useI18n();
  return (
    <Select<string>
      id={props.id}
      showSearch={{ filterOption: (input, option) => foldVi(String(option?.label ?? '')).includes(foldVi(input)) }}
      allowClear={props.allowClear ?? true}
      value={props.value ?? undefined}
      onChange={(value?: string) => props.onChange?.(value)}
      loading={options.loading}
      options={options.options}
      placeholder={props.placeholder}
      aria-label={props['aria-label']}
      notFoundContent={options.error ? t('error.loadUnits') : t('common.noMatch')}
      style={props.style}
    />
  );
}

/** Several provinces (a subscriber's provincial news). */
export function ProvincesSelect(props: Props & { value?: string[]; onChange?: (value: string[]) => void }) {
  const options = useEditionUnitOptions(true, props.known ?? []);
  const { t } = useI18n();
  return (
    <Select<string[]>
      id={props.id}
      mode="multiple"
      showSearch={{ filterOption: (input, option) => foldVi(String(option?.label ?? '')).includes(foldVi(input)) }}
      allowClear
      value={props.value ?? []}
      onChange={(value) => props.onChange?.(value)}
      loading={options.loading}
      options={options.options}
      placeholder={props.placeholder}
      aria-label={props['aria-label']}
      notFoundContent={options.error ? t('error.loadUnits') : t('common.noMatch')}
      style={props.style}
    />
  );
}

function useEditionUnitOptions(provincesOnly: boolean, known: readonly Named[]) {
  const units = useUnitsInScope();
  const options = (units.data ?? [])
    .filter((unit) => (provincesOnly ? unit.kind === 'province' : isEditionUnit(unit)))
    .map((unit) => ({ value: unit.id, label: label(unit) }));
  for (const unit of known) {
    if (!options.some((option) => option.value === unit.id)) options.unshift({ value: unit.id, label: label(unit) });
  }
  return { options, loading: units.isLoading, error: units.isError };
}
