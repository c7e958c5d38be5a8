// Vitest runs server modules outside Next.js, where the "server-only" guard would throw.
export {};
