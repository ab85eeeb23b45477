import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { foldVi } from '@loa/contracts';
import { agentKeys, listPlaces } from './agents.api';

interface Props {
  /** The parent place's code; null lists the provinces. Nothing is listed while the parent is undefined. */
  parent: string | null | undefined;
  /** Only the places of this level (2 districts, 3 communes); all children otherwise. */
  level?: number;
  value?: string | null | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
  'data-testid'?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
}

/** Picks an administrative unit (province, district, commune) of the structure the agency works in. */
export function AgentPlaceSelect({ parent, level, value, onChange, ...props }: Props) {
  const places = useQuery({
    queryKey: agentKeys.places(parent ?? null),
    queryFn: () => listPlaces(parent ?? null),
    enabled: parent !== undefined,
    staleTime: Infinity,
  });
  const options = (places.data ?? [])
    .filter((p) => level === undefined || p.level === level)
    .map((p) => ({ value: p.code, label: p.name }));
  return (
    <Select
      showSearch={{ filterOption: (input, option) => foldVi(String(option?.label ?? '')).includes(foldVi(input)) }}
      allowClear={props.allowClear ?? true}
      disabled={parent === undefined}
      loading={places.isFetching}
      options={options}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      placeholder={props.placeholder}
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
      style={props.style}
    />
  );
}
