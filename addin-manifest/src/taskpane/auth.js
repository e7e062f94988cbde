// Signing in to the Kostra service from Excel, when the service asks for it (serve --auth oidc and/or tokens).
//
// With OpenID Connect: where Office supports nested app authentication (NestedAppAuth 1.1), MSAL.js asks Office for a
// token for the person already signed in to Office, silently if it can. Elsewhere the pane opens Office's dialog on
// signin.html, which signs in with a full-page redirect and hands the access token back. Only the access token is ever
// sent to the service, never the ID token.
// With personal API tokens (serve --auth tokens): the person pastes the token `token create` printed, once; the pane
// checks it with the service and keeps it until «Logg ut» (or until the service refuses it).
// Either token is kept in OfficeRuntime.storage, where the worksheet functions read it.

export const TOKEN_KEY = "kostra.accessToken";
/** A token this close to expiry is renewed rather than sent. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const DIALOG_PAGE = "/addin/taskpane/signin.html";

/** What a personal API token starts with (`token create` prints `kostra_` and 43 Base64url characters). */
const PERSONAL_PREFIX = "kostra_";

/** Interaction is needed: the person must press «Logg inn» or paste a token. */
export class SignInNeeded extends Error {
  constructor(message = "Du må logge inn for å hente tall fra KOSTRA-tjenesten.") {
    super(message);
    this.name = "SignInNeeded";
  }
}

export class SignIn {
  /**
   * @param {object} settings the service's /api/addin/sign-in answer
   * @param {object} host Office (for the requirement check and the dialog), msal (the MSAL.js namespace), storage
   *   (OfficeRuntime.storage or undefined), baseUrl (the service's address), now (a clock)
   */
  constructor(settings, { Office, msal, storage, baseUrl = "", now = () => Date.now() }, verify = async () => {}) {
    this.settings = settings;
    this.verify = verify;
    this.Office = Office;
    this.msal = msal;
    this.storage = storage;
    this.baseUrl = baseUrl.replace(/\/$/, "");
    this.now = now;
    this.current = null;
    this.account = null;
    this.client = null;
  }

  /** Asks the service whether and how to sign in, and takes up a personal token kept from before. */
  static async start(api, host) {
    const settings = await api.signInSettings();
    if (settings.required && !settings.oidc && !settings.tokens) {
      throw new Error("KOSTRA-tjenesten krever innlogging, men er ikke satt opp for innlogging fra Excel. "
        + "Be den som drifter tjenesten om å starte den med --oidc-client-id.");
    }
    const signIn = new SignIn(settings, host, (token) => api.verifyToken(token));
    await signIn.restore();
    return signIn;
  }

  get required() {
    return Boolean(this.settings.required);
  }

  /** Whether the person may sign in with OpenID Connect («Logg inn»). */
  get oidc() {
    return Boolean(this.settings.oidc);
  }

  /** Whether the person may paste a personal API token. */
  get personalTokens() {
    return Boolean(this.settings.tokens);
  }

  /** Who is signed in, as the pane says it. */
  get signedInAs() {
    if (this.current && this.current.personal) {
      return `Logget inn med personlig API-token (${this.current.accessToken.slice(0, PERSONAL_PREFIX.length + 6)}…).`;
    }
    return this.account ? `Logget inn som ${this.account}.` : "Logget inn.";
  }

  /** A personal token pasted in an earlier session, kept until «Logg ut». */
  async restore() {
    if (!this.personalTokens || !this.storage) return;
    try {
      const kept = JSON.parse(await this.storage.getItem(TOKEN_KEY));
      if (kept && kept.personal && typeof kept.accessToken === "string") this.current = kept;
    } catch (e) {
      // nothing usable kept: the person pastes the token again
    }
  }

