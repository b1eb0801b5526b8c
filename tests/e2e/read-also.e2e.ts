import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { APP_DIR, startBuiltApp, type RunningApp } from './server';

const OUTPUT = path.join(APP_DIR, 'test-output', 'e2e');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const SUPER_ADMIN = { email: 'chief@newsdesk.test', password: 'Newsdesk-e2e-1', firstname: 'Chief', lastname: 'Editor' };
const AUTHOR = { email: 'author@newsdesk.test', password: 'Newsdesk-e2e-2', firstname: 'Anne', lastname: 'Author' };

let app: RunningApp;
const profiles: string[] = [];

/**
 * Requests Strapi 5.54's own admin makes in the Community Edition and that answer 404 by design
 * (AI features, AI localization jobs, preview when no preview URL is configured). Nothing else
 * may fail, and no other console error is tolerated.
 */
const STRAPI_CE_404S = [/^\/admin\/ai-feature-config$/u, /^\/i18n\/ai-localization-jobs\//u, /^\/content-manager\/preview\/url\//u];

type Watch = { errors: string[]; failedRequests: string[] };

/** Console errors and failed requests, less Strapi's own expected 404s. */
function unexpectedErrors(watch: Watch): string[] {
  const unexpected = watch.failedRequests.filter(
    (request) => !(request.startsWith('404 GET ') && STRAPI_CE_404S.some((pattern) => pattern.test(request.slice('404 GET '.length)))),
  );
  const expectedFailures = watch.failedRequests.length - unexpected.length;
  let excused = 0;
  const consoleErrors = watch.errors.filter((message) => {
    if (message.includes('status of 404') && excused < expectedFailures) {
      excused += 1;
      return false;
    }
    return true;
  });
  return [...unexpected, ...consoleErrors];
}

async function openBrowser(): Promise<{ context: BrowserContext; page: Page } & Watch> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-chromium-'));
  profiles.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    viewport: { width: 1440, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // The console names only the status of a failed request: keep its URL beside it.
  page.on('response', (response) => {
    if (response.status() >= 400)
      failedRequests.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return { context, page, errors, failedRequests };
}

async function skipGuidedTour(page: Page) {
  const skip = page.getByRole('button', { name: 'Skip' });
  if (await skip.isVisible().catch(() => false)) await skip.click();
}

async function adminApi<T = { data: Record<string, unknown> & { documentId: string } }>(
  token: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${app.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<T>;
}

/** A time on a day of January 2023, near the seed's (Jan 10, 2023), so recency ranks it with the seed's neighbours. */
const january2023 = (day: number) => new Date(Date.UTC(2023, 0, day, 12));

/** Publishes a story through the Content Manager's admin API; returns its document id. */
async function publishStory(token: string, title: string, paragraph: string, storyPublishedAt: Date): Promise<string> {
  const uid = 'api::article.article';
  const created = await adminApi(token, 'POST', `/content-manager/collection-types/${uid}`, {
    title,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: paragraph }] }],
    section: 'World',
    storyPublishedAt: storyPublishedAt.toISOString(),
  });
  await adminApi(token, 'POST', `/content-manager/collection-types/${uid}/${created.data.documentId}/actions/publish`, {});
  return created.data.documentId;
}

beforeAll(async () => {
  fs.mkdirSync(OUTPUT, { recursive: true });
  app = await startBuiltApp(path.join(OUTPUT, 'server.log'));
});

afterAll(async () => {
  await app?.stop();
  for (const profile of profiles) fs.rmSync(profile, { recursive: true, force: true });
});

