// The sign-in dialog, where Office has no nested app authentication: the pane opens this page in Office's dialog, it
// signs in with a full-page redirect to the authority and back (MSAL.js handles the answer here, so no redirect bridge
// is needed), then hands the access token, its expiry and the account name to the pane. Never the ID token.

/** Signs in and returns what the pane needs, or redirects away (and this page loads again with the answer). */
export async function signInHere({ msal, settings, location }) {
  const { clientId, authority, protocolMode, knownAuthorities, scopes } = settings;
  const client = new msal.PublicClientApplication({
    auth: { clientId, authority, knownAuthorities, redirectUri: location.origin + location.pathname },
    cache: { cacheLocation: "sessionStorage" },
    system: { protocolMode },
  });
  await client.initialize();
  const result = await client.handleRedirectPromise();
  if (!result) {
    await client.acquireTokenRedirect({ scopes });
    return null;
  }
  return { accessToken: result.accessToken, expiresOn: result.expiresOn.getTime(), account: result.account.username };
}

async function run() {
  let answer;
  try {
    const response = await fetch("/api/addin/sign-in", { headers: { Accept: "application/json" } });
    const settings = await response.json();
    if (!settings.oidc) throw new Error("tjenesten er ikke satt opp for innlogging fra Excel");
    answer = await signInHere({ msal: globalThis.msal, settings: settings.oidc, location: globalThis.location });
    if (answer === null) return;
  } catch (e) {
    answer = { error: e.message || String(e) };
  }
  Office.context.ui.messageParent(JSON.stringify(answer));
}

if (typeof Office !== "undefined" && typeof document !== "undefined") {
  Office.onReady(run);
}
