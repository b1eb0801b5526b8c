/**
 * The story's quotes in reading order, each with its speaker or a clear "No speaker" flag,
 * and one step to set or change the speaker from the people Newsdesk knows.
 */
import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import { Badge, Box, Button, Flex, Loader, TextInput, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { NamedDTO, QuoteDTO } from '../../../shared/contracts/quotes';
import { useQuotesApi } from '../api/quotes';
import { t } from '../pluginId';

type Props = { documentId: string; locale?: string; canManage: boolean; canPublishQuotes: boolean; revision: string };

const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 137).trimEnd()}…` : text);

/** A search by name under the quote; each person found is one click away from being its speaker. */
const SpeakerPicker = ({ quote, onPick }: { quote: QuoteDTO; onPick: (person: NamedDTO | null) => Promise<void> }) => {
  const { formatMessage } = useIntl();
  const api = useQuotesApi();
  const [text, setText] = useState('');
  const [found, setFound] = useState<NamedDTO[] | null>(null);
  const search = async (typed: string) => {
    setText(typed);
    if (typed.trim().length < 2) return setFound(null);
    const { data } = await api.people(typed.trim());
    setFound(data.filter((person) => person.documentId !== quote.speaker?.documentId));
  };
  const pick = async (person: NamedDTO | null) => {
    setText('');
    setFound(null);
    await onPick(person);
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={1}>
      <TextInput
        size="S"
        aria-label={formatMessage({ id: t('quotes.pick'), defaultMessage: 'Speaker of this quote' })}
        placeholder={formatMessage({ id: t('quotes.search'), defaultMessage: 'Find a person…' })}
        value={text}
        onChange={(event: ChangeEvent<HTMLInputElement>) => void search(event.target.value)}
      />
      {found?.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('quotes.noPeople'), defaultMessage: 'No person by that name' })}
        </Typography>
      )}
      {found && found.length > 0 && (
        <Flex gap={1} wrap="wrap">
          {found.map((person) => (
            <Button key={person.documentId} size="S" variant="secondary" onClick={() => void pick(person)}>
              {person.name}
            </Button>
          ))}
        </Flex>
      )}
      {quote.speaker && (
        <Button size="S" variant="ghost" onClick={() => void pick(null)}>
          {formatMessage({ id: t('quotes.clear'), defaultMessage: 'Remove the speaker' })}
        </Button>
      )}
    </Flex>
  );
};

export const QuotesSection = ({ documentId, locale, canManage, canPublishQuotes, revision }: Props) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const api = useQuotesApi();
  const [quotes, setQuotes] = useState<QuoteDTO[] | null>(null);

  const load = useCallback(async () => setQuotes((await api.quotes(documentId, locale)).data), [api, documentId, locale]);
  useEffect(() => {
    void load().catch(() => setQuotes([]));
  }, [load, revision]);

  const pick = async (quote: QuoteDTO, person: NamedDTO | null) => {
    try {
      const { data } = await api.setSpeaker(quote.documentId, person?.documentId ?? null, canPublishQuotes);
      setQuotes((current) => current?.map((entry) => (entry.documentId === data.documentId ? data : entry)) ?? null);
      toggleNotification({
        type: 'success',
        message: data.published
          ? formatMessage({ id: t('quotes.setPublished'), defaultMessage: 'Speaker set: readers see it now.' })
          : formatMessage({
              id: t('quotes.setDraft'),
              defaultMessage: 'Speaker set in the quote’s draft: readers see it once the quote is published.',
            }),
      });
    } catch {
      toggleNotification({
        type: 'danger',
        message: formatMessage({ id: t('quotes.failed'), defaultMessage: 'The speaker could not be set.' }),
      });
    }
  };

  if (quotes === null) return <Loader small>{formatMessage({ id: t('quotes.loading'), defaultMessage: 'Loading quotes' })}</Loader>;
  const unattributed = quotes.filter((quote) => !quote.speaker && !quote.speaksFor && !quote.organisation).length;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="read-also-quotes">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage(
          { id: t('quotes.title'), defaultMessage: 'Quotes ({count}{missing, plural, =0 {} other {, # without speaker}})' },
          { count: quotes.length, missing: unattributed },
        )}
      </Typography>
      {quotes.length === 0 && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: t('quotes.none'), defaultMessage: 'This story has no quotes.' })}
        </Typography>
      )}
      {quotes.map((quote) => (
        <Box
          key={quote.documentId}
          padding={3}
          hasRadius
          borderColor="neutral200"
          borderStyle="solid"
          borderWidth="1px"
          data-testid="read-also-quote"
          data-quote-id={quote.documentId}
        >
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography variant="omega">“{excerpt(quote.text)}”</Typography>
            <Flex gap={2} wrap="wrap">
              {quote.paragraph !== null && (
                <Badge>{formatMessage({ id: t('quotes.paragraph'), defaultMessage: '¶{number}' }, { number: quote.paragraph + 1 })}</Badge>
              )}
              {quote.speaker ? (
                <Typography variant="pi" fontWeight="bold">
                  {quote.speaker.name}
                </Typography>
              ) : (
                <Badge backgroundColor="warning100" textColor="warning700">
                  {formatMessage({ id: t('quotes.noSpeaker'), defaultMessage: 'No speaker' })}
                </Badge>
              )}
              {quote.speaksFor && (
                <Typography variant="pi" textColor="neutral600">
                  {formatMessage({ id: t('quotes.speaksFor'), defaultMessage: 'for {name}' }, { name: quote.speaksFor.name })}
                </Typography>
              )}
              {quote.organisation && (
                <Typography variant="pi" textColor="neutral600">
                  {quote.organisation.name}
                </Typography>
              )}
              {!quote.published && <Badge>{formatMessage({ id: t('links.draft'), defaultMessage: 'In the draft' })}</Badge>}
            </Flex>
            {canManage && <SpeakerPicker quote={quote} onPick={(person) => pick(quote, person)} />}
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
