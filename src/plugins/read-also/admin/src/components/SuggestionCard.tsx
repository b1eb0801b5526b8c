/** One candidate Read also link: its title, score and reasons (in the editor's interface language), and what may be done with it. */
import type { ReactNode } from 'react';
import { Box, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useIntl, type IntlShape } from 'react-intl';
import { renderReason } from '../../../shared/reasons';
import type { RelatedLinkDTO, SuggestionDTO } from '../../../shared/contracts/suggestions';
import { t } from '../pluginId';

type Props = { suggestion: SuggestionDTO; testId: string; subtitle?: ReactNode; children?: ReactNode };

export const SuggestionCard = ({ suggestion, testId, subtitle, children }: Props) => {
  const { locale: interfaceLocale } = useIntl();
  const percent = Math.round(suggestion.score * 100);
  return (
    <Box padding={3} hasRadius borderColor="neutral200" borderStyle="solid" borderWidth="1px" data-testid={testId}>
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography fontWeight="bold">{suggestion.title}</Typography>
        {subtitle}
        <Flex gap={2} alignItems="center">
          <Box flex="1">
            <ProgressBar value={percent} size="S" />
          </Box>
          <Typography variant="pi">{percent}%</Typography>
        </Flex>
        <Box tag="ul" paddingLeft={4}>
          {suggestion.reasonCodes
            .map((code) => renderReason(code, interfaceLocale))
            .map((reason) => (
              <li key={reason}>
                <Typography variant="pi" textColor="neutral700">
                  {reason}
                </Typography>
              </li>
            ))}
        </Box>
        {children}
      </Flex>
    </Box>
  );
};

/** What the editor is told after adding a link: readers see a draft link only once the article is published again. */
export function linkAddedMessage(formatMessage: IntlShape['formatMessage'], link: RelatedLinkDTO, title: string): string {
  return link.published
    ? formatMessage({ id: t('notification.published'), defaultMessage: 'Link added and published: {title}' }, { title })
    : formatMessage(
        {
          id: t('notification.accepted'),
          defaultMessage: 'Link added to the draft: readers see it when the article is published. {title}',
        },
        { title },
      );
}

/** The server's message for a refused or failed call, for a notification. */
export function messageOf(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } }).response;
  return response?.data?.error?.message ?? (error instanceof Error ? error.message : String(error));
}