test('an editor sees suggestions with reasons, accepts one, rejects one, and the decisions hold', async () => {
  const editor = await openBrowser();
  const { context, page } = editor;
  try {
    // Given a new Newsdesk: register the first administrator in the browser.
    await page.goto(`${app.url}/admin`);
    await page.getByRole('button', { name: /let's start/i }).waitFor({ timeout: 60_000 });
    await page.getByLabel(/first ?name/i).fill(SUPER_ADMIN.firstname);
    await page.getByLabel(/last ?name/i).fill(SUPER_ADMIN.lastname);
    await page.getByLabel(/^email/i).fill(SUPER_ADMIN.email);
    await page.getByLabel(/^password/i).fill(SUPER_ADMIN.password);
    await page.getByLabel(/confirm(ation)? password/i).fill(SUPER_ADMIN.password);
    await page.getByRole('button', { name: /let's start/i }).click();
    await page.waitForURL(/\/admin(\/)?$/u, { timeout: 60_000 });
    await skipGuidedTour(page);

    const token = await adminToken(SUPER_ADMIN);

    // And a few stories about the same people, and one about nothing of the kind.
    await publishStory(
      token,
      'Zelensky thanks Canada for its military support',
      'Volodymyr Zelensky thanked Justin Trudeau and Canada for military aid to Ukraine.',
      january2023(9),
    );
    await publishStory(
      token,
      'Trudeau announces new aid for Ukraine',
      'Prime Minister Justin Trudeau announced new military equipment for Ukraine’s defence.',
      january2023(8),
    );
    await publishStory(token, 'Local football club wins the cup', 'The club won the regional final after extra time.', january2023(10));

    const seed = (await fetch(`${app.url}/api/articles?filters[sourceId][$eq]=newsdesk-seed-trudeau-zelensky`).then((res) =>
      res.json(),
    )) as {
      data: { documentId: string }[];
    };
    const seedId = seed.data[0].documentId;

    // When the editor opens the seed article.
    await page.goto(editViewUrl(seedId));
    await skipGuidedTour(page);
    const panel = page.getByTestId('read-also-panel');
    await panel.waitFor({ timeout: 60_000 });
    const suggestions = panel.getByTestId('read-also-suggestion');
    await suggestions.first().waitFor();
    expect(await suggestions.count()).toBeGreaterThanOrEqual(2);
    const firstText = await suggestions.nth(0).innerText();
    expect(firstText).toMatch(/both mention|quotes|shared terms/);
    expect(await panel.innerText()).not.toContain('Local football club wins the cup');
    await page.screenshot({ path: path.join(OUTPUT, '1-panel-with-suggestions.png'), fullPage: true });
    await panel.screenshot({ path: path.join(OUTPUT, '1-panel-only.png') });

    // Then the editor accepts one and rejects another.
    const acceptedTitle = (await suggestions.nth(0).locator('span, p').first().innerText()).trim();
    const rejectedTitle = (await suggestions.nth(1).locator('span, p').first().innerText()).trim();
    // "Accept and publish": the Super Admin may publish, so the link reaches readers at once.
    await suggestions.nth(0).getByRole('button', { name: 'Accept and publish' }).click();
    await panel.getByTestId('read-also-link').filter({ hasText: acceptedTitle }).waitFor();
    await panel.getByTestId('read-also-suggestion').filter({ hasText: rejectedTitle }).getByRole('button', { name: 'Reject' }).click();
    await panel.getByTestId('read-also-suggestion').filter({ hasText: rejectedTitle }).waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(OUTPUT, '2-after-accept-and-reject.png'), fullPage: true });

    // And after a reload both decisions are kept.
    await page.reload();
    await panel.waitFor();
    await panel.getByTestId('read-also-link').filter({ hasText: acceptedTitle }).waitFor();
    expect(await panel.getByTestId('read-also-suggestion').filter({ hasText: rejectedTitle }).count()).toBe(0);
    expect(await panel.getByTestId('read-also-suggestion').filter({ hasText: acceptedTitle }).count()).toBe(0);
    await page.screenshot({ path: path.join(OUTPUT, '3-after-reload.png'), fullPage: true });

    // And an anonymous frontend reads the accepted link.
    const publicArticle = (await fetch(`${app.url}/api/articles/${seedId}?populate[relatedLinks][populate][0]=targetArticle`).then((res) =>
      res.json(),
    )) as { data: { relatedLinks: { label: string; origin: string; targetArticle: { title: string } | null }[] } };
    expect(publicArticle.data.relatedLinks.find((link) => link.label === acceptedTitle)).toMatchObject({
      origin: 'suggested',
      targetArticle: { title: acceptedTitle },
    });
    expect(unexpectedErrors(editor)).toEqual([]);

    // An Author, invited by the chief, sees no actions on an article that is not theirs.
    const authorRole = (await adminApi(token, 'GET', '/admin/roles')) as unknown as { data: { id: number; code: string }[] };
    const roleId = authorRole.data.find((role) => role.code === 'strapi-author')?.id;
    const invited = (await adminApi(token, 'POST', '/admin/users', {
      email: AUTHOR.email,
      firstname: AUTHOR.firstname,
      lastname: AUTHOR.lastname,
      roles: [roleId],
    })) as unknown as { data: { registrationToken: string } };
    const registered = await fetch(`${app.url}/admin/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        registrationToken: invited.data.registrationToken,
        userInfo: { firstname: AUTHOR.firstname, lastname: AUTHOR.lastname, password: AUTHOR.password },
      }),
    });
    expect(registered.status).toBe(200);
  } finally {
    await context.close();
  }

  const author = await openBrowser();
  try {
    await author.page.goto(`${app.url}/admin/auth/login`);
    await author.page.getByLabel(/^email/i).fill(AUTHOR.email);
    await author.page.getByLabel(/^password/i).fill(AUTHOR.password);
    await author.page.getByRole('button', { name: /login/i }).click();
    await author.page.waitForURL(/\/admin(\/)?$/u, { timeout: 60_000 });
    await skipGuidedTour(author.page);
    const seed = (await fetch(`${app.url}/api/articles?filters[sourceId][$eq]=newsdesk-seed-trudeau-zelensky`).then((res) =>
      res.json(),
    )) as {
      data: { documentId: string }[];
    };
    await author.page.goto(editViewUrl(seed.data[0].documentId));
    await author.page.waitForLoadState('networkidle');
    await author.page.screenshot({ path: path.join(OUTPUT, '4-author-view.png'), fullPage: true });
    expect(await author.page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);
    expect(await author.page.getByRole('button', { name: 'Accept and publish' }).count()).toBe(0);
    expect(await author.page.getByRole('button', { name: 'Reject' }).count()).toBe(0);
  } finally {
    await author.context.close();
  }
});

async function logInAs(page: Page, user: { email: string; password: string }) {
  await page.goto(`${app.url}/admin/auth/login`);
  await page.getByLabel(/^email/i).fill(user.email);
  await page.getByLabel(/^password/i).fill(user.password);
  await page.getByRole('button', { name: /login/i }).click();
  await page.waitForURL(/\/admin(\/)?$/u, { timeout: 60_000 });
  await skipGuidedTour(page);
}

/** One admin token per user for the whole file: Strapi allows only a few logins per address in five minutes. */
const adminTokens = new Map<string, string>();
async function adminToken(user: { email: string; password: string }): Promise<string> {
  const known = adminTokens.get(user.email);
  if (known) return known;
  const login = await fetch(`${app.url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  }).then((res) => res.json() as Promise<{ data: { token: string } }>);
  adminTokens.set(user.email, login.data.token);
  return login.data.token;
}

async function seedArticleId(): Promise<string> {
  const seed = (await fetch(`${app.url}/api/articles?filters[sourceId][$eq]=newsdesk-seed-trudeau-zelensky`).then((res) => res.json())) as {
    data: { documentId: string }[];
  };
  return seed.data[0].documentId;
}

/** The article's edit view in the Content Manager, in one locale. */
const editViewUrl = (documentId: string, locale = 'en') =>
  `${app.url}/admin/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=${locale}`;

/** Logs the user in and opens the seed story's edit view; returns its document id. */
async function openSeedArticleAs(page: Page, user: { email: string; password: string }): Promise<string> {
  await logInAs(page, user);
  const seedId = await seedArticleId();
  await page.goto(editViewUrl(seedId));
  return seedId;
}

/** The labels of the edit view's fields, top to bottom. */
async function fieldLabels(page: Page): Promise<string[]> {
  const labels = await page.locator('main form label').allInnerTexts();
  // Relation labels end with their count, e.g. "Quotes (3)".
  return labels
    .map((label) =>
      label
        .replace(/\*$/u, '')
        .replace(/ \(\d+\)$/u, '')
        .trim(),
    )
    .filter(Boolean);
}

test("the edit view reads like a newsroom's, in English and in French, with tags as chips", async () => {
  const editor = await openBrowser();
  const { context, page } = editor;
  try {
    const seedId = await openSeedArticleAs(page, SUPER_ADMIN);
    await page.getByLabel('Headline').waitFor({ timeout: 60_000 });

    // Headline, standfirst and story first; then the story's metadata; no system checksum.
    const labels = await fieldLabels(page);
    expect(labels.slice(0, 3)).toEqual(['Headline', 'Standfirst', 'Story']);
    expect(labels.indexOf('Filed at')).toBeGreaterThan(labels.indexOf('Story'));
    expect(labels.indexOf('People in the story')).toBeGreaterThan(labels.indexOf('Wire ID'));
    expect(labels).not.toContain('importChecksum');
    expect(labels).not.toContain('Import checksum');
    expect(await page.getByLabel('Wire ID').isDisabled()).toBe(true);
    await page.getByText('When the agency filed the story (not when Newsdesk published it).').waitFor();

    // Tags are chips; typing one and Enter adds a chip, and saving keeps it.
    const tags = page.getByRole('list', { name: 'Tags' });
    expect(await tags.getByRole('listitem').allInnerTexts()).toEqual(['Ukraine', 'Canada', 'Russia', 'War in Ukraine']);
    await page.getByPlaceholder('Add a tag and press Enter').fill('Diplomacy');
    await page.getByPlaceholder('Add a tag and press Enter').press('Enter');
    await tags.getByRole('listitem').filter({ hasText: 'Diplomacy' }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, '5-edit-view-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/saved/i).first().waitFor();
    const draft = await fetch(`${app.url}/content-manager/collection-types/api::article.article/${seedId}?locale=en`, {
      headers: { Authorization: `Bearer ${await adminToken(SUPER_ADMIN)}` },
    }).then((res) => res.json() as Promise<{ data: { tags: string[] } }>);
    expect(draft.data.tags).toEqual(['Ukraine', 'Canada', 'Russia', 'War in Ukraine', 'Diplomacy']);

    // In French, the same view speaks French.
    // The interface language is the user's preference, which the admin keeps in local storage.
    await adminApi(await adminToken(SUPER_ADMIN), 'PUT', '/admin/users/me', { preferedLanguage: 'fr' });
    await page.evaluate("localStorage.setItem('strapi-admin-language', 'fr')");
    await page.reload();
    await page.getByText('Chapeau', { exact: true }).waitFor({ timeout: 60_000 });
    const french = await fieldLabels(page);
    expect(french.slice(0, 3)).toEqual(['Titre', 'Chapeau', 'Texte']);
    expect(french).toContain("Identifiant de l'agence");
    await page.getByText("Quand l'agence a envoyé la dépêche (pas quand Newsdesk l'a publiée).").waitFor();
    await page.screenshot({ path: path.join(OUTPUT, '6-edit-view-fr.png'), fullPage: true });
    await adminApi(await adminToken(SUPER_ADMIN), 'PUT', '/admin/users/me', { preferedLanguage: 'en' });
    await page.evaluate("localStorage.setItem('strapi-admin-language', 'en')");
    expect(unexpectedErrors(editor)).toEqual([]);
  } finally {
    await context.close();
  }
});

test("the panel lists the story's quotes with their speakers, and an editor sets a speaker in one step", async () => {
  const editor = await openBrowser();
  const { context, page } = editor;
  try {
    await openSeedArticleAs(page, SUPER_ADMIN);
    const section = page.getByTestId('read-also-quotes');
    await section.waitFor({ timeout: 60_000 });
    const quotes = section.getByTestId('read-also-quote');
    await quotes.first().waitFor();
    expect(await quotes.count()).toBe(3);
    // The seed's first quote is Zelensky's words on Twitter.
    const first = quotes.first();
    expect(await first.innerText()).toContain('Volodymyr Zelensky');

    // The editor changes its speaker to Justin Trudeau by typing a few letters and picking the name.
    await first.getByRole('textbox', { name: 'Speaker of this quote' }).pressSequentially('Trud');
    await first.getByRole('button', { name: 'Justin Trudeau' }).click();
    await first.getByText('Justin Trudeau', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, '8-quotes-in-panel.png'), fullPage: true });
    await section.screenshot({ path: path.join(OUTPUT, '8-quotes-section.png') });

    // The Super Admin may publish quotes: readers see the new speaker at once.
    const quoteId = (await first.getAttribute('data-quote-id')) as string;
    const live = (await fetch(`${app.url}/api/quotes/${quoteId}?populate[speaker][fields][0]=name`).then((res) => res.json())) as {
      data: { speaker: { name: string } | null };
    };
    expect(live.data.speaker?.name).toBe('Justin Trudeau');

    // And it is kept after a reload.
    await page.reload();
    await section.waitFor({ timeout: 60_000 });
    await section.getByTestId('read-also-quote').first().getByText('Justin Trudeau', { exact: true }).waitFor();
    expect(unexpectedErrors(editor)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('an editor sees where each link stands in the story, moves one to another paragraph and reorders, and the places hold', async () => {
  const WASHINGTON = 'Washington still views Maduro government';
  const RUSSIA = 'Russia: mourning and anger';
  const PUTIN = 'Putin orders the screening of documentaries';
  const editor = await openBrowser();
  const { context, page } = editor;
  try {
    // Given the seed story, imported with three "Read also" links after its first paragraph.
    const seedId = await openSeedArticleAs(page, SUPER_ADMIN);
    const panel = page.getByTestId('read-also-panel');
    await panel.waitFor({ timeout: 60_000 });
    const row = (label: string) => panel.getByTestId('read-also-link').filter({ hasText: label });
    const placeSelect = (label: string) => row(label).getByRole('combobox', { name: 'Place in the story' });
    const placeOf = async (label: string) => ((await placeSelect(label).textContent()) ?? '').trim();
    const labels = async () => (await panel.getByTestId('read-also-link').allInnerTexts()).map((text) => text.split('\n')[0].trim());

    await row(PUTIN).waitFor();
    expect(await placeOf(WASHINGTON)).toBe('After ¶1');
    expect(await placeOf(PUTIN)).toBe('After ¶1');

    // When the editor moves the third link after paragraph 2, choosing the paragraph by its first words.
    await placeSelect(PUTIN).click();
    await page.getByRole('option', { name: 'Before the story' }).waitFor();
    await page.waitForTimeout(300); // the list fades in
    await page.screenshot({ path: path.join(OUTPUT, '7-place-options.png') });
    await page.getByRole('option', { name: /^After ¶2 — “We discussed/u }).click();
    await placeSelect(PUTIN).filter({ hasText: 'After ¶2' }).waitFor();
    // The article is live: the new place waits in the draft, and the editor is told so.
    await page.getByText('Link moved in the draft').first().waitFor();
    await row(PUTIN).getByText('Change in the draft').waitFor();

    // And moves the second link up, first after paragraph 1.
    await row(RUSSIA).getByRole('button', { name: 'Move up' }).click();
    await panel.getByTestId('read-also-link').first().filter({ hasText: RUSSIA }).waitFor();
    expect(await row(RUSSIA).getByRole('button', { name: 'Move up' }).isDisabled()).toBe(true);
    // A taller window shows the whole panel at once.
    await page.setViewportSize({ width: 1440, height: 1600 });
    await panel.getByText('Links in this article').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(OUTPUT, '7-links-in-place.png') });

    // Then after a reload the links stand where they were put, in reading order.
    await page.reload();
    await panel.waitFor({ timeout: 60_000 });
    await row(PUTIN).waitFor();
    const known = [RUSSIA, WASHINGTON, PUTIN];
    const order = (await labels()).map((label) => known.find((start) => label.startsWith(start)) ?? label);
    expect(order.slice(0, 3)).toEqual([RUSSIA, WASHINGTON, PUTIN]);
    expect([await placeOf(RUSSIA), await placeOf(WASHINGTON), await placeOf(PUTIN)]).toEqual(['After ¶1', 'After ¶1', 'After ¶2']);
    // Up and down move a link among the links after its paragraph only.
    const movable = async (label: string) =>
      Promise.all(['Move up', 'Move down'].map(async (name) => row(label).getByRole('button', { name }).isEnabled()));
    expect(await movable(RUSSIA)).toEqual([false, true]);
    expect(await movable(WASHINGTON)).toEqual([true, false]);
    expect(await movable(PUTIN)).toEqual([false, false]);

    // And one who may publish can put a new place before readers at once.
    await panel.getByRole('checkbox', { name: 'Publish new places at once' }).click();
    await row(RUSSIA).getByRole('button', { name: 'Move down' }).click();
    await page.getByText('Link moved: readers see it in its new place.').first().waitFor();
    const live = (await fetch(
      `${app.url}/api/articles/${seedId}?populate[relatedLinks][fields][0]=label&populate[relatedLinks][fields][1]=afterParagraph&populate[relatedLinks][fields][2]=order`,
    ).then((res) => res.json())) as { data: { relatedLinks: { label: string; afterParagraph: number | null; order: number }[] } };
    const livePlace = (start: string) => live.data.relatedLinks.find((link) => link.label.startsWith(start));
    expect(livePlace(WASHINGTON)).toMatchObject({ afterParagraph: 1, order: 0 });
    expect(livePlace(RUSSIA)).toMatchObject({ afterParagraph: 1, order: 1 });
    expect(unexpectedErrors(editor)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a new story follows up the 2023 seed: the editor finds it under Follow-ups waiting and adds it as a Read also link in one click', async () => {
  const FOLLOW_UP = 'Zelensky and Trudeau speak again about Ukraine’s defence needs';
  const editor = await openBrowser();
  const { context, page } = editor;
  try {
    // Given the 2023 seed story, and a story on the same subject published this week.
    const token = await adminToken(SUPER_ADMIN);
    const seedId = await seedArticleId();
    const seed = (await fetch(`${app.url}/api/articles/${seedId}?fields[0]=title`).then((res) => res.json())) as {
      data: { title: string };
    };
    const seedRow = () => page.getByTestId('read-also-follow-ups-row').filter({ hasText: seed.data.title });
    const followUpId = await publishStory(
      token,
      FOLLOW_UP,
      'Ukrainian President Volodymyr Zelensky and Prime Minister Justin Trudeau discussed Ukraine’s defence needs and Canada’s military aid again.',
      new Date(Date.now() - 24 * 60 * 60 * 1000),
    );
    // Publishing queues the ranking work; the follow-up is offered once the queue is worked.
    const offered = async () => {
      const { data } = await adminApi<{ data: { documentId: string }[] }>(token, 'GET', `/read-also/articles/${seedId}/follow-ups`);
      return data.some((followUp) => followUp.documentId === followUpId);
    };
    for (let attempt = 0; attempt < 60 && !(await offered()); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await offered()).toBe(true);

    // When the editor opens Follow-ups waiting from the main menu.
    await logInAs(page, SUPER_ADMIN);
    await page.getByRole('link', { name: 'Follow-ups' }).click();
    const row = seedRow();
    await row.waitFor({ timeout: 60_000 });
    expect(await row.innerText()).toContain(FOLLOW_UP);
    expect(await row.innerText()).toMatch(/1 follow-up/iu);
    await page.getByRole('heading', { name: 'Follow-ups waiting' }).waitFor();
    await page.screenshot({ path: path.join(OUTPUT, '9-follow-ups-waiting.png'), fullPage: true });

    // Then the seed's row opens its edit view, where the follow-up waits under "Newer on this topic".
    await row.getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/content-manager/collection-types/api::article.article/${seedId}`, 'u'));
    const section = page.getByTestId('read-also-follow-ups');
    await section.waitFor({ timeout: 60_000 });
    const card = section.getByTestId('read-also-follow-up').filter({ hasText: FOLLOW_UP });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Published \w{3} \d{1,2}, \d{4}/u);
    await page.setViewportSize({ width: 1440, height: 1600 });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(OUTPUT, '10-newer-on-this-topic.png') });

    // When the editor adds it, in one click.
    await card.getByRole('button', { name: 'Add as Read also' }).click();
    await page.getByText('Link added to the draft').first().waitFor();
    // Then it is a link of the story, waiting in the draft, and no longer offered.
    const link = page.getByTestId('read-also-link').filter({ hasText: FOLLOW_UP });
    await link.waitFor();
    await link.getByText('In the draft').waitFor();
    await card.waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(OUTPUT, '10-follow-up-added.png'), fullPage: true });

    // And the seed has left Follow-ups waiting.
    await page.goto(`${app.url}/admin/plugins/read-also`);
    await page.getByRole('heading', { name: 'Follow-ups waiting' }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    expect(await seedRow().count()).toBe(0);
    expect(unexpectedErrors(editor)).toEqual([]);
  } finally {
    await context.close();
  }
});
