import { compileStrapi } from '@strapi/strapi';
import { APP_DIR, applyTestEnvironment } from './environment';

/** Compiles the app's TypeScript once; each test file then boots the compiled dist/. */
export default async function globalSetup(): Promise<void> {
  applyTestEnvironment();
  await compileStrapi({ appDir: APP_DIR, ignoreDiagnostics: false });
}
