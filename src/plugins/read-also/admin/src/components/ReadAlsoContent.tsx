import { useCallback, useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Checkbox,
  Flex,
  IconButton,
  Loader,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl, type IntlShape } from 'react-intl';
import type { ArticleHitDTO, ParagraphDTO, RelatedLinkDTO, SuggestionDTO } from '../../../shared/contracts/suggestions';
import { useReadAlsoApi } from '../api/readAlso';
import { t } from '../pluginId';
import { SuggestionCard, linkAddedMessage, messageOf } from './SuggestionCard';

type Props = {
  documentId: string;
  locale?: string;
  canManage: boolean;
  canPublish: boolean;
  revision: string;
  /** After an accept or a reject: other sections offering the same stories refresh. */
  onDecided(): void;
};

type Loaded = { links: RelatedLinkDTO[]; paragraphs: ParagraphDTO[]; suggestions: SuggestionDTO[] };

const ORIGIN_LABELS: Record<RelatedLinkDTO['origin'], { id: string; defaultMessage: string }> = {
  editor: { id: t('origin.editor'), defaultMessage: 'Editor' },
  suggested: { id: t('origin.suggested'), defaultMessage: 'Suggested' },
  imported: { id: t('origin.imported'), defaultMessage: 'Imported' },
};

/** The select's value for "at the end" (afterParagraph null); paragraphs are their numbers. */
const AT_THE_END = 'end';

/** "Before the story", "After ¶2", "At the end": where a reader meets the link. */
function placeLabel(formatMessage: IntlShape['formatMessage'], afterParagraph: number | null): string {
  if (afterParagraph === null) return formatMessage({ id: t('place.end'), defaultMessage: 'At the end' });
  if (afterParagraph === 0) return formatMessage({ id: t('place.before'), defaultMessage: 'Before the story' });
  return formatMessage({ id: t('place.after'), defaultMessage: 'After ¶{number}' }, { number: afterParagraph });
}

/** Where the link stands among the links after the same paragraph. */
type Rank = { index: number; count: number };

