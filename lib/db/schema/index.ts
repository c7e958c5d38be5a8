export * from "./offices";
export * from "./users";
export * from "./files";
export * from "./messages";
export * from "./audit";
export * from "./simulator";
export * from "./engine";
export * from "./providers";
