import type { TOrgUnit } from '@loa/contracts';
import { Alert, Card, Col, Empty, Input, Row, Spin, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { buildUnitTree, filterUnitTree, type UnitTreeNode } from './unit-tree';
import { UnitDetails } from './unit-details';
import { useUnitsInScope } from './use-units-in-scope';

interface Props {
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  canManage: boolean;
}

/** The org tree of the user's scope with an accent-insensitive filter, and the selected unit's details. */
export function OrgTreeView({ selectedId, onSelect, canManage }: Props) {
  const { t } = useI18n();
  const units = useUnitsInScope();
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const byId = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit])), [units.data]);
  const tree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);
  const filtered = useMemo(() => (filter.trim() ? filterUnitTree(tree, filter) : null), [tree, filter]);
  const nodes = filtered?.nodes ?? tree;
  const expandedKeys = filtered ? filtered.expandedKeys : (expanded ?? tree.map((node) => node.key));

  const selected: TOrgUnit | null = (selectedId && byId.get(selectedId)) || null;
  const parent = (selected?.parentId && byId.get(selected.parentId)) || null;

  let body;
  if (units.isPending) body = <Spin description={t('common.loading')} />;
  else if (units.isError) body = <Alert type="error" showIcon title={errorText(units.error, t)} />;
  else if (!nodes.length) body = <Empty description={filter ? t('common.noMatch') : t('orgUnits.empty')} />;
  else
    body = (
      <Tree<UnitTreeNode>
        treeData={nodes}
        blockNode
        selectedKeys={selectedId ? [selectedId] : []}
        expandedKeys={expandedKeys}
        onExpand={(keys) => {
          if (!filtered) setExpanded(keys.map(String));
        }}
        onSelect={(keys) => onSelect(keys[0] === undefined ? null : String(keys[0]))}
        titleRender={(node) => (
          <span>
            {node.title}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {node.unit.code}
            </Typography.Text>
          </span>
        )}
      />
    );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10} xl={9}>
        <Card size="small" title={t('orgUnits.treeTitle')}>
          <Input.Search
            allowClear
            aria-label={t('orgUnits.filterLabel')}
            placeholder={t('orgUnits.filterPlaceholder')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            style={{ marginBottom: 8 }}
          />
          {filtered && (
            <Typography.Text type="secondary" role="status" style={{ display: 'block', marginBottom: 8 }}>
              {t('orgUnits.matchCount', { count: filtered.matchCount })}
            </Typography.Text>
          )}
          <div
            data-testid="org-tree"
            role="region"
            aria-label={t('orgUnits.treeTitle')}
            style={{ maxHeight: 600, overflow: 'auto' }}
          >
            {body}
          </div>
        </Card>
      </Col>
      <Col xs={24} lg={14} xl={15}>
        <UnitDetails unit={selected} parent={parent} canManage={canManage} onSelect={onSelect} />
      </Col>
    </Row>
  );
}
