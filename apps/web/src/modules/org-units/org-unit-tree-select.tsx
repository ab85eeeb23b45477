import { matchesVi } from '@loa/contracts';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { buildUnitTree, type UnitTreeNode } from './unit-tree';
import { useUnitsInScope } from './use-units-in-scope';

type Props = Omit<TreeSelectProps<string>, 'treeData' | 'showSearch'> & {
  /** Units that cannot be picked (e.g. a unit and its subtree when choosing its new parent). */
  disabledIds?: ReadonlySet<string>;
};

function withDisabled(nodes: UnitTreeNode[], disabledIds: ReadonlySet<string> | undefined): UnitTreeNode[] {
  if (!disabledIds?.size) return nodes;
  return nodes.map((node) => ({
    ...node,
    disabled: disabledIds.has(node.key),
    ...(node.children ? { children: withDisabled(node.children, disabledIds) } : {}),
  }));
}

/** Picks one unit of the user's scope from the org tree; typing searches names and codes without accents. */
export function OrgUnitTreeSelect({ disabledIds, ...props }: Props) {
  const { t } = useI18n();
  const units = useUnitsInScope();
  const treeData = useMemo(() => withDisabled(buildUnitTree(units.data ?? []), disabledIds), [units.data, disabledIds]);
  const rootKeys = useMemo(() => treeData.map((node) => node.key), [treeData]);

  return (
    <TreeSelect<string>
      treeData={treeData}
      loading={units.isLoading}
      showSearch={{
        filterTreeNode: (input, node) => {
          const unit = (node as Partial<UnitTreeNode>).unit;
          return matchesVi(unit ? `${unit.name} ${unit.shortName ?? ''} ${unit.code}` : String(node.title), input);
        },
      }}
      treeDefaultExpandedKeys={rootKeys}
      notFoundContent={units.isError ? t('error.loadUnits') : t('common.noMatch')}
      popupMatchSelectWidth={false}
      listHeight={360}
      placeholder={t('orgUnits.pick')}
      {...props}
    />
  );
}
