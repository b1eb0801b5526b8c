import { useState } from 'react';
import { useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ARTICLE_UID, PERMISSIONS, QUOTE_UID, t } from '../pluginId';
import { ReadAlsoContent } from './ReadAlsoContent';
import { QuotesSection } from './QuotesSection';
import { FollowUpsSection } from './FollowUpsSection';
import { Flex } from '@strapi/design-system';

type PanelProps = {
  model: string;
  documentId?: string;
  collectionType: string;
  document?: { updatedAt?: string; publishedAt?: string | null } | null;
};

/**
 * The "Read also" side panel of the Article edit view. It steps aside for other types,
 * for documents not saved yet, and for users without the plugin's permission.
 */
export const ReadAlsoPanel = ({ model, documentId, collectionType, document }: PanelProps) => {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  const locale = query.plugins?.i18n?.locale;
  const { allowedActions, isLoading } = useRBAC({ ...PERMISSIONS });
  // "Add and publish now" puts a link before readers at once: only for those who may publish the article.
  const publishing = useRBAC({ publish: [{ action: 'plugin::content-manager.explorer.publish', subject: ARTICLE_UID }] });
  // A speaker set from the panel reaches readers at once only for those who may publish quotes.
  const quotePublishing = useRBAC({ publish: [{ action: 'plugin::content-manager.explorer.publish', subject: QUOTE_UID }] });
  // A decision in one section changes what the others show: links gained, follow-ups settled.
  const [linkedFromFollowUps, setLinkedFromFollowUps] = useState(0);
  const [decidedInSuggestions, setDecidedInSuggestions] = useState(0);

  if (model !== ARTICLE_UID || collectionType !== 'collection-types') return null;
  if (!documentId || documentId === 'create') return null;
  if (isLoading || !allowedActions.canRead) return null;

  // Saving or publishing changes these: the lists refresh then.
  const revision = `${document?.updatedAt ?? ''}|${document?.publishedAt ?? ''}`;
  return {
    title: formatMessage({ id: t('panel.title'), defaultMessage: 'Read also' }),
    content: (
      <Flex direction="column" alignItems="stretch" gap={6}>
        <ReadAlsoContent
          documentId={documentId}
          locale={locale}
          canManage={Boolean(allowedActions.canManage)}
          canPublish={Boolean(publishing.allowedActions.canPublish)}
          revision={`${revision}|${linkedFromFollowUps}`}
          onDecided={() => setDecidedInSuggestions((count) => count + 1)}
        />
        <FollowUpsSection
          documentId={documentId}
          locale={locale}
          canManage={Boolean(allowedActions.canManage)}
          canPublish={Boolean(publishing.allowedActions.canPublish)}
          revision={`${revision}|${decidedInSuggestions}`}
          onLinked={() => setLinkedFromFollowUps((count) => count + 1)}
        />
        <QuotesSection
          documentId={documentId}
          locale={locale}
          canManage={Boolean(allowedActions.canManage)}
          canPublishQuotes={Boolean(quotePublishing.allowedActions.canPublish)}
          revision={revision}
        />
      </Flex>
    ),
  };
};
