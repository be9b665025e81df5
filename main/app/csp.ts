// The Content-Security-Policy of every page the workstation serves, in Electron (app://) and in the web host alike:
// nothing leaves the machine, no inline script. No Electron import, so the web host can use it too.
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
