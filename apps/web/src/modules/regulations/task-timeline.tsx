import { EditOutlined } from '@ant-design/icons';
import type { TRegulationTask } from '@loa/contracts';
import { Button, Card, Col, Empty, Flex, Row, Space, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { groupByPhase } from './task-groups';
import { TaskDue, TaskStatusTag } from './task-labels';

// The antd palette's gold-6, blue-6 and purple-6, like the phase tags.
const PHASE_BORDERS = { before: '#faad14', during: '#1677ff', after: '#722ed1' } as const;
// Left marks of the tasks: late ones red, then by status.
const MARKS = {
  overdue: '#ff4d4f',
  todo: '#d9d9d9',
  in_progress: '#1677ff',
  done: '#52c41a',
  cancelled: '#d9d9d9',
} as const;

/** A document's tasks in three columns: before, during and after it takes effect. */
export function TaskTimeline({
  tasks,
  canWork,
  onEdit,
}: {
  tasks: readonly TRegulationTask[];
  canWork: boolean;
  onEdit: (task: TRegulationTask) => void;
}) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} data-testid="task-timeline">
      {groupByPhase(tasks).map((group) => (
        <Col key={group.phase} xs={24} lg={8}>
          <Card
            size="small"
            title={t(`regulations.phase.${group.phase}`)}
            styles={{ header: { borderTop: `3px solid ${PHASE_BORDERS[group.phase]}` } }}
            style={{ height: '100%' }}
          >
            {group.tasks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regulations.tasks.empty')} />
            ) : (
              <Flex vertical gap={10} role="list">
                {group.tasks.map((task) => (
                  <Flex
                    key={task.id}
                    role="listitem"
                    vertical
                    gap={2}
                    style={{
                      borderInlineStart: `3px solid ${task.overdue ? MARKS.overdue : MARKS[task.status]}`,
                      paddingInlineStart: 8,
                    }}
                  >
                    <Flex justify="space-between" align="flex-start" gap={4}>
                      <Typography.Text strong delete={task.status === 'cancelled'}>
                        {task.title}
                      </Typography.Text>
                      {canWork && (
                        <Button
                          type="text"
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={`${t('regulations.task.editTitle')}: ${task.title}`}
                          onClick={() => onEdit(task)}
                        />
                      )}
                    </Flex>
                    <Space size={4} wrap>
                      <TaskStatusTag status={task.status} />
                      <TaskDue task={task} />
                    </Space>
                    <Typography.Text type="secondary">
                      {task.ownerUnit.name}
                      {task.assignee && ` · ${task.assignee.fullName}`}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