export const ReadAlsoContent = ({ documentId, locale, canManage, canPublish, revision, onDecided }: Props) => {
  const api = useReadAlsoApi();
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; message: string } | ({ status: 'ready' } & Loaded)>({
    status: 'loading',
  });
  const [busy, setBusy] = useState<string | null>(null);
  // Those who may publish can put a new place before readers at once; otherwise it waits for the article's next publish.
  const [publishPlaces, setPublishPlaces] = useState(false);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const [links, suggestions] = await Promise.all([api.links(documentId, locale), api.suggestions(documentId, locale)]);
      setState({ status: 'ready', links: links.data, paragraphs: links.meta.paragraphs, suggestions: suggestions.data });
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) });
    }
  }, [api, documentId, locale]);

  useEffect(() => {
    void load();
  }, [load, revision]);

  const decide = async (suggestion: SuggestionDTO, decision: 'accept' | 'publish' | 'reject') => {
    if (state.status !== 'ready') return;
    setBusy(suggestion.documentId);
    try {
      if (decision !== 'reject') {
        const { data: link } = await api.accept(documentId, suggestion.documentId, locale, decision === 'publish');
        setState({
          ...state,
          links: [...state.links, link],
          suggestions: state.suggestions.filter((item) => item.documentId !== suggestion.documentId),
        });
        // Say which happened: readers see a draft link only once the article is published again.
        toggleNotification({ type: 'success', message: linkAddedMessage(formatMessage, link, suggestion.title) });
      } else {
        await api.reject(documentId, suggestion.documentId, locale);
        setState({ ...state, suggestions: state.suggestions.filter((item) => item.documentId !== suggestion.documentId) });
      }
      onDecided();
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  const linkTo = async (link: RelatedLinkDTO, hit: ArticleHitDTO) => {
    if (state.status !== 'ready') return;
    setBusy(link.documentId);
    try {
      const { data: updated } = await api.setTarget(link.documentId, hit.documentId, locale);
      setState({ ...state, links: state.links.map((item) => (item.documentId === updated.documentId ? updated : item)) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  const placeLink = async (link: RelatedLinkDTO, afterParagraph: number | null, order?: number) => {
    if (state.status !== 'ready') return;
    setBusy(link.documentId);
    try {
      const { data: placed, meta } = await api.place(link.documentId, { afterParagraph, order, publish: canPublish && publishPlaces });
      setState({ ...state, links: meta.links });
      const waits = !placed.published || placed.changesPending;
      toggleNotification({
        type: 'success',
        message: waits
          ? formatMessage({
              id: t('notification.placed'),
              defaultMessage: 'Link moved in the draft: readers see it in its new place when the article is published.',
            })
          : formatMessage({ id: t('notification.placedLive'), defaultMessage: 'Link moved: readers see it in its new place.' }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };

  /** Each link's rank among the links after the same paragraph (the list comes in reading order). */
  const rankOf = (link: RelatedLinkDTO, links: RelatedLinkDTO[]): Rank => {
    const group = links.filter((item) => item.afterParagraph === link.afterParagraph);
    return { index: group.findIndex((item) => item.documentId === link.documentId), count: group.length };
  };

  if (state.status === 'loading') {
    return (
      <Flex justifyContent="center" padding={2} width="100%">
        <Loader small>{formatMessage({ id: t('state.loading'), defaultMessage: 'Looking for related articles…' })}</Loader>
      </Flex>
    );
  }
  if (state.status === 'error') {
    return (
      <Flex direction="column" alignItems="stretch" gap={2} width="100%">
        <Typography variant="pi" textColor="danger600">
          {formatMessage(
            { id: t('state.error'), defaultMessage: 'Suggestions could not be loaded: {message}' },
            { message: state.message },
          )}
        </Typography>
        <Button variant="tertiary" size="S" onClick={() => void load()}>
          {formatMessage({ id: t('action.retry'), defaultMessage: 'Try again' })}
        </Button>
      </Flex>
    );
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={4} width="100%" data-testid="read-also-panel">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: t('links.title'), defaultMessage: 'Links in this article' })}
        </Typography>
        {state.links.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: t('links.empty'), defaultMessage: 'No "Read also" links yet.' })}
          </Typography>
        ) : (
          <>
            {canManage && canPublish && (
              <Checkbox checked={publishPlaces} onCheckedChange={(checked) => setPublishPlaces(checked === true)}>
                {formatMessage({ id: t('place.publish'), defaultMessage: 'Publish new places at once' })}
              </Checkbox>
            )}
            {state.links.map((link) => (
              <LinkRow
                key={link.documentId}
                link={link}
                locale={locale}
                canManage={canManage}
                busy={busy === link.documentId}
                onPick={linkTo}
                paragraphs={state.paragraphs}
                rank={rankOf(link, state.links)}
                onPlace={placeLink}
              />
            ))}
          </>
        )}
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: t('suggestions.title'), defaultMessage: 'Suggestions' })}
        </Typography>
        {state.suggestions.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: t('suggestions.empty'),
              defaultMessage: 'No related published articles found yet. Suggestions appear as related stories are published.',
            })}
          </Typography>
        ) : (
          state.suggestions.map((suggestion) => (
            <SuggestionCard key={suggestion.documentId} suggestion={suggestion} testId="read-also-suggestion">
              {canManage && (
                <Flex gap={2}>
                  <Button size="S" loading={busy === suggestion.documentId} onClick={() => void decide(suggestion, 'accept')}>
                    {formatMessage({ id: t('action.accept'), defaultMessage: 'Accept' })}
                  </Button>
                  {canPublish && (
                    <Button
                      size="S"
                      variant="secondary"
                      disabled={busy === suggestion.documentId}
                      onClick={() => void decide(suggestion, 'publish')}
                    >
                      {formatMessage({ id: t('action.acceptAndPublish'), defaultMessage: 'Accept and publish' })}
                    </Button>
                  )}
                  <Button
                    size="S"
                    variant="tertiary"
                    disabled={busy === suggestion.documentId}
                    onClick={() => void decide(suggestion, 'reject')}
                  >
                    {formatMessage({ id: t('action.reject'), defaultMessage: 'Reject' })}
                  </Button>
                </Flex>
              )}
            </SuggestionCard>
          ))
        )}
      </Flex>
    </Flex>
  );
};

type LinkRowProps = {
  link: RelatedLinkDTO;
  locale?: string;
  canManage: boolean;
  busy: boolean;
  onPick(link: RelatedLinkDTO, hit: ArticleHitDTO): Promise<void>;
  paragraphs: ParagraphDTO[];
  rank: Rank;
  onPlace(link: RelatedLinkDTO, afterParagraph: number | null, order?: number): Promise<void>;
};

