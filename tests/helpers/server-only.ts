// Jest stand-in for the `server-only` package, which throws when imported outside React Server
// Components. Tests import server modules directly, so the guard is mapped to this empty module
// (jest.config.mjs). The real guard still protects the app's builds.
export {};
