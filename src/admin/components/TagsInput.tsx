/**
 * Tags as editors type them: a word, Enter, and it becomes a chip; the cross removes it.
 * Stored as before (a JSON list of strings), so REST, GraphQL and the importer are unchanged.
 */
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Field, Flex, Tag, TextInput } from '@strapi/design-system';
import { Cross } from '@strapi/icons';
import { useIntl } from 'react-intl';

/** What the Content Manager passes a custom field's input; its registry types them all optional. */
type TagsInputProps = {
  name?: string;
  label?: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  value?: unknown;
  onChange?: (name: string, value: string[] | null) => void;
};

/** Tags from the stored value: a list of strings, anything else read as none. */
export function tagsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** The list after adding typed text: trimmed, commas split it, no blank and no tag twice (case aside). */
export function addTags(tags: string[], typed: string): string[] {
  const next = [...tags];
  for (const tag of typed.split(',').map((part) => part.trim())) {
    if (tag && !next.some((existing) => existing.toLowerCase() === tag.toLowerCase())) next.push(tag);
  }
  return next;
}

export default function TagsInput({ name = 'tags', label, hint, error, required, disabled, value, onChange }: TagsInputProps) {
  const { formatMessage } = useIntl();
  const [draft, setDraft] = useState('');
  const tags = tagsOf(value);
  const commit = () => {
    const next = addTags(tags, draft);
    setDraft('');
    if (next.length !== tags.length) onChange?.(name, next);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onChange?.(name, tags.length > 1 ? tags.slice(0, -1) : null);
    }
  };
  const remove = (tag: string) => {
    const next = tags.filter((existing) => existing !== tag);
    onChange?.(name, next.length > 0 ? next : null);
  };
  return (
    <Field.Root name={name} hint={hint} error={error} required={required}>
      <Field.Label>{label}</Field.Label>
      <Flex direction="column" alignItems="stretch" gap={2}>
        {tags.length > 0 && (
          <Flex gap={2} wrap="wrap" role="list" aria-label={formatMessage({ id: 'newsdesk.tags.list', defaultMessage: 'Tags' })}>
            {tags.map((tag) => (
              <span role="listitem" key={tag}>
                <Tag
                  icon={<Cross aria-hidden />}
                  disabled={disabled}
                  onClick={() => remove(tag)}
                  label={formatMessage({ id: 'newsdesk.tags.remove', defaultMessage: 'Remove {tag}' }, { tag })}
                >
                  {tag}
                </Tag>
              </span>
            ))}
          </Flex>
        )}
        <TextInput
          value={draft}
          disabled={disabled}
          placeholder={formatMessage({ id: 'newsdesk.tags.placeholder', defaultMessage: 'Add a tag and press Enter' })}
          onChange={(event: { target: { value: string } }) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={commit}
        />
      </Flex>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
