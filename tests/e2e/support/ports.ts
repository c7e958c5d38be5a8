// Fixed loopback ports for the end-to-end servers, away from the defaults a developer uses.
export const E2E_PORT = 3100;
export const E2E_ENGINE_PORT = 8390;
export const RESTART_PORT = 3101;
export const RESTART_ENGINE_PORT = 8391;
