// Strapi drives better-sqlite3 through knex; the tests open a connection of their own with this part of its API.
declare module 'better-sqlite3' {
  class Database {
    constructor(filename: string);
    pragma(statement: string, options?: { simple?: boolean }): unknown;
    close(): void;
  }
  export default Database;
}
