// Signing in to the Kostra service from Excel, when the service asks for it (serve --auth oidc).
//
// Where Office supports nested app authentication (NestedAppAuth 1.1), MSAL.js asks Office for a token for the person
// already signed in to Office, silently if it can. Elsewhere the pane opens Office's dialog on signin.html, which signs
// in with a full-page redirect and hands the access token back. Only the access token is ever sent to the service,
// never the ID token. The pane also keeps it in OfficeRuntime.storage, where the worksheet functions read it.

export const TOKEN_KEY = "kostra.accessToken";
/** A token this close to expiry is renewed rather than sent. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
const DIALOG_PAGE = "/addin/taskpane/signin.html";

/** Interaction is needed: the person must press «Logg inn». */
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
  constructor(settings, { Office, msal, storage, baseUrl = "", now = () => Date.now() }) {
    this.settings = settings;
    this.Office = Office;
    this.msal = msal;
    this.storage = storage;
    this.baseUrl = baseUrl.replace(/\/$/, "");
    this.now = now;
    this.current = null;
    this.account = null;
    this.client = null;
  }

  /** Asks the service whether and how to sign in. */
  static async start(api, host) {
    const settings = await api.signInSettings();
    if (settings.required && !settings.oidc) {
      throw new Error("KOSTRA-tjenesten krever innlogging, men er ikke satt opp for innlogging fra Excel. "
        + "Be den som drifter tjenesten om å starte den med --oidc-client-id.");
    }
    return new SignIn(settings, host);
  }

  get required() {
    return Boolean(this.settings.required);
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
    if (this.current && this.current.expiresOn - RENEW_BEFORE_MS > this.now()) return this.current.accessToken;
    const result = this.nested ? await this.nestedToken(interactive) : await this.dialogToken(interactive);
    await this.keep(result);
    return result.accessToken;
  }

  /** Drops the token (the service refused it): the next call gets a new one. */
  async forget() {
    this.current = null;
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
