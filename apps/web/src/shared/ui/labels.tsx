import type { TRole, TUnitKind } from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

/** The roles of a user as translated tags. */
export function RoleTags({ roles }: { roles: readonly TRole[] }) {
  const { t } = useI18n();
  return (
    <>
      {roles.map((role) => (
        <Tag key={role} color={role === 'admin' ? 'red' : 'blue'} style={{ marginBlock: 2 }}>
          {t(`role.${role}`)}
        </Tag>
      ))}
    </>
  );
}

/** The translated name of a unit kind. */
export function UnitKindLabel({ kind }: { kind: TUnitKind }) {
  const { t } = useI18n();
  return <>{t(`unitKind.${kind}`)}</>;
}
