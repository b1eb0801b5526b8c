/**
 * "Newer on this topic": later published stories that rank this one among their best, newest
 * first, each one click from being a Read also link here (background gains its follow-ups).
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { FollowUpDTO } from '../../../shared/contracts/suggestions';
import { useReadAlsoApi } from '../api/readAlso';
import { t } from '../pluginId';
import { SuggestionCard, linkAddedMessage, messageOf } from './SuggestionCard';

type Props = {
  documentId: string;
  locale?: string;
  canManage: boolean;
  canPublish: boolean;
  /** Changes when the article is saved or published, or a suggestion is decided elsewhere in the panel. */
  revision: string;
  /** After a follow-up became a link: the panel's list of links refreshes. */
  onLinked(): void;
};

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; followUps: FollowUpDTO[] };

export const FollowUpsSection = ({ documentId, locale, canManage, canPublish, revision, onLinked }: Props) => {
  const api = useReadAlsoApi();
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', followUps: (await api.followUps(documentId, locale)).data });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  }, [api, documentId, locale]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const decide = async (followUp: FollowUpDTO, decision: 'add' | 'publish' | 'reject') => {
    setBusy(followUp.documentId);
    try {
      if (decision === 'reject') {
        await api.reject(documentId, followUp.documentId, locale);
      } else {
        const { data: link } = await api.accept(documentId, followUp.documentId, locale, decision === 'publish');
        toggleNotification({ type: 'success', message: linkAddedMessage(formatMessage, link, followUp.title) });
        onLinked();
      }
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  const title = (
    <Typography variant="sigma" textColor="neutral600">
      {formatMessage({ id: t('followUps.title'), defaultMessage: 'Newer on this topic' })}
    </Typography>
  );
  if (state.status === 'loading') {
    return (
      <Flex direction="column" alignItems="stretch" gap={2}>
        {title}
        <Loader small>{formatMessage({ id: t('followUps.loading'), defaultMessage: 'Looking for newer stories…' })}</Loader>
      </Flex>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="read-also-follow-ups">
      {title}
      {state.status === 'error' && (
        <Typography variant="pi" textColor="danger600">
          {state.message}
        </Typography>
      )}
      {state.status === 'ready' && state.followUps.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: t('followUps.empty'),
            defaultMessage: 'No newer story on this topic yet. Later stories that rank this one highly appear here.',
          })}
        </Typography>
      )}
      {state.status === 'ready' &&
        state.followUps.map((followUp) => (
          <SuggestionCard
            key={followUp.documentId}
            suggestion={followUp}
            testId="read-also-follow-up"
            subtitle={
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(
                  { id: t('followUps.published'), defaultMessage: 'Published {date}' },
                  { date: formatDate(followUp.storyPublishedAt, { dateStyle: 'medium' }) },
                )}
              </Typography>
            }
          >
            {canManage && (
              <Flex gap={2} wrap="wrap">
                <Button size="S" loading={busy === followUp.documentId} onClick={() => void decide(followUp, 'add')}>
                  {formatMessage({ id: t('followUps.add'), defaultMessage: 'Add as Read also' })}
                </Button>
                {canPublish && (
                  <Button size="S" variant="secondary" disabled={busy !== null} onClick={() => void decide(followUp, 'publish')}>
                    {formatMessage({ id: t('followUps.addAndPublish'), defaultMessage: 'Add and publish' })}
                  </Button>
                )}
                <Button size="S" variant="tertiary" disabled={busy !== null} onClick={() => void decide(followUp, 'reject')}>
                  {formatMessage({ id: t('followUps.reject'), defaultMessage: 'Not related' })}
                </Button>
              </Flex>
            )}
          </SuggestionCard>
        ))}
    </Flex>
  );
};
