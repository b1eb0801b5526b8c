/**
 * Read also → Follow-ups waiting: older articles that newer published stories rank highly,
 * with no decision on them yet, the newest follow-up first; each row opens the article.
 */
import { useEffect, useState } from 'react';
import { Badge, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import type { ListFollowUps } from '../../../shared/contracts/suggestions';
import { useReadAlsoApi } from '../api/readAlso';
import { ARTICLE_UID, PERMISSIONS, t } from '../pluginId';
import { messageOf } from '../components/SuggestionCard';

type State = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & ListFollowUps.Response);

const editViewOf = (documentId: string, locale: string) =>
  `/content-manager/collection-types/${ARTICLE_UID}/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;

const FollowUpsList = () => {
  const api = useReadAlsoApi();
  const { formatMessage, formatDate } = useIntl();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    api.waitingFollowUps().then(
      (response) => setState({ status: 'ready', ...response }),
      (error: unknown) => setState({ status: 'error', message: messageOf(error) }),
    );
  }, [api]);

  const title = formatMessage({ id: t('followUps.page.title'), defaultMessage: 'Follow-ups waiting' });
  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') return <Page.Error content={state.message} />;
  const date = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'medium' }) : '—');

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          {
            id: t('followUps.page.subtitle'),
            defaultMessage:
              'Articles that stories published in the last {days} days rank highly, not yet linked or rejected. Open one to add its follow-ups as Read also links.',
          },
          { days: state.meta.days },
        )}
      />
      <Layouts.Content>
        {state.data.length === 0 ? (
          <Typography textColor="neutral600">
            {formatMessage({ id: t('followUps.page.empty'), defaultMessage: 'No follow-ups waiting.' })}
          </Typography>
        ) : (
          <Table colCount={4} rowCount={state.data.length + 1} data-testid="read-also-follow-ups-page">
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{formatMessage({ id: t('followUps.page.article'), defaultMessage: 'Article' })}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{formatMessage({ id: t('followUps.page.date'), defaultMessage: 'Published' })}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">
                    {formatMessage({ id: t('followUps.page.newer'), defaultMessage: 'Newer on this topic' })}
                  </Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{formatMessage({ id: t('followUps.page.locale'), defaultMessage: 'Language' })}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {state.data.map((article) => (
                <Tr key={`${article.documentId}:${article.locale}`} data-testid="read-also-follow-ups-row">
                  <Td>
                    <Link tag={NavLink} to={editViewOf(article.documentId, article.locale)}>
                      {article.title}
                    </Link>
                  </Td>
                  <Td>
                    <Typography>{date(article.storyPublishedAt)}</Typography>
                  </Td>
                  <Td>
                    <Flex direction="column" alignItems="start" gap={1} paddingTop={2} paddingBottom={2}>
                      <Badge>
                        {formatMessage(
                          { id: t('followUps.page.count'), defaultMessage: '{count, plural, one {# follow-up} other {# follow-ups}}' },
                          { count: article.followUps.length },
                        )}
                      </Badge>
                      {article.followUps.map((followUp) => (
                        <Typography key={followUp.documentId} variant="pi" textColor="neutral700">
                          {followUp.title} · {date(followUp.storyPublishedAt)}
                        </Typography>
                      ))}
                    </Flex>
                  </Td>
                  <Td>
                    <Typography>{article.locale}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {state.meta.truncated && (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: t('followUps.page.truncated'), defaultMessage: 'Only the most recent are listed.' })}
          </Typography>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

const FollowUpsPage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <FollowUpsList />
  </Page.Protect>
);

export default FollowUpsPage;
