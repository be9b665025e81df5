// Methods of this area are declared here; see foundation.ts for the pattern.
export const teamContract = {} as const;