const LinkRow = ({ link, locale, canManage, busy, onPick, paragraphs, rank, onPlace }: LinkRowProps) => {
  const api = useReadAlsoApi();
  const { formatMessage } = useIntl();
  const [searching, setSearching] = useState(false);
  const [text, setText] = useState(link.label);
  const [hits, setHits] = useState<ArticleHitDTO[] | null>(null);

  const search = async () => {
    try {
      setHits((await api.search(text, locale)).data);
    } catch {
      setHits([]);
    }
  };

  const target = link.target?.title ?? link.url;
  return (
    <Box padding={2} hasRadius background="neutral100" data-testid="read-also-link">
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography fontWeight="semiBold">{link.label}</Typography>
        {target && (
          <Typography variant="pi" textColor="neutral600">
            → {target}
          </Typography>
        )}
        <Flex gap={1} wrap="wrap">
          <Badge>{formatMessage(ORIGIN_LABELS[link.origin])}</Badge>
          {!canManage && <Badge data-testid="read-also-link-place">{placeLabel(formatMessage, link.afterParagraph)}</Badge>}
          {!link.published && link.health !== 'target-unpublished' && (
            <Badge backgroundColor="secondary100" textColor="secondary700">
              {formatMessage({ id: t('links.draft'), defaultMessage: 'In the draft' })}
            </Badge>
          )}
          {link.published && link.changesPending && (
            <Badge backgroundColor="secondary100" textColor="secondary700">
              {formatMessage({ id: t('links.changeInDraft'), defaultMessage: 'Change in the draft' })}
            </Badge>
          )}
          {link.health === 'unresolved' && (
            <Badge backgroundColor="warning100" textColor="warning700">
              {formatMessage({ id: t('health.unresolved'), defaultMessage: 'Headline not matched to an article' })}
            </Badge>
          )}
          {link.health === 'target-unpublished' && (
            <Badge backgroundColor="danger100" textColor="danger700">
              {formatMessage({ id: t('health.unpublished'), defaultMessage: 'Target unpublished: hidden from readers' })}
            </Badge>
          )}
        </Flex>
        {canManage && <PlaceControl link={link} paragraphs={paragraphs} rank={rank} busy={busy} onPlace={onPlace} />}
        {canManage && link.health === 'unresolved' && !searching && (
          <Button size="S" variant="secondary" onClick={() => setSearching(true)}>
            {formatMessage({ id: t('action.find'), defaultMessage: 'Find article' })}
          </Button>
        )}
        {searching && (
          <Flex direction="column" alignItems="stretch" gap={1}>
            <TextInput
              aria-label={formatMessage({ id: t('find.label'), defaultMessage: 'Search published articles by title' })}
              value={text}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setText(event.target.value)}
            />
            <Button size="S" variant="tertiary" onClick={() => void search()}>
              {formatMessage({ id: t('action.search'), defaultMessage: 'Search' })}
            </Button>
            {hits?.length === 0 && (
              <Typography variant="pi">{formatMessage({ id: t('find.none'), defaultMessage: 'No published article matches.' })}</Typography>
            )}
            {hits?.map((hit) => (
              <Button
                key={hit.documentId}
                size="S"
                variant="ghost"
                loading={busy}
                onClick={() => void onPick(link, hit).then(() => setSearching(false))}
              >
                {hit.title}
              </Button>
            ))}
          </Flex>
        )}
      </Flex>
    </Box>
  );
};

type PlaceControlProps = Pick<LinkRowProps, 'link' | 'paragraphs' | 'rank' | 'busy' | 'onPlace'>;

/** The paragraph a link follows (a select: before the story, after each paragraph, at the end) and its rank there (up, down). */
const PlaceControl = ({ link, paragraphs, rank, busy, onPlace }: PlaceControlProps) => {
  const { formatMessage } = useIntl();
  const current = link.afterParagraph === null ? AT_THE_END : String(link.afterParagraph);
  // A place the story no longer has (paragraphs were removed) stays visible until the link is moved.
  const stale = link.afterParagraph !== null && link.afterParagraph > paragraphs.length;
  return (
    <Flex gap={1} alignItems="center">
      <Box flex="1" minWidth={0}>
        <SingleSelect
          size="S"
          aria-label={formatMessage({ id: t('place.label'), defaultMessage: 'Place in the story' })}
          value={current}
          // The closed select says only where the link stands; the open list adds each paragraph's first words.
          customizeContent={() => placeLabel(formatMessage, link.afterParagraph)}
          disabled={busy}
          onChange={(value: string | number) => {
            const afterParagraph = value === AT_THE_END ? null : Number(value);
            if (afterParagraph !== link.afterParagraph) void onPlace(link, afterParagraph);
          }}
        >
          <SingleSelectOption value="0">{placeLabel(formatMessage, 0)}</SingleSelectOption>
          {paragraphs.map((paragraph) => (
            <SingleSelectOption key={paragraph.number} value={String(paragraph.number)}>
              {formatMessage(
                { id: t('place.option'), defaultMessage: 'After ¶{number} — {words}' },
                { number: paragraph.number, words: paragraph.firstWords },
              )}
            </SingleSelectOption>
          ))}
          {stale && <SingleSelectOption value={current}>{placeLabel(formatMessage, link.afterParagraph)}</SingleSelectOption>}
          <SingleSelectOption value={AT_THE_END}>{placeLabel(formatMessage, null)}</SingleSelectOption>
        </SingleSelect>
      </Box>
      <IconButton
        size="S"
        variant="tertiary"
        label={formatMessage({ id: t('action.moveUp'), defaultMessage: 'Move up' })}
        disabled={busy || rank.index <= 0}
        onClick={() => void onPlace(link, link.afterParagraph, rank.index - 1)}
      >
        <ArrowUp />
      </IconButton>
      <IconButton
        size="S"
        variant="tertiary"
        label={formatMessage({ id: t('action.moveDown'), defaultMessage: 'Move down' })}
        disabled={busy || rank.index >= rank.count - 1}
        onClick={() => void onPlace(link, link.afterParagraph, rank.index + 1)}
      >
        <ArrowDown />
      </IconButton>
    </Flex>
  );
};