  /**
   * Checks a pasted personal token with the service and keeps it (for the pane and the worksheet functions). A token
   * the service refuses is not kept.
   */
  async usePersonalToken(text) {
    const token = String(text || "").trim();
    if (!token.startsWith(PERSONAL_PREFIX)) {
      throw new Error(`Et personlig API-token begynner med «${PERSONAL_PREFIX}». Lim inn hele tokenet slik `
        + "«token create» skrev det ut.");
    }
    try {
      await this.verify(token);
    } catch (e) {
      if (e.status !== 401) throw e;
      throw new Error("KOSTRA-tjenesten godtok ikke tokenet: det er ukjent, utløpt eller trukket tilbake. "
        + "Sjekk at du limte inn hele tokenet, eller be den som drifter tjenesten om et nytt.");
    }
    this.current = { accessToken: token, expiresOn: null, personal: true };
    if (this.storage) await this.storage.setItem(TOKEN_KEY, JSON.stringify(this.current));
  }

  /** Whether Office can give MSAL a token for the person signed in to Office (nested app authentication). */
  get nested() {
    const requirements = this.Office && this.Office.context && this.Office.context.requirements;
    return Boolean(requirements && requirements.isSetSupported("NestedAppAuth", "1.1"));
  }

  /**
   * The access token to send, or null when the service is open. Without `interactive`, throws SignInNeeded where only
   * the person can go on; with it, shows Office's sign-in (a popup under nested app authentication, else the dialog).
   */
  async token({ interactive = false } = {}) {
    if (!this.required) return null;
    if (this.current && (this.current.personal || this.current.expiresOn - RENEW_BEFORE_MS > this.now())) {
      return this.current.accessToken;
    }
    if (!this.oidc) {
      throw new SignInNeeded("Du må logge inn for å hente tall fra KOSTRA-tjenesten: lim inn ditt personlige API-token.");
    }
    const result = this.nested ? await this.nestedToken(interactive) : await this.dialogToken(interactive);
    await this.keep(result);
    return result.accessToken;
  }

  /** Drops the token (the service refused it, or the person logs out): the next call needs a new one. */
  async forget() {
    this.current = null;
    this.account = null;
    if (this.storage) await this.storage.removeItem(TOKEN_KEY);
  }

  async nestedToken(interactive) {
    const { clientId, authority, scopes } = this.settings.oidc;
    if (!this.client) this.client = await this.msal.createNestablePublicClientApplication({ auth: { clientId, authority } });
    try {
      return await this.client.acquireTokenSilent({ scopes });
    } catch (e) {
      if (!interactive) throw new SignInNeeded();
      return this.client.acquireTokenPopup({ scopes });
    }
  }

  dialogToken(interactive) {
    if (!interactive) return Promise.reject(new SignInNeeded());
    return new Promise((resolve, reject) => {
      this.Office.context.ui.displayDialogAsync(`${this.baseUrl}${DIALOG_PAGE}`, { height: 60, width: 30 }, (opened) => {
        if (opened.status !== this.Office.AsyncResultStatus.Succeeded) {
          reject(new Error(`Kunne ikke åpne innloggingsvinduet (${opened.error ? opened.error.message : "ukjent feil"}). `
            + "Tillat popup-vinduer for tillegget og prøv igjen."));
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(this.Office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          try {
            const answer = JSON.parse(arg.message);
            if (answer.error) reject(new Error(`Innloggingen mislyktes: ${answer.error}`));
            else resolve(answer);
          } catch (e) {
            reject(new Error("Innloggingsvinduet svarte med noe uleselig. Prøv igjen."));
          }
        });
        dialog.addEventHandler(this.Office.EventType.DialogEventReceived, () => {
          reject(new SignInNeeded("Innloggingsvinduet ble lukket før du var logget inn."));
        });
      });
    });
  }

  /** Keeps the access token, and its expiry, for the pane and the worksheet functions. */
  async keep(result) {
    if (!result || typeof result.accessToken !== "string" || result.accessToken === "") {
      throw new Error("Innloggingen ga ikke noe tilgangstoken for KOSTRA-tjenesten.");
    }
    const expiresOn = result.expiresOn instanceof Date ? result.expiresOn.getTime() : Number(result.expiresOn);
    this.current = { accessToken: result.accessToken, expiresOn };
    this.account = result.account ? (result.account.username || result.account) : this.account;
    if (this.storage) await this.storage.setItem(TOKEN_KEY, JSON.stringify(this.current));
  }
}
