// Booting Strapi and migrating a fresh database takes seconds, more on PostgreSQL.
jest.setTimeout(120_000);
